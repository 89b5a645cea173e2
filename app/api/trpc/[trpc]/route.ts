import { createApiContext } from "@/server/api";
import { handleTrpcRequest } from "@/server/api/http-handler";
import { currentMember } from "@/server/auth";
import { ensureServerReady } from "@/server/runtime";
import { crossSiteRefusal } from "@/server/security";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  // CSRF: the session cookie rides along on any request the browser makes, so mutations must be ours.
  const refusal = crossSiteRefusal(req);
  if (refusal) return Response.json({ error: "FORBIDDEN", message: refusal }, { status: 403 });
  await ensureServerReady();
  return handleTrpcRequest(req, async () => createApiContext(await currentMember(req)));
}

export { handler as GET, handler as POST };
