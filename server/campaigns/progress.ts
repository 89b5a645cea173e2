/**
 * Where each recipient of a campaign stands. A recipient row says what the campaign did (pending,
 * waiting for quiet hours, skipped, handed to the outbound queue); once handed over, its message row
 * says what happened next (sent, delivered, failed — updated by Twilio's status callbacks). The
 * effective status combines both, in SQL, so counts and filters never drift from the messages.
 */
import { Prisma, type Db } from "../db";

const sql = Prisma.sql;

export const recipientStatuses = ["pending", "waiting_quiet_hours", "queued", "sent", "delivered", "failed", "skipped"] as const;
export type RecipientStatus = (typeof recipientStatuses)[number];

export type CampaignProgress = Record<RecipientStatus, number> & {
  total: number;
  /** SMS segments of the texts that left (sent or delivered), for the actual cost. */
  segmentsSent: number;
};

export function emptyProgress(): CampaignProgress {
  return { pending: 0, waiting_quiet_hours: 0, queued: 0, sent: 0, delivered: 0, failed: 0, skipped: 0, total: 0, segmentsSent: 0 };
}

/** The recipient's status as people mean it; a send refused at send time for consent reads as skipped. */
const effectiveStatusSql = sql`(CASE
  WHEN m.id IS NULL THEN r.status
  WHEN m.status::text IN ('queued', 'sending') THEN 'queued'
  WHEN m.status::text = 'sent' THEN 'sent'
  WHEN m.status::text = 'delivered' THEN 'delivered'
  WHEN m."errorCode" = 'not_subscribed' THEN 'skipped'
  ELSE 'failed' END)`;

/** Progress of several campaigns of one brand, in one query. */
export async function campaignProgress(db: Db, brandId: string, campaignIds: string[]): Promise<Map<string, CampaignProgress>> {
  const result = new Map(campaignIds.map((id) => [id, emptyProgress()]));
  if (campaignIds.length === 0) return result;
  const rows = await db.$queryRaw<{ campaignId: string; status: string; n: bigint | number; segments: bigint | number | null }[]>(sql`
    SELECT r."campaignId", ${effectiveStatusSql} AS status, count(*) AS n,
           sum(CASE WHEN m.status::text IN ('sent', 'delivered') THEN m.segments ELSE 0 END) AS segments
    FROM "CampaignRecipient" r
    LEFT JOIN "Message" m ON m.id = r."messageId" AND m."brandId" = r."brandId"
    WHERE r."brandId" = ${brandId} AND r."campaignId" IN (${Prisma.join(campaignIds)})
    GROUP BY 1, 2`);
  for (const row of rows) {
    const progress = result.get(row.campaignId);
    if (!progress) continue;
    const n = Number(row.n);
    if ((recipientStatuses as readonly string[]).includes(row.status)) progress[row.status as RecipientStatus] += n;
    progress.total += n;
    progress.segmentsSent += Number(row.segments ?? 0);
  }
  return result;
}

export type CampaignRecipientRow = {
  id: string;
  profileId: string;
  phone: string;
  firstName: string | null;
  lastName: string | null;
  status: RecipientStatus;
  reason: string | null;
  sendAfter: Date | null;
  messageId: string | null;
  sentAt: Date | null;
  errorMessage: string | null;
  /** Twilio's MessageSid, to look the text up in Twilio's console. */
  providerSid: string | null;
};

/** A page of recipients, optionally of one status; delayed ones by when they go, others by name order of arrival. */
export async function listCampaignRecipients(
  db: Db,
  brandId: string,
  campaignId: string,
  opts: { status?: RecipientStatus | null; page: number; pageSize: number },
): Promise<{ rows: CampaignRecipientRow[]; total: number }> {
  const filter = opts.status ? sql`AND ${effectiveStatusSql} = ${opts.status}` : sql``;
  const order = opts.status === "waiting_quiet_hours" ? sql`r."sendAfter" ASC, r.id ASC` : sql`r."createdAt" ASC, r.id ASC`;
  const base = sql`
    FROM "CampaignRecipient" r
    LEFT JOIN "Message" m ON m.id = r."messageId" AND m."brandId" = r."brandId"
    LEFT JOIN "Profile" p ON p.id = r."profileId" AND p."brandId" = r."brandId"
    WHERE r."brandId" = ${brandId} AND r."campaignId" = ${campaignId} ${filter}`;
  const [rows, totals] = await Promise.all([
    db.$queryRaw<(Omit<CampaignRecipientRow, "status"> & { status: string })[]>(sql`
      SELECT r.id, r."profileId", r.phone, p."firstName", p."lastName", ${effectiveStatusSql} AS status,
             COALESCE(r.reason, CASE WHEN m."errorCode" = 'not_subscribed' THEN 'not_subscribed' END) AS reason,
             r."sendAfter", r."messageId", m."createdAt" AS "sentAt", m."errorMessage", m."providerSid"
      ${base}
      ORDER BY ${order}
      LIMIT ${opts.pageSize}::int OFFSET ${(opts.page - 1) * opts.pageSize}::int`),
    db.$queryRaw<{ n: bigint | number }[]>(sql`SELECT count(*) AS n ${base}`),
  ]);
  return { rows: rows.map((r) => ({ ...r, status: r.status as RecipientStatus })), total: Number(totals[0]?.n ?? 0) };
}
