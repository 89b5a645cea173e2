import { getDb } from "@/server/db";
import { apiErrorResponse, handleFrontWebhook, readBody } from "@/server/helpdesk";
import { ensureServerReady } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Front's application webhook: a rep's reply in Front goes to the shopper as SMS (signature checked first). */
export async function POST(req: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  try {
    await ensureServerReady();
    const { connectionId } = await params;
    const result = await handleFrontWebhook(getDb(), {
      connectionId,
      rawBody: await readBody(req),
      timestamp: req.headers.get("x-front-request-timestamp"),
      signature: req.headers.get("x-front-signature"),
      challenge: req.headers.get("x-front-challenge"),
    });
    if (result.type === "challenge") return Response.json({ challenge: result.challenge });
    return Response.json(result);
  } catch (error) {
    return apiErrorResponse(error);
  }
}
