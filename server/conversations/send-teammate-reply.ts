import crypto from "node:crypto";
import type { Db, Message } from "../db";
import { AppError } from "../errors";
import { queueOutbound } from "../outbound";
import { handToHumans } from "./hand-to-humans";

/** Why nobody may text this shopper (shown on the conversation page with the reply box disabled), or null. */
export function replyBlockedReason(consent: string): string | null {
  if (consent === "subscribed") return null;
  return consent === "unsubscribed"
    ? "This shopper unsubscribed from SMS, so Parley will not text them."
    : "This shopper never subscribed to SMS, so Parley can't text them.";
}

/** The longest reply a teammate may send: 10 GSM-7 segments, the same cap as every other text. */
export const MAX_REPLY_CHARACTERS = 1600;

export type TeammateReplyInput = {
  brandId: string;
  conversationId: string;
  body: string;
  /** A teammate in the inbox (userId set) or a rep in the brand's helpdesk (name only). */
  author: { userId?: string | null; name: string };
  /** The same key twice sends the reply once (a retried API call or webhook). Scoped to the brand. */
  idempotencyKey?: string;
};

/**
 * A person's reply to the shopper, from the inbox, the public API or a helpdesk webhook.
 *
 * - Refused (AppError with a userMessage): an empty or over-long body (BAD_REQUEST), a conversation
 *   of another brand (NOT_FOUND), a shopper who is not subscribed to SMS (FORBIDDEN), and a finished
 *   conversation whose shopper has since started a newer one (CONFLICT: reply in the newer one).
 * - Replying to a closed (or resolved) conversation re-opens it: it becomes escalated again and the
 *   shopper's answer reaches people, not the agent. We re-open rather than refuse because the reply
 *   is a person talking to the shopper now; refusing would lose a helpdesk rep's answer.
 * - The conversation is then owned by people (see handToHumans): status escalated if the agent was
 *   automating, the replying teammate assigned when nobody owns it, the window extended.
 * - The text is queued as purpose "human", author "human", with the teammate's name, and sent through
 *   the brand's transport (Twilio, or the simulator). Returns the stored outbound message.
 */
export async function sendTeammateReply(db: Db, input: TeammateReplyInput): Promise<Message> {
  const body = input.body.trim();
  const authorName = input.author.name.trim().slice(0, 120) || "Teammate";
  const idempotencyKey = input.idempotencyKey ? `human:${input.brandId}:${input.idempotencyKey}` : `human:${crypto.randomUUID()}`;

  if (input.idempotencyKey) {
    const existing = await db.message.findUnique({ where: { idempotencyKey } });
    if (existing && existing.brandId === input.brandId) return existing;
  }
  if (!body) throw new AppError("BAD_REQUEST", { userMessage: "Type a reply first.", fields: { body: "Type a reply first." } });
  if (body.length > MAX_REPLY_CHARACTERS) {
    const userMessage = `A reply can be at most ${MAX_REPLY_CHARACTERS.toLocaleString("en-US")} characters; this one is ${body.length.toLocaleString("en-US")}.`;
    throw new AppError("BAD_REQUEST", { userMessage, fields: { body: userMessage } });
  }

  const conversation = await db.conversation.findFirst({ where: { id: input.conversationId, brandId: input.brandId }, include: { profile: true } });
  if (!conversation) throw new AppError("NOT_FOUND", { userMessage: "That conversation does not exist." });
  const consent = conversation.profile.smsConsent;
  const blocked = replyBlockedReason(consent);
  if (blocked) {
    throw new AppError("FORBIDDEN", { message: `profile ${conversation.profileId} is ${consent}`, userMessage: `${blocked} Your reply was not sent.` });
  }

  const now = new Date();
  const { profile, ...rest } = conversation;
  await handToHumans(db, { conversation: rest, action: "teammate_replied", assigneeId: input.author.userId ?? null, now });
  const message = await queueOutbound(db, {
    brandId: input.brandId,
    profileId: profile.id,
    conversationId: conversation.id,
    body,
    author: "human",
    authorName,
    purpose: "human",
    idempotencyKey,
  });
  // A teammate who writes to the shopper has read what they wrote (a helpdesk rep reads elsewhere).
  await db.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: now, ...(input.author.userId ? { lastReadAt: now } : {}) } });
  return message;
}
