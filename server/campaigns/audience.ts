/**
 * A campaign's audience: profiles in any of its segments and in none of its excluded segments.
 * Only SMS subscribers receive it; the others are counted so the page can say who is left out.
 * One SQL condition (the segments' compiled conditions) serves counts, samples and materialisation.
 */
import { Prisma, type Db } from "../db";
import { invalidFields } from "../errors";
import { parseSegmentDefinition, segmentConditionSql, type SegmentNode } from "../segments";
import { segmentInfo } from "../sms";
import { composeCampaignText, personalizationValuesOf, type CampaignContent } from "./compose-campaign-text";

const sql = Prisma.sql;

export type AudienceSegments = { segmentIds: string[]; excludedSegmentIds: string[] };
export type LoadedAudience = {
  included: { id: string; name: string; definition: SegmentNode }[];
  excluded: { id: string; name: string; definition: SegmentNode }[];
  /** Ids that no longer exist for this brand (a segment deleted after the draft was saved). */
  missingIds: string[];
};

type Client = Db | Prisma.TransactionClient;

/** The brand's segments by id (other brands' ids simply don't load). */
export async function loadAudience(db: Client, brandId: string, audience: AudienceSegments): Promise<LoadedAudience> {
  const ids = [...new Set([...audience.segmentIds, ...audience.excludedSegmentIds])];
  const rows = ids.length ? await db.segment.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, name: true, definition: true } }) : [];
  const byId = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, definition: parseSegmentDefinition(r.definition) }]));
  const pick = (list: string[]) => list.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return { included: pick(audience.segmentIds), excluded: pick(audience.excludedSegmentIds), missingIds: ids.filter((id) => !byId.has(id)) };
}

/** What a scheduled campaign stores: its segments' definitions as they were when it was scheduled. */
export type AudienceSnapshot = Pick<LoadedAudience, "included" | "excluded">;

export function snapshotAudience(audience: LoadedAudience): AudienceSnapshot {
  return { included: audience.included, excluded: audience.excluded };
}

/**
 * The audience a campaign sends to: its snapshot, or (a campaign scheduled before snapshots existed)
 * its segments as they are now. Null when that can't be known exactly — a snapshot that doesn't parse
 * or a segment that is gone — so the caller stops the send rather than dropping an exclusion.
 */
export async function audienceForSend(db: Client, campaign: { brandId: string; segmentIds: string[]; excludedSegmentIds: string[]; audienceSnapshot: Prisma.JsonValue }): Promise<LoadedAudience | null> {
  if (campaign.audienceSnapshot === null) {
    const audience = await loadAudience(db, campaign.brandId, campaign);
    return audience.missingIds.length > 0 ? null : audience;
  }
  try {
    const snapshot = campaign.audienceSnapshot as unknown as AudienceSnapshot;
    const parse = (list: AudienceSnapshot["included"]) => list.map((s) => ({ id: String(s.id), name: String(s.name), definition: parseSegmentDefinition(s.definition) }));
    const audience = { included: parse(snapshot.included), excluded: parse(snapshot.excluded), missingIds: [] };
    // Every segment the campaign names must be in its snapshot, exclusions above all.
    const has = (list: { id: string }[], ids: string[]) => ids.every((id) => list.some((s) => s.id === id));
    return has(audience.included, campaign.segmentIds) && has(audience.excluded, campaign.excludedSegmentIds) ? audience : null;
  } catch {
    return null;
  }
}

/** Refuses an audience naming segments the brand doesn't have, with the field to show it on. */
export function assertAudienceExists(audience: LoadedAudience, input: AudienceSegments): void {
  if (audience.missingIds.length === 0) return;
  const fields: Record<string, string> = {};
  const message = "A segment you chose no longer exists (it may have been deleted). Choose again.";
  if (input.segmentIds.some((id) => audience.missingIds.includes(id))) fields.segmentIds = message;
  if (input.excludedSegmentIds.some((id) => audience.missingIds.includes(id))) fields.excludedSegmentIds = message;
  throw invalidFields(fields);
}

/** The audience as a condition over `"Profile" p` (consent not included). */
export function audienceConditionSql(audience: LoadedAudience, now: Date): Prisma.Sql {
  const included = audience.included.length
    ? sql`(${Prisma.join(audience.included.map((s) => segmentConditionSql(s.definition, now)), " OR ")})`
    : sql`FALSE`;
  const excluded = audience.excluded.length
    ? sql`NOT (${Prisma.join(audience.excluded.map((s) => segmentConditionSql(s.definition, now)), " OR ")})`
    : sql`TRUE`;
  return sql`${included} AND ${excluded}`;
}

export const isSubscribedSql = sql`p."smsConsent"::text = 'subscribed'`;

/** Recipients (subscribed members of the audience) and the members who won't get it. */
export async function countAudience(db: Client, brandId: string, audience: LoadedAudience, now = new Date()): Promise<{ recipients: number; notSubscribed: number }> {
  if (audience.included.length === 0) return { recipients: 0, notSubscribed: 0 };
  const rows = await db.$queryRaw<{ recipients: bigint | number; total: bigint | number }[]>(sql`
    SELECT count(*) FILTER (WHERE ${isSubscribedSql}) AS recipients, count(*) AS total
    FROM "Profile" p
    WHERE p."brandId" = ${brandId} AND ${audienceConditionSql(audience, now)}`);
  const recipients = Number(rows[0]?.recipients ?? 0);
  return { recipients, notSubscribed: Number(rows[0]?.total ?? 0) - recipients };
}

export type AudienceMember = { id: string; phone: string; firstName: string | null; lastName: string | null };

/** Subscribed recipients in a stable order, for the preview picker and the estimate. */
export async function listAudienceRecipients(db: Client, brandId: string, audience: LoadedAudience, opts: { now?: Date; limit: number }): Promise<AudienceMember[]> {
  if (audience.included.length === 0) return [];
  return db.$queryRaw<AudienceMember[]>(sql`
    SELECT p.id, p.phone, p."firstName", p."lastName"
    FROM "Profile" p
    WHERE p."brandId" = ${brandId} AND ${isSubscribedSql} AND ${audienceConditionSql(audience, opts.now ?? new Date())}
    ORDER BY p.id
    LIMIT ${opts.limit}::int`);
}

/** Above this many recipients the segment total is estimated from the first ones (names vary little). */
const EXACT_ESTIMATE_LIMIT = 5000;

/**
 * Segments the campaign will use in total: each recipient's own text (names change lengths) summed,
 * exactly for up to 5,000 recipients, and extrapolated from the first 5,000 beyond that.
 */
export async function estimateSegments(
  db: Client,
  brandId: string,
  audience: LoadedAudience,
  content: CampaignContent,
  brandName: string,
  recipients: number,
  now = new Date(),
): Promise<{ totalSegments: number; isExact: boolean }> {
  if (recipients === 0 || !content.body.trim()) return { totalSegments: 0, isExact: true };
  const sample = await listAudienceRecipients(db, brandId, audience, { now, limit: EXACT_ESTIMATE_LIMIT });
  if (sample.length === 0) return { totalSegments: 0, isExact: true };
  const sum = sample.reduce((n, p) => n + segmentInfo(composeCampaignText(content, personalizationValuesOf(p, brandName))).segments, 0);
  if (sample.length >= recipients) return { totalSegments: sum, isExact: true };
  return { totalSegments: Math.round((sum / sample.length) * recipients), isExact: false };
}
