import type { Db } from "../db";
import { segmentsContainingProfile } from "../segments";

const CONSENT_HISTORY_LIMIT = 100;

/**
 * One profile with what its page shows besides the timeline: consent history (newest first, with
 * the text that caused each change when there was one), the saved segments it is in right now,
 * and a few counts. Null when the id is not this brand's.
 */
export async function getProfileDetail(db: Db, brandId: string, profileId: string, now = new Date()) {
  const profile = await db.profile.findFirst({ where: { id: profileId, brandId } });
  if (!profile) return null;
  const [changes, segments, conversationCount, messageCount, lastMessage] = await Promise.all([
    db.consentChange.findMany({ where: { brandId, profileId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: CONSENT_HISTORY_LIMIT }),
    segmentsContainingProfile(db, brandId, profileId, now),
    db.conversation.count({ where: { brandId, profileId } }),
    db.message.count({ where: { brandId, profileId } }),
    db.message.findFirst({ where: { brandId, profileId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
  ]);
  const messageIds = changes.flatMap((c) => (c.messageId ? [c.messageId] : []));
  const messages = messageIds.length
    ? await db.message.findMany({ where: { brandId, id: { in: messageIds } }, select: { id: true, body: true, conversationId: true } })
    : [];
  const messageById = new Map(messages.map((m) => [m.id, m]));
  return {
    profile,
    consentHistory: changes.map((c) => ({
      id: c.id,
      from: c.from,
      to: c.to,
      source: c.source,
      createdAt: c.createdAt,
      message: c.messageId ? (messageById.get(c.messageId) ?? null) : null,
    })),
    segments,
    stats: { conversations: conversationCount, messages: messageCount, lastMessageAt: lastMessage?.createdAt ?? null },
  };
}
