import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createApiContext } from "@/server/api";
import { currentMember } from "@/server/auth";
import { ensureServerReady } from "@/server/runtime";
import { crossSiteRefusal } from "@/server/security";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  // CSRF: the session cookie rides along on any request the browser makes, so mutations must be ours.
  const refusal = crossSiteRefusal(req);
  if (refusal) return Response.json({ error: "FORBIDDEN", message: refusal }, { status: 403 });
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
