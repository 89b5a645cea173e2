/**
 * A rep's reply in Front, sent to the shopper as SMS. Front calls /api/helpdesk/front/<connection id>
 * with its application webhook (dev.frontapp.com/docs/application-webhooks):
 *   - x-front-request-timestamp (milliseconds) and x-front-signature = base64 HMAC-SHA256 of
 *     "<timestamp>:<raw body>" with the app's signing secret; checked in constant time, and a
 *     timestamp more than five minutes old is refused (a replayed request);
 *   - x-front-challenge on the request Front sends when the webhook is saved: answered { challenge };
 *   - events { type, authorization, payload }: "outbound_sent" carries the rep's message
 *     (payload.target.data) and its conversation (payload.conversation.id).
 * Only replies in conversations Parley handed off (HandoffTicket.externalId) are sent; the AI
 * teammate's own imported texts are ignored. Front's message id is the idempotency key, so a
 * re-delivered event texts the shopper once.
 */
import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "../db";
import { sendTeammateReply } from "../conversations";
import { AppError } from "../errors";
import { assertStorableText } from "../http";
import { frontClient, HelpdeskError } from "./connectors";
import { credentialsOf } from "./helpdesk-settings";

const MAX_AGE_MS = 5 * 60_000;

export type FrontWebhookRequest = { connectionId: string; rawBody: string; timestamp: string | null; signature: string | null; challenge: string | null };

export type FrontWebhookResult =
  | { type: "challenge"; challenge: string }
  | { type: "sent"; messageId: string; conversationId: string }
  | { type: "ignored"; reason: string };

/** Front's signature over "<timestamp>:<raw body>", base64. */
export function frontSignature(secret: string, timestamp: string, rawBody: string): string {
  return crypto.createHmac("sha256", secret).update(Buffer.concat([Buffer.from(`${timestamp}:`, "utf8"), Buffer.from(rawBody, "utf8")])).digest("base64");
}

