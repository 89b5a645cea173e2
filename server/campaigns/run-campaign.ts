/**
 * One run of a campaign, as the queue worker calls it:
 *
 *   1. When due, start it: status scheduled → sending and, in the same transaction, one recipient row
 *      per audience member (INSERT … ON CONFLICT (campaignId, profileId) DO NOTHING). Members who
 *      aren't subscribed are recorded as skipped. This happens once: a started campaign is never
 *      re-materialised, so people who join a segment later don't get it halfway through.
 *   2. Send for a few seconds at the brand's rate: each due recipient is checked (still subscribed?
 *      quiet hours where they live?), claimed with a compare-and-set on its status, and handed to the
 *      outbound queue with the idempotency key campaign:<campaignId>:<profileId>.
 *   3. Report when to run again: now (more to send), at the first quiet-hours wake-up, or never
 *      (every recipient handled → status sent).
 *
 * Crash-safety: a run can die anywhere. The claim and the idempotency key make a re-run hand each
 * recipient over exactly once (a message row with the key already there is linked, not re-sent), and
 * deliverOutbound's own claim makes the send itself happen once.
 */
import { getQuietHours, isWithinQuietHours, type QuietHours } from "../consent";
import { Prisma, type Brand, type Campaign, type CampaignRecipient, type Db } from "../db";
import { AppError } from "../errors";
import { queueOutbound } from "../outbound";
import { segmentInfo } from "../sms";
import { audienceConditionSql, audienceForSend } from "./audience";
import { composeCampaignText, personalizationValuesOf } from "./compose-campaign-text";
import { nextAllowedTime } from "./next-allowed-time";
import { paceSend } from "./sending-rate-math";

const sql = Prisma.sql;

