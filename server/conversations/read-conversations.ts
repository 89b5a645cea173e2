import type { ConversationStatus, Db } from "../db";
import { Prisma } from "../db";
import { isWaitingForPerson, waitingForPersonWhere } from "./lifecycle";
import { endOfDayIn, startOfDayIn } from "./zoned-day";

/** Dispositions a text inside a conversation can have (compliance keywords and noise stop before a conversation exists). */
export const conversationDispositions = ["agent_replied", "combined", "human", "escalated", "closed_out", "failed", "not_subscribed"] as const;
export type ConversationDisposition = (typeof conversationDispositions)[number];

export type ConversationListFilters = {
  /** Only conversations waiting for a person (lifecycle.ts). */
  waiting?: boolean;
  status?: ConversationStatus;
  /** Conversations with at least one shopper text of this disposition. */
  disposition?: ConversationDisposition;
  /** Conversations a campaign started (Conversation.sourceCampaignId). */
  campaignId?: string;
  /** Started on or after this day, in the brand's time zone ("2026-11-03"). */
  from?: string;
  /** Started on or before this day, in the brand's time zone (the whole day counts). */
  to?: string;
  /** A phone number (any formatting, or part of one), a name, or words from any text. */
  search?: string;
};

/** What a search matches: phone digits, the shopper's name or email, or any text in the conversation. */
export function searchCondition(search: string | undefined): Prisma.ConversationWhereInput | null {
  const q = search?.trim().slice(0, 100);
  if (!q) return null;
  const digits = q.replace(/\D/g, "");
  const isPhoneLike = /^[\d\s()+\-.]+$/.test(q);
  const byPhone: Prisma.ConversationWhereInput[] = digits.length >= 3 ? [{ profile: { phone: { contains: digits } } }] : [];
  if (isPhoneLike && byPhone.length) return byPhone[0]!;
  const insensitive = { contains: q, mode: "insensitive" as const };
  return {
    OR: [
      ...byPhone,
      { messages: { some: { body: insensitive } } },
      { profile: { firstName: insensitive } },
      { profile: { lastName: insensitive } },
      { profile: { email: insensitive } },
    ],
  };
}

async function conversationWhere(db: Db, brandId: string, filters: ConversationListFilters): Promise<Prisma.ConversationWhereInput> {
  const and: Prisma.ConversationWhereInput[] = [{ brandId }];
  if (filters.waiting) and.push(waitingForPersonWhere);
  if (filters.status) and.push({ status: filters.status });
  if (filters.disposition) and.push({ messages: { some: { direction: "inbound", disposition: filters.disposition } } });
  if (filters.campaignId) and.push({ sourceCampaignId: filters.campaignId });
  if (filters.from || filters.to) {
    const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { timeZone: true } });
    const from = filters.from ? startOfDayIn(filters.from, brand.timeZone) : null;
    const to = filters.to ? endOfDayIn(filters.to, brand.timeZone) : null;
    if (from || to) and.push({ startedAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } });
  }
  const search = searchCondition(filters.search);
  if (search) and.push(search);
  return { AND: and };
}

/** Shopper texts each conversation holds after it was last read (all of them if it never was). */
export async function unreadCounts(db: Db, brandId: string, conversationIds: string[]): Promise<Map<string, number>> {
  if (!conversationIds.length) return new Map();
  const rows = await db.$queryRaw<{ conversationId: string; n: number | bigint }[]>(Prisma.sql`
    SELECT m."conversationId", count(*) AS n
    FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
    WHERE c."brandId" = ${brandId} AND c.id IN (${Prisma.join(conversationIds)})
      AND m.direction::text = 'inbound' AND (c."lastReadAt" IS NULL OR m."createdAt" > c."lastReadAt")
    GROUP BY m."conversationId"`);
  return new Map(rows.map((r) => [r.conversationId, Number(r.n)]));
}

/**
 * Conversations for the inbox list with the last texts, the owner and unread counts: those waiting
 * for a person first (longest waiting at the top), then the rest by newest activity.
 */
