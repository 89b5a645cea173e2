/**
 * next-auth's core handler: what its App Router route (app/api/auth/[...nextauth]) calls after
 * reading the request. The package's export map hides it, so tests load it by path, and sign in
 * the way a browser's form does: CSRF token first, then the credentials callback.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { authOptions } from "../auth";
import { publicUrl } from "../env";

const nodeRequire = createRequire(import.meta.url);
export const { AuthHandler } = nodeRequire(path.join(path.dirname(nodeRequire.resolve("next-auth")), "core", "index.js")) as {
  AuthHandler: (params: { req: Request; options: ReturnType<typeof authOptions> }) => Promise<{
    status?: number;
    body?: unknown;
    redirect?: string;
    cookies?: { name: string; value: string }[];
  }>;
};

export type SignInAttempt = { status: number; error: string | null; isSignedIn: boolean };

/** One credentials sign-in with the given request headers (e.g. the address the server stamped). */
export async function signInThroughNextAuth(email: string, password: string, headers: Record<string, string>): Promise<SignInAttempt> {
  const base = `${publicUrl()}/api/auth`;
  const all = { host: new URL(publicUrl()).host, ...headers };
  const csrf = await AuthHandler({ req: new Request(`${base}/csrf`, { headers: all }), options: authOptions() });
  const csrfCookie = csrf.cookies?.find((c) => c.name.endsWith("next-auth.csrf-token"));
  if (!csrfCookie) throw new Error("next-auth gave no CSRF cookie");
  const res = await AuthHandler({
    req: new Request(`${base}/callback/credentials`, {
      method: "POST",
      headers: { ...all, "content-type": "application/json", cookie: `${csrfCookie.name}=${csrfCookie.value}` },
      body: JSON.stringify({ csrfToken: (csrf.body as { csrfToken: string }).csrfToken, email, password, json: "true" }),
    }),
    options: authOptions(),
  });
  const error = res.redirect ? new URL(res.redirect, publicUrl()).searchParams.get("error") : null;
  return { status: res.status ?? 200, error, isSignedIn: Boolean(res.cookies?.some((c) => c.name.endsWith("next-auth.session-token") && c.value)) };
}
