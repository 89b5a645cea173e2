/**
 * Campaigns: drafts, sending now or on a schedule, un-scheduling and cancelling. Every call takes the
 * brand id and only ever sees that brand's campaigns. Status moves draft → scheduled → sending → sent,
 * or to cancelled; each move is a compare-and-set on the status it expects, so two teammates (or a
 * teammate and the worker) can't both win.
 */
import { Prisma, type Campaign, type Db } from "../db";
import { AppError, invalidFields } from "../errors";
import { assertAudienceExists, countAudience, loadAudience, snapshotAudience, type AudienceSnapshot } from "./audience";
import { enqueueCampaignRun } from "./campaign-queue";
import { campaignProgress, emptyProgress } from "./progress";
import { validateCampaignFields, type CampaignFields } from "./validate-campaign";

export const campaignStatuses = ["draft", "scheduled", "sending", "sent", "cancelled"] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** How far ahead a campaign may be scheduled, and how soon (a minute, so "now" isn't a schedule). */
export const MAX_SCHEDULE_AHEAD_DAYS = 365;
const MIN_SCHEDULE_AHEAD_MS = 60_000;

const notFound = () => new AppError("NOT_FOUND", { userMessage: "That campaign doesn’t exist (it may have been deleted)." });

async function findCampaign(db: Db, brandId: string, id: string): Promise<Campaign> {
  const campaign = await db.campaign.findFirst({ where: { id, brandId } });
  if (!campaign) throw notFound();
  return campaign;
}

function normalize(input: CampaignFields): CampaignFields {
  const unique = (ids: string[]) => [...new Set(ids)];
  return {
    name: input.name.trim(),
    body: input.body.replace(/\r\n/g, "\n").trim(),
    linkUrl: input.linkUrl?.trim() || null,
    segmentIds: unique(input.segmentIds),
    excludedSegmentIds: unique(input.excludedSegmentIds),
  };
}

async function validate(db: Db, brandId: string, input: CampaignFields, isSending: boolean) {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { name: true } });
  const errors = validateCampaignFields(input, { isSending, brandName: brand.name });
  if (Object.keys(errors).length) throw invalidFields(errors as Record<string, string>);
  const audience = await loadAudience(db, brandId, input);
  assertAudienceExists(audience, input);
  return audience;
}

export async function createCampaign(db: Db, brandId: string, input: CampaignFields, createdById?: string | null): Promise<Campaign> {
  const data = normalize(input);
  await validate(db, brandId, data, false);
  return db.campaign.create({ data: { brandId, ...data, status: "draft", createdById: createdById ?? null } });
}

/** Only drafts change; a scheduled campaign goes back to draft first (unscheduleCampaign). */
export async function updateCampaign(db: Db, brandId: string, id: string, input: CampaignFields): Promise<Campaign> {
  const data = normalize(input);
  await findCampaign(db, brandId, id);
  await validate(db, brandId, data, false);
  const { count } = await db.campaign.updateMany({ where: { id, brandId, status: "draft" }, data });
  if (count === 0) throw notEditable(await findCampaign(db, brandId, id));
  return findCampaign(db, brandId, id);
}

function notEditable(campaign: Campaign): AppError {
  const why: Record<string, string> = {
    scheduled: "It is scheduled; move it back to draft to edit it.",
    sending: "It is being sent.",
    sent: "It has been sent.",
    cancelled: "It was cancelled.",
  };
  return new AppError("CONFLICT", { userMessage: `“${campaign.name}” can’t be changed now. ${why[campaign.status] ?? ""}`.trim() });
}

export async function deleteCampaign(db: Db, brandId: string, id: string): Promise<void> {
  const campaign = await findCampaign(db, brandId, id);
  const { count } = await db.campaign.deleteMany({ where: { id, brandId, status: "draft" } });
  if (count === 0) throw new AppError("CONFLICT", { userMessage: `Only drafts can be deleted; “${campaign.name}” is ${campaign.status}.` });
}

/** Everything a send needs, checked against the saved campaign; throws field errors the form can show. */
async function assertSendable(db: Db, campaign: Campaign, now: Date) {
  const fields: CampaignFields = { name: campaign.name, body: campaign.body, linkUrl: campaign.linkUrl, segmentIds: campaign.segmentIds, excludedSegmentIds: campaign.excludedSegmentIds };
  const audience = await validate(db, campaign.brandId, fields, true);
  const { recipients } = await countAudience(db, campaign.brandId, audience, now);
  if (recipients === 0) throw invalidFields({ segmentIds: "No one in this audience is subscribed to SMS, so there is no one to send to. Choose other segments." });
  return snapshotAudience(audience);
}

/** The audience as the send will use it (see Campaign.audienceSnapshot). */
const snapshotData = (snapshot: AudienceSnapshot) => ({ audienceSnapshot: snapshot as unknown as Prisma.InputJsonValue });

/**
 * Sends now: the campaign becomes scheduled for this moment and the queue starts it at once (the
 * worker claims it and writes its recipients). Allowed from draft, or to bring a schedule forward.
 */