export async function listConversations(db: Db, brandId: string, opts: ConversationListFilters & { cursor?: string; limit: number }) {
  const rows = await db.conversation.findMany({
    where: await conversationWhere(db, brandId, opts),
    orderBy: [{ awaitingPersonSince: { sort: "asc", nulls: "last" } }, { lastMessageAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    include: {
      profile: { select: { id: true, phone: true, firstName: true, lastName: true } },
      assignee: { select: { id: true, name: true } },
      messages: { orderBy: { createdAt: "desc" }, take: 1, select: { body: true, direction: true, author: true, authorName: true, disposition: true } },
      _count: { select: { messages: true } },
    },
  });
  const hasMore = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  const ids = page.map((c) => c.id);
  // The shopper's latest text per conversation, in one query (the list shows what was asked).
  const [latestInbound, unread] = await Promise.all([
    db.message.findMany({
      where: { conversationId: { in: ids }, direction: "inbound" },
      orderBy: [{ conversationId: "asc" }, { createdAt: "desc" }],
      distinct: ["conversationId"],
      select: { conversationId: true, body: true, createdAt: true, disposition: true },
    }),
    unreadCounts(db, brandId, ids),
  ]);
  const lastInboundOf = new Map(latestInbound.map(({ conversationId, ...m }) => [conversationId, m]));
  const items = page.map((c) => ({
    id: c.id,
    status: c.status,
    skill: c.skill,
    startedAt: c.startedAt,
    lastMessageAt: c.lastMessageAt,
    escalationReason: c.escalationReason,
    awaitingPersonSince: c.awaitingPersonSince,
    waitingForPerson: isWaitingForPerson(c),
    sentiment: c.sentiment,
    sourceCampaignId: c.sourceCampaignId,
    profile: c.profile,
    assignee: c.assignee,
    lastMessage: c.messages[0] ?? null,
    lastInbound: lastInboundOf.get(c.id) ?? null,
    messageCount: c._count.messages,
    unreadCount: unread.get(c.id) ?? 0,
  }));
  return { items, nextCursor: hasMore ? items[items.length - 1]!.id : null };
}

/**
 * One conversation with everything the inbox shows: the transcript with each inbound text's
 * disposition, the agent's turns, internal notes, the shopper's consent changes during the
 * conversation, the handoff ticket, who owns it and who closed it.
 */
export async function getConversation(db: Db, brandId: string, conversationId: string) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, brandId },
    include: { profile: true, assignee: { select: { id: true, name: true } } },
  });
  if (!conversation) return null;
  // Consent changes while the conversation ran (to now while it is open) are part of its story.
  const spanEnd = conversation.endedAt ?? new Date();
  const [messages, turns, notes, consentChanges, ticket, closedBy] = await Promise.all([
    db.message.findMany({ where: { conversationId, brandId }, orderBy: { createdAt: "asc" } }),
    db.agentTurn.findMany({ where: { conversationId, brandId }, orderBy: { createdAt: "asc" } }),
    db.conversationNote.findMany({ where: { conversationId, brandId }, orderBy: { createdAt: "asc" } }),
    db.consentChange.findMany({
      where: { brandId, profileId: conversation.profileId, createdAt: { gte: conversation.startedAt, lte: spanEnd } },
      orderBy: { createdAt: "asc" },
    }),
    db.handoffTicket.findFirst({
      where: { conversationId, brandId },
      select: { id: true, reason: true, summary: true, sentiment: true, destination: true, status: true, deliveryStatus: true, externalId: true, lastError: true, createdAt: true },
    }),
    conversation.closedById ? db.user.findUnique({ where: { id: conversation.closedById }, select: { id: true, name: true } }) : null,
  ]);
  const triggerIds = consentChanges.map((c) => c.messageId).filter((id): id is string => Boolean(id));
  const triggers = triggerIds.length
    ? await db.message.findMany({ where: { id: { in: triggerIds }, brandId }, select: { id: true, body: true } })
    : [];
  const triggerBody = new Map(triggers.map((m) => [m.id, m.body]));
  const consentEvents = consentChanges.map((c) => ({
    id: c.id,
    from: c.from,
    to: c.to,
    source: c.source,
    createdAt: c.createdAt,
    text: c.messageId ? (triggerBody.get(c.messageId) ?? null) : null,
  }));
  return { conversation, messages, turns, notes, consentEvents, ticket, closedBy };
}

/** Recent inbound texts with their dispositions, including those that never joined a conversation (noise, STOP…). */
export async function listInboundTexts(db: Db, brandId: string, opts: { answered?: boolean; limit: number }) {
  const notAnswered = ["agent_replied", "combined", "escalated", "closed_out"];
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

/** The brand's campaigns to filter conversations by, newest first (none until a campaign is created). */
export function listCampaignChoices(db: Db, brandId: string) {
  return db.campaign.findMany({ where: { brandId }, orderBy: { createdAt: "desc" }, take: 200, select: { id: true, name: true } });
}
