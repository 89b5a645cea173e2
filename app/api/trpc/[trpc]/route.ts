import { createApiContext } from "@/server/api";
import { handleTrpcRequest } from "@/server/api/http-handler";
import { currentMember } from "@/server/auth";
import { ensureServerReady } from "@/server/runtime";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  await ensureServerReady();
  return handleTrpcRequest(req, async () => createApiContext(await currentMember()));
}

export { handler as GET, handler as POST };
