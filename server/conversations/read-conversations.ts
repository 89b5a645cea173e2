import type { ConversationStatus, Db } from "../db";

/** Conversations for the inbox list, newest activity first, with the last text and counts. */
export async function listConversations(
  db: Db,
  brandId: string,
  opts: { status?: ConversationStatus; cursor?: string; limit: number },
) {
  const rows = await db.conversation.findMany({
    where: { brandId, status: opts.status },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    include: {
      profile: { select: { id: true, phone: true, firstName: true, lastName: true } },
      messages: { orderBy: { createdAt: "desc" }, take: 1, select: { body: true, direction: true, author: true, disposition: true } },
      _count: { select: { messages: true } },
    },
  });
  const hasMore = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  // The shopper's latest text per conversation, in one query (the list shows what was asked).
  const latestInbound = await db.message.findMany({
    where: { conversationId: { in: page.map((c) => c.id) }, direction: "inbound" },
    orderBy: [{ conversationId: "asc" }, { createdAt: "desc" }],
    distinct: ["conversationId"],
    select: { conversationId: true, body: true, createdAt: true, disposition: true },
  });
  const lastInboundOf = new Map(latestInbound.map(({ conversationId, ...m }) => [conversationId, m]));
  const items = page.map((c) => ({
    id: c.id,
    status: c.status,
    skill: c.skill,
    startedAt: c.startedAt,
    lastMessageAt: c.lastMessageAt,
    escalationReason: c.escalationReason,
    profile: c.profile,
    lastMessage: c.messages[0] ?? null,
    lastInbound: lastInboundOf.get(c.id) ?? null,
    messageCount: c._count.messages,
  }));
  return { items, nextCursor: hasMore ? items[items.length - 1]!.id : null };
}

/** One conversation with its transcript, each inbound text's disposition and the agent's turns. */
export async function getConversation(db: Db, brandId: string, conversationId: string) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, brandId },
    include: { profile: true },
  });
  if (!conversation) return null;
  const [messages, turns] = await Promise.all([
    db.message.findMany({ where: { conversationId, brandId }, orderBy: { createdAt: "asc" } }),
    db.agentTurn.findMany({ where: { conversationId, brandId }, orderBy: { createdAt: "asc" } }),
  ]);
  return { conversation, messages, turns };
}

/** Recent inbound texts with their dispositions, including those that never joined a conversation (noise, STOP…). */
export async function listInboundTexts(db: Db, brandId: string, opts: { answered?: boolean; limit: number }) {
  const notAnswered = ["agent_replied", "escalated", "closed_out"];
  return db.message.findMany({
    where: {
      brandId,
      direction: "inbound",
      ...(opts.answered === false ? { OR: [{ disposition: { notIn: notAnswered } }, { disposition: null }] } : {}),
      ...(opts.answered === true ? { disposition: { in: notAnswered } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: opts.limit,
    include: { profile: { select: { id: true, phone: true, firstName: true, lastName: true } } },
  });
}
