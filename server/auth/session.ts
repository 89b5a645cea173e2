import type { IncomingMessage, ServerResponse } from "node:http";
import { getServerSession } from "next-auth/next";
import { authOptions } from "./options";
import { brandMemberOf, type BrandMember } from "./membership";

/**
 * The signed-in member of a brand for this request, or null. Pages call it without arguments (the
 * cookies come from Next's request scope); route handlers pass their Request. Either way the
 * session callbacks in options.ts run, so an ended session signs nobody in.
 */
export async function currentMember(req?: Request): Promise<BrandMember | null> {
  const session = req ? await getServerSession(asNodeRequest(req), ignoredResponse, authOptions()) : await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  return brandMemberOf(userId);
}

type NodeStyleRequest = IncomingMessage & { cookies: Record<string, string> };

/** The shape getServerSession reads outside Next's request scope: headers and cookies as plain objects. */
function asNodeRequest(req: Request): NodeStyleRequest {
  const cookies: Record<string, string> = {};
  for (const pair of (req.headers.get("cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    try {
      cookies[name] ??= decodeURIComponent(value);
    } catch {
      cookies[name] ??= value;
    }
  }
  return { headers: Object.fromEntries(req.headers), cookies } as unknown as NodeStyleRequest;
}

/** The session's refreshed cookie is not sent from here (next-auth's own routes keep it fresh). */
const ignoredResponse = { getHeader() {}, setCookie() {}, setHeader() {} } as unknown as ServerResponse;
