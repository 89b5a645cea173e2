import type { Conversation, Db } from "../db";
import { emitEvent, EventName } from "../analytics";
import { AppError } from "../errors";
import { transition } from "./lifecycle";

const HOUR = 3_600_000;

/**
 * The shopper's earliest text, after the last person's reply, that was left for people (handed off,
 * failed, sent to people by eligibility or while people owned it); null when there is none.
 */
async function unansweredSince(db: Db, conversationId: string): Promise<Date | null> {
  const lastPerson = await db.message.findFirst({ where: { conversationId, direction: "outbound", author: "human" }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  const first = await db.message.findFirst({
    where: {
      conversationId,
      direction: "inbound",
      OR: [{ disposition: { in: ["human", "escalated", "failed"] } }, { disposition: { startsWith: "ineligible:" } }],
      ...(lastPerson ? { createdAt: { gt: lastPerson.createdAt } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return first?.createdAt ?? null;
}

/**
 * A person takes over the conversation (a teammate takes it or replies, or a helpdesk rep replies):
 * - automating → escalated, and the Escalated event (reason "teammate_took_over") is recorded;
 * - resolved or closed → re-opened as escalated (endedAt and closedById cleared), unless the shopper has
 *   already started a newer conversation: then it is refused, so a reply never lands in an old thread;
 * - escalated, failed and closed out stay as they are (they are already with people);
 * - the window runs at least one window length from now, so the shopper's answer reaches people,
 *   not the agent, even when nobody is assigned (a helpdesk rep);
 * - the assignee is set when one is given and nobody owns the conversation yet (a re-opened closed
 *   conversation belongs to whoever re-opened it, or to nobody);
 * - a reply answers the shopper (no longer waiting for a person); taking it does not, and taking a
 *   finished one re-opens the wait for any shopper text no person answered (lifecycle.ts).
 */
export async function handToHumans(
  db: Db,
  input: { conversation: Conversation; action: "teammate_took" | "teammate_replied"; assigneeId?: string | null; now: Date },
): Promise<Conversation> {
  const { conversation: c, now } = input;
  const isEnded = c.status === "resolved" || c.status === "closed";
  if (isEnded) {
    const newer = await db.conversation.findFirst({
      where: { brandId: c.brandId, profileId: c.profileId, id: { not: c.id }, startedAt: { gt: c.startedAt } },
      select: { id: true },
    });
    if (newer) {
      throw new AppError("CONFLICT", {
        message: `conversation ${c.id} has a newer conversation ${newer.id}`,
        userMessage: "This shopper has started a newer conversation since this one ended. Open the newer conversation to reply or take it.",
      });
    }
  }
  const settings = await db.agentSettings.findUnique({ where: { brandId: c.brandId }, select: { conversationWindowHours: true } });
  const windowEndsAt = new Date(Math.max(c.windowEndsAt.getTime(), now.getTime() + (settings?.conversationWindowHours ?? 24) * HOUR));
  const patch = transition(c, input.action === "teammate_took" ? { type: "teammate_took", unansweredSince: isEnded ? await unansweredSince(db, c.id) : null } : { type: input.action }, now);
  const isNewlyEscalated = patch.status === "escalated" && c.status !== "escalated";
  // A closed conversation is re-opened by whoever acts now; nobody else owns it any more.
  const assignment =
    c.status === "closed"
      ? { assigneeId: input.assigneeId ?? null, assignedAt: input.assigneeId ? now : null }
      : input.assigneeId && !c.assigneeId
        ? { assigneeId: input.assigneeId, assignedAt: now }
        : {};
  const updated = await db.conversation.update({
    where: { id: c.id },
    data: {
      windowEndsAt,
      ...patch,
      ...(isNewlyEscalated ? { endedAt: null, closedById: null } : {}),
      ...(c.status === "automating" ? { escalationReason: c.escalationReason ?? "teammate_took_over" } : {}),
      ...assignment,
    },
  });
  if (c.status === "automating") {
    await emitEvent(db, {
      brandId: c.brandId,
      profileId: c.profileId,
      name: EventName.conversationEscalated,
      properties: { conversationId: c.id, channel: c.channel, reason: "teammate_took_over", skill: c.skill, outcome: "escalated" },
      dedupeKey: `escalated:${c.id}`,
      occurredAt: now,
    });
  }
  return updated;
}
