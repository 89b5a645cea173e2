import { getDb } from "@/server/db";
import { apiErrorResponse, parseJson, readBody, replyThroughApi } from "@/server/helpdesk";
import { ensureServerReady } from "@/server/runtime";
import { clientIpOf } from "@/server/security";

export const dynamic = "force-dynamic";

/** Parley's public API: a helpdesk rep's reply, sent to the shopper as SMS (Authorization: Bearer <API key>). */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await ensureServerReady();
    const { id } = await params;
    const reply = await replyThroughApi(getDb(), {
      authorization: req.headers.get("authorization"),
      conversationId: id,
      body: parseJson(await readBody(req)),
      idempotencyKeyHeader: req.headers.get("idempotency-key"),
      clientIp: clientIpOf((name) => req.headers.get(name)),
    });
    return Response.json(reply, { status: 201 });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
