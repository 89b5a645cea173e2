/**
 * Signing in and out over HTTP in tests, through next-auth's own core handler with our options (what
 * the /api/auth route runs after reading the request): the CSRF token first, then the form post,
 * cookies kept as a browser keeps them.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { authOptions } from "../auth";
import { publicUrl } from "../env";

type AuthAnswer = { status?: number; body?: unknown; redirect?: string; cookies?: { name: string; value: string }[] };

// The package's export map hides the core handler, so load it by path.
const nodeRequire = createRequire(import.meta.url);
const { AuthHandler } = nodeRequire(path.join(path.dirname(nodeRequire.resolve("next-auth")), "core", "index.js")) as {
  AuthHandler: (params: { req: Request; options: ReturnType<typeof authOptions> }) => Promise<AuthAnswer>;
};

const authUrl = (action: string) => `${publicUrl()}/api/auth/${action}`;
const baseHeaders = (ip: string) => ({ host: new URL(publicUrl()).host, "x-forwarded-for": ip });

/** A browser's cookie jar, as the Cookie header it would send. */
export type CookieJar = Map<string, string>;
export const cookieHeader = (jar: CookieJar) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
const keep = (jar: CookieJar, answer: AuthAnswer) => {
  for (const c of answer.cookies ?? []) {
    if (c.value) jar.set(c.name, c.value);
    else jar.delete(c.name);
  }
};

/** POST a next-auth form (with a fresh CSRF token) and keep the cookies it sets. */
async function postForm(jar: CookieJar, action: string, fields: Record<string, string>, ip: string): Promise<AuthAnswer> {
  const csrf = await AuthHandler({ req: new Request(authUrl("csrf"), { headers: { ...baseHeaders(ip), cookie: cookieHeader(jar) } }), options: authOptions() });
  keep(jar, csrf);
  const answer = await AuthHandler({
    req: new Request(authUrl(action), {
      method: "POST",
      headers: { ...baseHeaders(ip), "content-type": "application/json", cookie: cookieHeader(jar) },
      body: JSON.stringify({ ...fields, csrfToken: (csrf.body as { csrfToken: string }).csrfToken, json: "true" }),
    }),
    options: authOptions(),
  });
  keep(jar, answer);
  return answer;
}

/** Sign in with the credentials form; `isSignedIn` when next-auth set a session cookie. */
export async function signInOverHttp(jar: CookieJar, email: string, password: string, ip = "203.0.113.50") {
  const answer = await postForm(jar, "callback/credentials", { email, password }, ip);
  const error = answer.redirect ? new URL(answer.redirect, publicUrl()).searchParams.get("error") : null;
  return { status: answer.status ?? 200, error, isSignedIn: [...jar.keys()].some((name) => name.endsWith("next-auth.session-token")) };
}

/** Sign out as the sign-out button does (POST /api/auth/signout). */
export async function signOutOverHttp(jar: CookieJar, ip = "203.0.113.50") {
  return postForm(jar, "signout", {}, ip);
}
