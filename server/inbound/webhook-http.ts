/** HTTP glue for Twilio webhooks: read the form as Twilio signed it, map errors to statuses once. */
import { publicUrl } from "../env";
import { AppError, httpStatusOf } from "../errors";
import { findUnstorableText, KB, readBodyText } from "../http";
import type { TwilioWebhookRequest } from "./twilio-webhook";

const MAX_BODY_BYTES = 64 * KB;

/** Every field with all its values: collapsing repeated keys would break signature validation. */
export async function readTwilioWebhook(req: Request, path: string): Promise<TwilioWebhookRequest> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded")) {
    throw new AppError("BAD_REQUEST", { userMessage: "Twilio webhooks must be application/x-www-form-urlencoded." });
  }
  const raw = await readBodyText(req, MAX_BODY_BYTES);
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const prev = params[key];
    params[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  // "%00" decodes to NUL, which PostgreSQL text cannot hold: refuse before any lookup uses it.
  const unstorable = findUnstorableText(params);
  if (unstorable) throw new AppError("BAD_REQUEST", { userMessage: `Malformed Twilio webhook: ${unstorable} contains a NUL character.` });
  // Twilio signs the URL it was configured with (PUBLIC_URL), not whatever Host a proxy forwards.
  const query = new URL(req.url).search;
  return { url: `${publicUrl()}${path}${query}`, signature: req.headers.get("x-twilio-signature"), params };
}

export function twimlResponse(): Response {
  return new Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', {
    status: 200,
    headers: { "content-type": "text/xml" },
  });
}

export function webhookErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: error.code, message: error.userMessage }, { status: httpStatusOf[error.code] });
  }
  console.error("[webhook]", error);
  return Response.json({ error: "INTERNAL", message: "Parley could not store this message; Twilio will use its fallback URL." }, { status: 500 });
}