export type RunCampaignOptions = {
  /** The clock for schedules and quiet hours (tests move it; pacing always uses real time). */
  now?: () => Date;
  /** How long a run may send before it hands over to a follow-up job (ms). */
  budgetMs?: number;
  /** Aborted when the worker shuts down: stop between recipients. */
  signal?: AbortSignal;
  /** Stop after handing over this many texts (tests: a run that dies halfway). */
  maxSends?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export type RunCampaignResult = {
  /** not_due: scheduled for later; idle: not sending (draft, cancelled, sent, gone); more: stopped with work left; waiting: only quiet-hours recipients left; finished: marked sent by this run. */
  outcome: "not_due" | "idle" | "more" | "waiting" | "finished";
  /** When to run again; null when nothing is left to do. */
  next: Date | null;
  /** Texts handed to the outbound queue by this run. */
  handedOver: number;
};

export function campaignIdempotencyKey(campaignId: string, profileId: string): string {
  return `campaign:${campaignId}:${profileId}`;
}

const DEFAULT_BUDGET_MS = 5_000;
const BATCH = 50;

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

export async function runCampaign(db: Db, campaignId: string, opts: RunCampaignOptions = {}): Promise<RunCampaignResult> {
  const now = opts.now ?? (() => new Date());
  const sleep = opts.sleep ?? defaultSleep;
  let campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (!campaign) return { outcome: "idle", next: null, handedOver: 0 };

  if (campaign.status === "scheduled") {
    const at = now();
    if (campaign.scheduledAt && campaign.scheduledAt > at) return { outcome: "not_due", next: campaign.scheduledAt, handedOver: 0 };
    await startSending(db, campaign, at);
    campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
  }
  if (campaign.status !== "sending") return { outcome: "idle", next: null, handedOver: 0 };

  const brand = await db.brand.findUniqueOrThrow({ where: { id: campaign.brandId } });
  const quietHours = await getQuietHours(db, brand.id);
  const deadline = Date.now() + (opts.budgetMs ?? DEFAULT_BUDGET_MS);
  let nextFreeAt = Date.now();
  let handedOver = 0;
  const more = (): RunCampaignResult => ({ outcome: "more", next: new Date(Math.max(now().getTime(), nextFreeAt)), handedOver });

  for (;;) {
    const status = (await db.campaign.findUnique({ where: { id: campaignId }, select: { status: true } }))?.status;
    if (status !== "sending") return { outcome: "idle", next: null, handedOver };
    const due = await dueRecipients(db, campaignId, now());
    if (due.length === 0) break;
    const profiles = new Map(
      (await db.profile.findMany({ where: { brandId: brand.id, id: { in: due.map((r) => r.profileId) } } })).map((p) => [p.id, p]),
    );
    for (const recipient of due) {
      if (opts.signal?.aborted || Date.now() >= deadline || (opts.maxSends !== undefined && handedOver >= opts.maxSends)) return more();
      const step = await prepareRecipient(db, { campaign, brand, quietHours, recipient, profile: profiles.get(recipient.profileId) ?? null, at: now() });
      if (step.type !== "send") continue;
      const pace = paceSend(nextFreeAt, Date.now(), step.segments, brand.messagesPerSecond);
      if (Date.now() + pace.waitMs > deadline) return more();
      await sleep(pace.waitMs, opts.signal);
      if (opts.signal?.aborted) return more();
      if (await handOver(db, campaign, recipient, step.body)) {
        nextFreeAt = pace.nextFreeAt;
        handedOver += 1;
      }
    }
  }
  return finishIfDone(db, campaign, now(), handedOver);
}

/** Starts a due campaign: claims it and writes its recipients, all or nothing. False when another run got there first. */
async function startSending(db: Db, campaign: Campaign, at: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.campaign.updateMany({
      where: { id: campaign.id, status: "scheduled", OR: [{ scheduledAt: null }, { scheduledAt: { lte: at } }] },
      data: { status: "sending", startedAt: at },
    });
    if (claimed.count === 0) return false;
    const audience = await audienceForSend(tx, campaign);
    if (audience === null) {
      // Fail closed: without every segment's definition an exclusion could be dropped and the wrong people texted.
      await tx.campaign.update({
        where: { id: campaign.id },
        data: { status: "cancelled", finishedAt: at, stopReason: "A segment in its audience no longer exists, so it was not sent. Choose its segments again and send it as a new campaign." },
      });
      return true;
    }
    if (audience.included.length === 0) return true;
    await tx.$executeRaw(sql`
      INSERT INTO "CampaignRecipient" ("id", "campaignId", "brandId", "profileId", "phone", "status", "reason", "createdAt", "updatedAt")
      SELECT 'cr' || replace(gen_random_uuid()::text, '-', ''), ${campaign.id}, p."brandId", p.id, p.phone,
             CASE WHEN p."smsConsent"::text = 'subscribed' THEN 'pending' ELSE 'skipped' END,
             CASE WHEN p."smsConsent"::text = 'subscribed' THEN NULL ELSE p."smsConsent"::text END,
             ${at}, ${at}
      FROM "Profile" p
      WHERE p."brandId" = ${campaign.brandId} AND ${audienceConditionSql(audience, at)}
      ORDER BY p.id
      ON CONFLICT ("campaignId", "profileId") DO NOTHING`);
    return true;
  });
}

