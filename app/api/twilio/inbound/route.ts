import { getDb } from "@/server/db";
import { handleInboundWebhook } from "@/server/inbound";
import { ensureServerReady } from "@/server/runtime";
import { readTwilioWebhook, twimlResponse, webhookErrorResponse } from "@/server/inbound/webhook-http";

export const dynamic = "force-dynamic";

/** Twilio's inbound SMS webhook: verify, store once, enqueue, answer with empty TwiML. */
export async function POST(req: Request) {
  try {
    await ensureServerReady();
    await handleInboundWebhook(getDb(), await readTwilioWebhook(req, "/api/twilio/inbound"));
    return twimlResponse();
  } catch (error) {
    return webhookErrorResponse(error);
  }
}
