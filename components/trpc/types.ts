import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** What each procedure returns, as the browser sees it (after superjson). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export type ConversationStatus = NonNullable<RouterInputs["conversations"]["list"]["status"]>;
export type SmsConsent = RouterOutputs["simulator"]["shoppers"][number]["smsConsent"];

/** The message a tRPC call failed with; the server already wrote it for people. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Try again.";
}

/** The tRPC error code ("NOT_FOUND", …) of a failed call, if it has one. */
export function errorCodeOf(error: unknown): string | undefined {
  return (error as { data?: { code?: string } } | null)?.data?.code;
}