/** Recipients this run may act on: not yet handled, quiet-hours waits that are over, and claims a crashed run left. */
function dueRecipients(db: Db, campaignId: string, at: Date) {
  return db.campaignRecipient.findMany({
    where: {
      campaignId,
      OR: [{ status: "pending" }, { status: "waiting_quiet_hours", sendAfter: { lte: at } }, { status: "queued", messageId: null }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: BATCH,
  });
}

type Prepared = { type: "send"; body: string; segments: number } | { type: "done" };

/** Decides one recipient: already handed over (a crashed run), skipped, held for quiet hours, or ready with its text. */
async function prepareRecipient(
  db: Db,
  ctx: { campaign: Campaign; brand: Brand; quietHours: QuietHours; recipient: CampaignRecipient; profile: { smsConsent: string; phone: string; firstName: string | null; lastName: string | null } | null; at: Date },
): Promise<Prepared> {
  const { campaign, recipient, profile } = ctx;
  const existing = await db.message.findUnique({ where: { idempotencyKey: campaignIdempotencyKey(campaign.id, recipient.profileId) } });
  if (existing) {
    await linkMessage(db, campaign, recipient, existing.id);
    // queueOutbound with the same key re-enqueues a message still waiting for its send, and creates nothing.
    if (existing.status === "queued") await queueOutbound(db, { brandId: campaign.brandId, profileId: recipient.profileId, body: existing.body, author: "system", purpose: "campaign", idempotencyKey: existing.idempotencyKey! });
    return { type: "done" };
  }
  if (!profile) {
    await transition(db, recipient, { status: "skipped", reason: "profile_deleted" });
    return { type: "done" };
  }
  if (profile.smsConsent !== "subscribed") {
    await transition(db, recipient, { status: "skipped", reason: profile.smsConsent });
    return { type: "done" };
  }
  if (isWithinQuietHours(profile.phone, ctx.at, ctx.quietHours, ctx.brand.timeZone)) {
    await transition(db, recipient, { status: "waiting_quiet_hours", sendAfter: nextAllowedTime(profile.phone, ctx.at, ctx.quietHours, ctx.brand.timeZone) });
    return { type: "done" };
  }
  const body = composeCampaignText(campaign, personalizationValuesOf(profile, ctx.brand.name));
  return { type: "send", body, segments: segmentInfo(body).segments };
}

/** Compare-and-set on the status this run read (and sendAfter for a wait): a lost race changes nothing. */
async function transition(db: Db, recipient: CampaignRecipient, data: { status: string; reason?: string | null; sendAfter?: Date | null }): Promise<boolean> {
  const { count } = await db.campaignRecipient.updateMany({
    where: {
      id: recipient.id,
      status: recipient.status,
      messageId: null,
      ...(recipient.status === "waiting_quiet_hours" ? { sendAfter: recipient.sendAfter } : {}),
    },
    data,
  });
  return count === 1;
}

/** Claims the recipient, then queues the text. False when the claim was lost (cancelled, another run) or consent changed. */
async function handOver(db: Db, campaign: Campaign, recipient: CampaignRecipient, body: string): Promise<boolean> {
  if (!(await transition(db, recipient, { status: "queued", sendAfter: null }))) return false;
  const claimed: CampaignRecipient = { ...recipient, status: "queued", sendAfter: null };
  const idempotencyKey = campaignIdempotencyKey(campaign.id, recipient.profileId);
  let messageId: string;
  try {
    messageId = (await queueOutbound(db, { brandId: campaign.brandId, profileId: recipient.profileId, body, author: "system", purpose: "campaign", idempotencyKey, campaignId: campaign.id })).id;
  } catch (error) {
    if (error instanceof AppError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) {
      // Consent changed (or the profile went) between the check and the send: not texted.
      await transition(db, claimed, { status: "skipped", reason: error.code === "FORBIDDEN" ? "not_subscribed" : "profile_deleted" });
      return false;
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Another run created the message with this key a moment ago: link it.
      const existing = await db.message.findUnique({ where: { idempotencyKey } });
      if (existing) await linkMessage(db, campaign, claimed, existing.id);
      return false;
    }
    throw error;
  }
  await linkMessage(db, campaign, claimed, messageId);
  return true;
}

/** Ties the message to the recipient (and to the campaign, for a message an older run created without it). */
async function linkMessage(db: Db, campaign: Campaign, recipient: CampaignRecipient, messageId: string) {
  await db.message.updateMany({ where: { id: messageId, brandId: campaign.brandId, campaignId: null }, data: { campaignId: campaign.id } });
  await db.campaignRecipient.updateMany({ where: { id: recipient.id, messageId: null }, data: { status: "queued", messageId, sendAfter: null } });
}

/** Sent when no recipient is left to hand over; otherwise when to come back. */
async function finishIfDone(db: Db, campaign: Campaign, at: Date, handedOver: number): Promise<RunCampaignResult> {
  const left = await db.campaignRecipient.count({ where: { campaignId: campaign.id, OR: [{ status: "pending" }, { status: "queued", messageId: null }] } });
  if (left > 0) return { outcome: "more", next: at, handedOver };
  const firstWake = await db.campaignRecipient.findFirst({ where: { campaignId: campaign.id, status: "waiting_quiet_hours" }, orderBy: { sendAfter: "asc" }, select: { sendAfter: true } });
  if (firstWake) return { outcome: "waiting", next: firstWake.sendAfter ?? at, handedOver };
  const { count } = await db.campaign.updateMany({ where: { id: campaign.id, status: "sending" }, data: { status: "sent", finishedAt: at } });
  return { outcome: count === 1 ? "finished" : "idle", next: null, handedOver };
}
