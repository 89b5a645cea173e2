import type { Db } from "../db";
import { emitEvent, EventName } from "../analytics";
import { AgentTag, withAgentTag } from "../helpdesk/agent-tags";
import { transition } from "./lifecycle";

/**
 * Resolved by silence: a conversation the agent answered, whose window passed without another
 * text from the shopper, counts as resolved (the need was met). Safe to run from every worker:
 * each conversation is claimed with a conditional update and the event is deduplicated.
 */
export async function resolveExpiredConversations(db: Db, now = new Date()): Promise<number> {
  const expired = await db.conversation.findMany({
    where: { status: "automating", windowEndsAt: { lte: now }, agentReplyCount: { gt: 0 } },
    orderBy: { windowEndsAt: "asc" },
    take: 500,
  });
  let resolved = 0;
  for (const c of expired) {
    const claimed = await db.conversation.updateMany({
      where: { id: c.id, status: "automating" },
      data: { ...transition(c, { type: "window_expired" }, now), endedAt: c.windowEndsAt, tags: withAgentTag(c.tags, AgentTag.automated) },
    });
    if (claimed.count === 0) continue;
    resolved++;
    await emitEvent(db, {
      brandId: c.brandId,
      profileId: c.profileId,
      name: EventName.conversationResolved,
      properties: {
        conversationId: c.id,
        channel: c.channel,
        skill: c.skill,
        resolution: "no_reply_after_answer",
        resolutionSeconds: Math.round((c.lastMessageAt.getTime() - c.startedAt.getTime()) / 1000),
      },
      dedupeKey: `resolved:${c.id}`,
      occurredAt: c.windowEndsAt,
    });
  }
  return resolved;
}
