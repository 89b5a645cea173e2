/**
 * What the compose page shows while a marketer writes: who will receive the campaign, how many SMS
 * segments it will use and what that costs (segments × the brand's price per segment), how long it
 * takes at the sender's rate, and the exact text one chosen shopper would get.
 */
import type { Db } from "../db";
import { AppError } from "../errors";
import { segmentInfo } from "../sms";
import { countAudience, estimateSegments, listAudienceRecipients, loadAudience, type AudienceMember, type AudienceSegments } from "./audience";
import { composeCampaignText, personalizationValuesOf } from "./compose-campaign-text";
import { parseTemplate } from "./personalize";
import { getSendingRate } from "./sending-rate";
import { estimatedSendDurationMs } from "./sending-rate-math";

export type CampaignEstimate = {
  recipients: number;
  notSubscribed: number;
  /** Segments for all recipients together (each recipient's own text). */
  totalSegments: number;
  isExact: boolean;
  costCents: number;
  segmentCostCents: number;
  messagesPerSecond: number;
  senderType: string;
  durationMs: number;
  /** The first recipients, to preview the text as each would get it. */
  sample: AudienceMember[];
  missingSegmentIds: string[];
};

const SAMPLE_SIZE = 25;

export async function estimateCampaign(
  db: Db,
  brandId: string,
  input: AudienceSegments & { body?: string | null; linkUrl?: string | null },
  opts: { now?: Date } = {},
): Promise<CampaignEstimate> {
  const now = opts.now ?? new Date();
  const [brand, rate, audience] = await Promise.all([
    db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { name: true } }),
    getSendingRate(db, brandId),
    loadAudience(db, brandId, input),
  ]);
  const { recipients, notSubscribed } = await countAudience(db, brandId, audience, now);
  const body = input.body?.trim() ?? "";
  // A body with a broken tag can't be estimated honestly; the form shows the tag's error instead.
  const canEstimate = body !== "" && parseTemplate(body).issues.length === 0;
  const [segments, sample] = await Promise.all([
    canEstimate ? estimateSegments(db, brandId, audience, { body, linkUrl: input.linkUrl }, brand.name, recipients, now) : Promise.resolve({ totalSegments: 0, isExact: true }),
    listAudienceRecipients(db, brandId, audience, { now, limit: SAMPLE_SIZE }),
  ]);
  return {
    recipients,
    notSubscribed,
    totalSegments: segments.totalSegments,
    isExact: segments.isExact,
    costCents: segments.totalSegments * rate.segmentCostCents,
    segmentCostCents: rate.segmentCostCents,
    messagesPerSecond: rate.messagesPerSecond,
    senderType: rate.senderType,
    durationMs: estimatedSendDurationMs(segments.totalSegments, rate.messagesPerSecond),
    sample,
    missingSegmentIds: audience.missingIds,
  };
}

/** The text one shopper of the brand would receive (or, with no shopper, the one with every fallback). */
export async function previewCampaignText(db: Db, brandId: string, input: { body: string; linkUrl?: string | null; profileId?: string | null }) {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { name: true } });
  const profile = input.profileId
    ? await db.profile.findFirst({ where: { id: input.profileId, brandId }, select: { id: true, phone: true, firstName: true, lastName: true, smsConsent: true } })
    : null;
  if (input.profileId && !profile) throw new AppError("NOT_FOUND", { userMessage: "That shopper doesn’t exist for this brand." });
  const text = composeCampaignText({ body: input.body, linkUrl: input.linkUrl }, personalizationValuesOf(profile, brand.name));
  return { text, ...segmentInfo(text), profile, issues: parseTemplate(input.body).issues };
}
