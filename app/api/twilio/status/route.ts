import { getDb } from "@/server/db";
import { handleStatusWebhook } from "@/server/inbound";
import { ensureServerReady } from "@/server/runtime";
import { readTwilioWebhook, webhookErrorResponse } from "@/server/inbound/webhook-http";

export const dynamic = "force-dynamic";

/** Twilio's delivery status callback for outbound messages. */
export async function POST(req: Request) {
  try {
    await ensureServerReady();
    await handleStatusWebhook(getDb(), await readTwilioWebhook(req, "/api/twilio/status"));
    return new Response(null, { status: 204 });
  } catch (error) {
    return webhookErrorResponse(error);
  }
}
