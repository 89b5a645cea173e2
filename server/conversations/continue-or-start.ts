import type { Conversation, Db, Message, Profile } from "../db";
import { emitEvent, EventName } from "../analytics";
import { campaignForReply } from "../campaigns/campaign-for-reply";
import { isClosedToAgent } from "../helpdesk/agent-tags";

export type ConversationDecision =
  | { type: "continued"; conversation: Conversation }
  | { type: "started"; conversation: Conversation }
  /** A teammate owns a conversation (any window), or the latest one in its window is escalated, closed out or failed: the agent stays silent. */
  | { type: "with_humans"; conversation: Conversation };

const HOUR = 3_600_000;

/**
 * Continues the shopper's conversation while inside its window, or starts one (emitting
 * Started). A conversation a teammate owns (assigned and not closed) stays with them regardless of
 * its window; one handed to a person or failed stays with humans until its window ends. A closed
 * conversation is over: the next text starts a new one.
 */
export async function continueOrStartConversation(
  db: Db,
  input: { brandId: string; profile: Profile; message: Message; windowHours: number; now: Date; attributionWindowHours?: number },
): Promise<ConversationDecision> {
  const windowEndsAt = new Date(input.now.getTime() + input.windowHours * HOUR);
  // A teammate owns it (assigned, not closed): people answer, whatever the window says.
  const owned = await db.conversation.findFirst({
    where: { brandId: input.brandId, profileId: input.profile.id, assigneeId: { not: null }, status: { not: "closed" } },
    orderBy: { lastMessageAt: "desc" },
  });
  if (owned) {
    const touched = await db.conversation.update({ where: { id: owned.id }, data: { lastMessageAt: input.now } });
    return { type: "with_humans", conversation: touched };
  }
  const latest = await db.conversation.findFirst({
    where: { brandId: input.brandId, profileId: input.profile.id, windowEndsAt: { gt: input.now } },
    orderBy: { lastMessageAt: "desc" },
  });
  // Handed off, closed out or failed — or tagged agent_automated / agent_failure by a helpdesk (Kustomer's convention).
  if (latest && (latest.status === "escalated" || latest.status === "closed_out" || latest.status === "failed" || isClosedToAgent(latest.tags))) {
    const touched = await db.conversation.update({ where: { id: latest.id }, data: { lastMessageAt: input.now } });
    return { type: "with_humans", conversation: touched };
  }
  if (latest && latest.status === "automating") {
    const touched = await db.conversation.update({ where: { id: latest.id }, data: { lastMessageAt: input.now, windowEndsAt } });
    return { type: "continued", conversation: touched };
  }
  // A reply to a campaign text (within the brand's attribution window) names the campaign.
  const campaign = await campaignForReply(db, { brandId: input.brandId, profileId: input.profile.id, now: input.now, attributionWindowHours: input.attributionWindowHours });
  const sourceCampaignId = campaign?.campaignId ?? null;
  const conversation = await db.conversation.create({
    data: { brandId: input.brandId, profileId: input.profile.id, startedAt: input.now, lastMessageAt: input.now, windowEndsAt, sourceCampaignId },
  });
  await emitEvent(db, {
    brandId: input.brandId,
    profileId: input.profile.id,
    name: EventName.conversationStarted,
    properties: { conversationId: conversation.id, channel: "sms", firstMessage: input.message.body, sourceCampaignId },
    dedupeKey: `started:${conversation.id}`,
    occurredAt: input.now,
  });
  return { type: "started", conversation };
}

/** The shopper's conversation with the agent that is still inside its window, if any. */
export function findOpenAgentConversation(db: Db, input: { brandId: string; profileId: string; now: Date }) {
  return db.conversation.findFirst({
    where: { brandId: input.brandId, profileId: input.profileId, windowEndsAt: { gt: input.now }, status: "automating" },
    orderBy: { lastMessageAt: "desc" },
  });
}

/** The conversation's texts as the agent sees them, oldest first (shopper and brand only). */
export async function conversationHistory(db: Db, conversationId: string, limit = 20) {
  const messages = await db.message.findMany({
    where: { conversationId, OR: [{ direction: "inbound" }, { author: { in: ["agent", "human"] } }] },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return messages.reverse().map((m) => ({ role: m.direction === "inbound" ? ("shopper" as const) : ("brand" as const), text: m.body }));
}