export async function sendCampaignNow(db: Db, brandId: string, id: string, opts: { now?: Date } = {}): Promise<Campaign> {
  const now = opts.now ?? new Date();
  const campaign = await findCampaign(db, brandId, id);
  if (campaign.status !== "draft" && campaign.status !== "scheduled") throw notEditable(campaign);
  const snapshot = await assertSendable(db, campaign, now);
  const { count } = await db.campaign.updateMany({ where: { id, brandId, status: { in: ["draft", "scheduled"] } }, data: { status: "scheduled", scheduledAt: now, ...snapshotData(snapshot) } });
  if (count === 0) throw notEditable(await findCampaign(db, brandId, id));
  await enqueueCampaignRun(campaign);
  return findCampaign(db, brandId, id);
}

export async function scheduleCampaign(db: Db, brandId: string, id: string, at: Date, opts: { now?: Date } = {}): Promise<Campaign> {
  const now = opts.now ?? new Date();
  const campaign = await findCampaign(db, brandId, id);
  if (campaign.status !== "draft" && campaign.status !== "scheduled") throw notEditable(campaign);
  if (Number.isNaN(at.getTime()) || at.getTime() < now.getTime() + MIN_SCHEDULE_AHEAD_MS) {
    throw invalidFields({ scheduledAt: "Choose a time at least a minute from now, or send it now." });
  }
  if (at.getTime() > now.getTime() + MAX_SCHEDULE_AHEAD_DAYS * 86_400_000) {
    throw invalidFields({ scheduledAt: `Campaigns can be scheduled up to ${MAX_SCHEDULE_AHEAD_DAYS} days ahead.` });
  }
  const snapshot = await assertSendable(db, campaign, now);
  const { count } = await db.campaign.updateMany({ where: { id, brandId, status: { in: ["draft", "scheduled"] } }, data: { status: "scheduled", scheduledAt: at, ...snapshotData(snapshot) } });
  if (count === 0) throw notEditable(await findCampaign(db, brandId, id));
  // The job waits in the queue until then; an earlier job for an old time finds it not due and does nothing.
  await enqueueCampaignRun(campaign, at);
  return findCampaign(db, brandId, id);
}

/** A scheduled campaign that hasn't started goes back to draft, to be edited or rescheduled. */
export async function unscheduleCampaign(db: Db, brandId: string, id: string): Promise<Campaign> {
  await findCampaign(db, brandId, id);
  const { count } = await db.campaign.updateMany({ where: { id, brandId, status: "scheduled", startedAt: null }, data: { status: "draft", scheduledAt: null, audienceSnapshot: Prisma.DbNull } });
  if (count === 0) throw notEditable(await findCampaign(db, brandId, id));
  return findCampaign(db, brandId, id);
}

/**
 * Stops a scheduled or sending campaign. Recipients not yet handed to the outbound queue are skipped
 * (reason "cancelled"); texts already queued still go out. Cannot be undone.
 */
export async function cancelCampaign(db: Db, brandId: string, id: string, opts: { now?: Date } = {}): Promise<Campaign> {
  const now = opts.now ?? new Date();
  const campaign = await findCampaign(db, brandId, id);
  const { count } = await db.campaign.updateMany({ where: { id, brandId, status: { in: ["scheduled", "sending"] } }, data: { status: "cancelled", finishedAt: now } });
  if (count === 0) throw new AppError("CONFLICT", { userMessage: `“${campaign.name}” is ${campaign.status}; only scheduled or sending campaigns can be cancelled.` });
  await db.campaignRecipient.updateMany({
    where: { campaignId: id, brandId, messageId: null, status: { in: ["pending", "waiting_quiet_hours"] } },
    data: { status: "skipped", reason: "cancelled", sendAfter: null },
  });
  return findCampaign(db, brandId, id);
}

export type CampaignSummary = Campaign & {
  segments: { id: string; name: string }[];
  excludedSegments: { id: string; name: string }[];
  progress: ReturnType<typeof emptyProgress>;
  /** The brand's price of one SMS segment, for the cost of what was sent. */
  segmentCostCents: number;
};

async function withDetails(db: Db, brandId: string, campaigns: Campaign[]): Promise<CampaignSummary[]> {
  const segmentIds = [...new Set(campaigns.flatMap((c) => [...c.segmentIds, ...c.excludedSegmentIds]))];
  const names = new Map(
    (segmentIds.length ? await db.segment.findMany({ where: { brandId, id: { in: segmentIds } }, select: { id: true, name: true } }) : []).map((s) => [s.id, s.name]),
  );
  const named = (ids: string[]) => ids.map((id) => ({ id, name: names.get(id) ?? "Deleted segment" }));
  const progress = await campaignProgress(db, brandId, campaigns.filter((c) => c.status !== "draft").map((c) => c.id));
  const { segmentCostCents } = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { segmentCostCents: true } });
  return campaigns.map((c) => ({ ...c, segments: named(c.segmentIds), excludedSegments: named(c.excludedSegmentIds), progress: progress.get(c.id) ?? emptyProgress(), segmentCostCents }));
}

export async function listCampaigns(db: Db, brandId: string, opts: { limit?: number } = {}): Promise<CampaignSummary[]> {
  const campaigns = await db.campaign.findMany({ where: { brandId }, orderBy: { createdAt: "desc" }, take: opts.limit ?? 200 });
  return withDetails(db, brandId, campaigns);
}

export async function getCampaign(db: Db, brandId: string, id: string): Promise<CampaignSummary> {
  const [summary] = await withDetails(db, brandId, [await findCampaign(db, brandId, id)]);
  return summary!;
}
