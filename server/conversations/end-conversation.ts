import type { Conversation, ConversationStatus, Db } from "../db";
import { emitEvent, EventName } from "../analytics";
import { transition, type LifecycleEvent } from "./lifecycle";

/** Resolved: the need was met. Emits Resolved with the skill and the time it took. */
export async function resolveConversation(db: Db, input: { conversation: Conversation; skill: string | null; now: Date }) {
  const c = await db.conversation.update({
    where: { id: input.conversation.id },
    data: { ...transition(input.conversation, { type: "agent_resolved" }, input.now), endedAt: input.now, skill: input.skill ?? undefined },
  });
  await emitEvent(db, {
    brandId: c.brandId,
    profileId: c.profileId,
    name: EventName.conversationResolved,
    properties: { conversationId: c.id, channel: c.channel, skill: c.skill, resolutionSeconds: Math.round((input.now.getTime() - c.startedAt.getTime()) / 1000) },
    dedupeKey: `resolved:${c.id}`,
    occurredAt: input.now,
  });
  return c;
}

const agentEnding: Record<"escalated" | "closed_out" | "failed", LifecycleEvent> = {
  escalated: { type: "agent_handed_off" },
  closed_out: { type: "agent_closed_out" },
  failed: { type: "agent_failed" },
};

/**
 * Escalated (to the inbox), closed out (closeout text sent) or failed: a person owns what follows.
 * A handoff or failure leaves the shopper's text waiting for a person (lifecycle.ts).
 */
export async function escalateConversation(
  db: Db,
  input: { conversation: Conversation; status: Extract<ConversationStatus, "escalated" | "closed_out" | "failed">; reason: string; summary: string | null; skill: string | null; now: Date },
) {
  const c = await db.conversation.update({
    where: { id: input.conversation.id },
    data: { ...transition(input.conversation, agentEnding[input.status], input.now), escalationReason: input.reason, summary: input.summary, skill: input.skill ?? undefined, endedAt: input.status === "escalated" ? null : input.now },
  });
  await emitEvent(db, {
    brandId: c.brandId,
    profileId: c.profileId,
    name: EventName.conversationEscalated,
    properties: { conversationId: c.id, channel: c.channel, reason: input.reason, skill: c.skill, outcome: input.status },
    dedupeKey: `escalated:${c.id}`,
    occurredAt: input.now,
  });
  return c;
}
