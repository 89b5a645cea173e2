import { AppError } from "../errors";
import { Prisma, type Db, type MessageAuthor } from "../db";
import { canReceiveMarketingOrAgent } from "../consent";
import { segmentInfo } from "../sms";
import { enqueueOutbound } from "../jobs/queue";

export type OutboundPurpose =
  /** Consent confirmations and HELP answers: allowed whatever the consent state (carriers require them). */
  | "compliance"
  | "agent"
  /** A keyword automation's reply (JOIN's welcome is sent as "compliance": it confirms the opt-in). */
  | "automation"
  | "human"
  | "campaign"
  /** A one-off test a teammate sends to their own phone (Settings → Channels): never to a number that unsubscribed. */
  | "test";

/**
 * Whether a text of this purpose may go to a profile with this consent: compliance replies always
 * (carriers require them); a test to any number that has not opted out; everything else only to subscribers.
 */
export function isAllowedByConsent(purpose: string | null, consent: string): boolean {
  if (purpose === "compliance") return true;
  if (purpose === "test") return consent !== "unsubscribed";
  return canReceiveMarketingOrAgent(consent);
}

export type QueueOutboundInput = {
  brandId: string;
  profileId: string;
  conversationId?: string | null;
  inReplyToId?: string | null;
  body: string;
  author: MessageAuthor;
  purpose: OutboundPurpose;
  /** The same key twice queues the message once (a re-run pipeline sends nothing new). */
  idempotencyKey: string;
  /** Campaign texts: the campaign, set with the row so reports never see an unlinked send. */
  campaignId?: string | null;
  /** Human texts: the teammate or helpdesk rep who wrote it. */
  authorName?: string | null;
};

/** Rows the caller already holds, read in this unit of work (consent is checked again at send time). */
export type KnownRows = {
  brand?: { id: string; smsNumber: string };
  profile?: { id: string; brandId: string; phone: string; smsConsent: string };
};

/**
 * The only way a text leaves Parley: a message row first, then a queued send. Refuses to text a
 * profile that is not subscribed unless the text is a compliance reply.
 */
export async function queueOutbound(db: Db, input: QueueOutboundInput, known?: KnownRows) {
  // The pipeline has just read both; other callers leave them to be looked up.
  const [brand, profile] = await Promise.all([
    known?.brand?.id === input.brandId ? known.brand : db.brand.findUniqueOrThrow({ where: { id: input.brandId } }),
    known?.profile?.id === input.profileId && known.profile.brandId === input.brandId
      ? known.profile
      : db.profile.findFirst({ where: { id: input.profileId, brandId: input.brandId } }),
  ]);
  const refusal = !profile
    ? new AppError("NOT_FOUND", { userMessage: "That shopper does not exist for this brand." })
    : !isAllowedByConsent(input.purpose, profile.smsConsent)
      ? new AppError("FORBIDDEN", { userMessage: `${profile.phone} is not subscribed to SMS, so Parley will not text them.` })
      : null;
  if (refusal || !profile) {
    // A message queued under this key before (a re-run job) is still the answer.
    const existing = await alreadyQueued(db, input.idempotencyKey);
    if (existing) return existing;
    throw refusal;
  }
  const info = segmentInfo(input.body);
  // Insert first: the unique idempotency key turns a second call into "already queued" (P2002),
  // so the usual first call costs no lookup.
  try {
    const message = await db.message.create({
      data: {
        brandId: brand.id,
        profileId: profile.id,
        conversationId: input.conversationId ?? null,
        inReplyToId: input.inReplyToId ?? null,
        direction: "outbound",
        author: input.author,
        body: input.body,
        encoding: info.encoding,
        segments: info.segments,
        status: "queued",
        purpose: input.purpose,
        idempotencyKey: input.idempotencyKey,
        campaignId: input.campaignId ?? null,
        authorName: input.authorName ?? null,
        fromNumber: brand.smsNumber,
        toNumber: profile.phone,
      },
    });
    await enqueueOutbound(message.id);
    return message;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const existing = await alreadyQueued(db, input.idempotencyKey);
    if (!existing) throw error;
    return existing;
  }
}

/** The message queued under this key, handed to the queue again while it is still waiting (the job may be lost). */
async function alreadyQueued(db: Db, idempotencyKey: string) {
  const existing = await db.message.findUnique({ where: { idempotencyKey } });
  if (existing?.status === "queued") await enqueueOutbound(existing.id);
  return existing;
}

/**
 * Re-enqueues outbound rows still queued: at worker start all of them (a crash between the row and
 * its job); from the sweeper those untouched since `olderThan` (a job lost to a database outage).
 * Sending twice is prevented by the claim in deliverOutbound.
 */
export async function requeueQueuedOutbound(db: Db, opts: { olderThan?: Date } = {}): Promise<number> {
  const rows = await db.message.findMany({
    where: { direction: "outbound", status: "queued", ...(opts.olderThan ? { updatedAt: { lt: opts.olderThan } } : {}) },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 1000,
  });
  for (const r of rows) await enqueueOutbound(r.id);
  return rows.length;
}