function isAuthentic(secret: string, req: FrontWebhookRequest, now: number): boolean {
  if (!req.timestamp || !req.signature) return false;
  const ts = Number(req.timestamp);
  if (!Number.isFinite(ts) || Math.abs(now - ts) > MAX_AGE_MS) return false;
  const expected = Buffer.from(frontSignature(secret, req.timestamp, req.rawBody));
  const given = Buffer.from(req.signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** Front sends the HTML body and, usually, a text version; the text is what goes out as SMS. */
function plainText(message: FrontMessage): string {
  if (typeof message.text === "string" && message.text.trim()) return message.text.trim();
  if (typeof message.body !== "string") return "";
  return message.body
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// Only the fields Parley reads are checked (Front sends many event shapes; the rest is ignored).
// A field of the wrong type is a malformed event, refused before any lookup uses it.
const frontText = z.string().max(200_000);
const frontAuthorSchema = z
  .object({ id: z.string().max(200), email: z.string().max(320), first_name: z.string().max(200), last_name: z.string().max(200), username: z.string().max(200) })
  .partial()
  .nullish();
const frontMessageSchema = z.object({ id: z.string().max(200).optional(), is_inbound: z.boolean().optional(), text: frontText.nullish(), body: frontText.nullish(), author: frontAuthorSchema });
const frontEventSchema = z.object({
  type: z.string().max(200).optional(),
  payload: z
    .object({
      type: z.string().max(200).optional(),
      conversation: z.object({ id: z.string().max(200).optional() }).nullish(),
      target: z.object({ data: z.unknown() }).nullish(),
    })
    .nullish(),
});
type FrontMessage = z.infer<typeof frontMessageSchema>;

function malformed(issues: z.core.$ZodIssue[]): AppError {
  const where = issues.map((i) => i.path.join(".") || "body").join(", ");
  return new AppError("BAD_REQUEST", { userMessage: `The webhook body is not a Front event (${where}).` });
}

export async function handleFrontWebhook(db: Db, req: FrontWebhookRequest, now = Date.now()): Promise<FrontWebhookResult> {
  const connection = await db.helpdeskConnection.findUnique({ where: { id: req.connectionId } });
  if (!connection || connection.kind !== "front") throw new AppError("NOT_FOUND", { userMessage: "No Front connection has this webhook address. Copy it again from Settings → Helpdesk." });
  const creds = credentialsOf(connection);
  const secret = creds.secrets.appSecret;
  if (!secret || !isAuthentic(secret, req, now)) {
    throw new AppError("FORBIDDEN", { userMessage: "The Front signature does not match. Check the app signing secret in Settings → Helpdesk." });
  }
  if (req.challenge) return { type: "challenge", challenge: req.challenge };

  let json: unknown;
  try {
    json = JSON.parse(req.rawBody);
  } catch {
    throw new AppError("BAD_REQUEST", { userMessage: "The webhook body is not JSON." });
  }
  const parsedEvent = frontEventSchema.safeParse(json);
  if (!parsedEvent.success) throw malformed(parsedEvent.error.issues);
  const event = parsedEvent.data;
  const payload = event.payload;
  const isOutbound = event.type === "outbound_sent" || payload?.type === "outbound" || payload?.type === "out_reply";
  if (!isOutbound || !payload) return { type: "ignored", reason: `event ${event.type ?? payload?.type ?? "unknown"} is not a reply` };

  const parsedMessage = payload.target?.data == null ? null : frontMessageSchema.safeParse(payload.target.data);
  if (parsedMessage && !parsedMessage.success) throw malformed(parsedMessage.error.issues.map((i) => ({ ...i, path: ["payload", "target", "data", ...i.path] })));
  const message = parsedMessage?.data;
  const frontConversationId = payload.conversation?.id;
  if (!message?.id || !frontConversationId) return { type: "ignored", reason: "the event names no message or conversation" };
  if (message.is_inbound) return { type: "ignored", reason: "an inbound message" };
  const aiTeammateId = creds.config.aiTeammateId?.trim();
  if (aiTeammateId && message.author?.id === aiTeammateId) return { type: "ignored", reason: "written by the AI teammate (Parley’s own transcript)" };

  const ticket = await db.handoffTicket.findFirst({ where: { brandId: connection.brandId, destination: "front", externalId: frontConversationId } });
  if (!ticket) return { type: "ignored", reason: "not a conversation Parley handed off" };

  let text = plainText(message);
  let author = message.author;
  if (!text) {
    // Application webhooks may carry a preview only: read the message itself.
    let fetched: unknown;
    try {
      fetched = (await frontClient(creds).get(`/messages/${encodeURIComponent(message.id)}`)).json;
    } catch (error) {
      if (!(error instanceof HelpdeskError)) throw error;
      if (error.httpStatus === 404) return { type: "ignored", reason: "Front has no such message" };
      // Any other answer than 2xx makes Front deliver the event again later.
      throw new AppError("PROVIDER_ERROR", { message: error.message, userMessage: "Parley could not read the reply from Front’s API; Front will send the event again.", cause: error });
    }
    const m = frontMessageSchema.safeParse(fetched);
    if (m.success) {
      text = plainText(m.data);
      author = m.data.author ?? author;
    }
  }
  if (!text) return { type: "ignored", reason: "the reply has no text" };

  const name = [author?.first_name, author?.last_name].filter(Boolean).join(" ") || author?.username || author?.email || "Front teammate";
  // PostgreSQL text cannot hold NUL: a reply carrying one is refused, not half-sent.
  assertStorableText({ id: message.id, text, author: name });
  const sent = await sendTeammateReply(db, {
    brandId: connection.brandId,
    conversationId: ticket.conversationId,
    body: text,
    author: { userId: null, name },
    idempotencyKey: `front:${message.id}`,
  });
  return { type: "sent", messageId: sent.id, conversationId: ticket.conversationId };
}
