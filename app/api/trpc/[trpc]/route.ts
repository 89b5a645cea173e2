import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createApiContext } from "@/server/api";
import { currentMember } from "@/server/auth";
import { ensureServerReady } from "@/server/runtime";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  await ensureServerReady();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createApiContext(await currentMember()),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
