/**
 * The table by campaign: every campaign that sent texts in the period, with its results to date.
 * One query over Campaign, Message (campaignId) and the Event table:
 * - Sent: the campaign's outbound messages (Message.campaignId) with status sent or delivered.
 * - Replies: recipients with a "Received SMS" event after their campaign text was sent (the text's
 *   "Sent SMS" event, properties.messageId; the message's createdAt if that is missing) and within
 *   Brand.attributionWindowHours of it; counted once per recipient. Reply rate = replies ÷ sent.
 * - Conversations: "Started Customer Agent Conversation" events whose properties.sourceCampaignId is
 *   the campaign (the conversation a reply to the campaign started).
 * - Revenue: orders credited to the agent (last touch, as on the cards) whose touch — the agent's
 *   last reply before the order — belongs to a conversation the campaign started (the profile's last
 *   Started event at or before the touch names the campaign).
 */
import { Prisma, type Db } from "../../db";
import { EventName } from "../emit-event";
import { loadPerformanceBrand, resolvePeriods, type PerformanceFilter } from "./performance-filter";
import { ordersCtes, periodsCte, spanOf, utc } from "./sql-parts";

export type CampaignRow = {
  id: string;
  name: string;
  status: string;
  firstSentAt: Date;
  sent: number;
  replies: number;
  replyRate: number | null;
  conversations: number;
  attributedRevenueCents: number;
  attributedOrders: number;
};

type Row = Omit<CampaignRow, "replyRate" | "firstSentAt"> & { firstSentAt: string };

/** Far enough ahead to mean "until now": a campaign's orders keep counting after the period ends. */
const OPEN_END = new Date("2999-01-01T00:00:00Z");

export async function performanceByCampaign(db: Db, brandId: string, filter: PerformanceFilter, now = new Date()): Promise<CampaignRow[]> {
  const brand = await loadPerformanceBrand(db, brandId);
  const { current } = resolvePeriods(filter, brand.timeZone);
  if (filter.channel !== "sms") return [];
  const sent = EventName.sentSms;
  const periods = [{ period: "since", start: current.start, end: OPEN_END }];
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH ${periodsCte(periods)},
    campaigns AS (
      SELECT c.id, c.name, c.status
      FROM "Campaign" c
      WHERE c."brandId" = ${brandId} AND EXISTS (
        SELECT 1 FROM "Message" m
        WHERE m."brandId" = ${brandId} AND m."campaignId" = c.id AND m.direction = 'outbound'
          AND m."createdAt" >= ${utc(current.start)} AND m."createdAt" < ${utc(current.end)}
      )
    ),
    sends AS (
      SELECT m."campaignId", m."profileId", coalesce(se."occurredAt", m."createdAt") AS "sentAt"
      -- From the campaigns to their texts (index campaignId, createdAt): filtering all of the
      -- brand's campaign texts by the list afterwards looked up the Sent SMS of every text ever sent.
      FROM campaigns c
      CROSS JOIN LATERAL (
        SELECT m.id, m."campaignId", m."profileId", m."createdAt" FROM "Message" m
        WHERE m."campaignId" = c.id AND m."brandId" = ${brandId} AND m.direction = 'outbound' AND m.status IN ('sent', 'delivered')
        OFFSET 0 -- keeps this a per-campaign lookup (PostgreSQL would otherwise merge it into a scan of every campaign text)
      ) m
      LEFT JOIN LATERAL (
        SELECT e."occurredAt" FROM "Event" e
        WHERE e."brandId" = ${brandId} AND e."profileId" = m."profileId" AND e.name = ${sent} AND e.properties->>'messageId' = m.id
          -- A text's Sent SMS is recorded when it leaves, after its row was created: start the
          -- search there rather than read every text the shopper was ever sent.
          AND e."occurredAt" >= m."createdAt"
        ORDER BY e."occurredAt"
        LIMIT 1
      ) se ON true
    ),
    send_stats AS (
      SELECT s."campaignId", count(*) AS sent, min(s."sentAt") AS first_sent,
        count(DISTINCT s."profileId") FILTER (WHERE EXISTS (
          SELECT 1 FROM "Event" r
          WHERE r."brandId" = ${brandId} AND r."profileId" = s."profileId" AND r.name = ${EventName.receivedSms}
            AND r."occurredAt" > s."sentAt" AND r."occurredAt" <= s."sentAt" + make_interval(hours => ${brand.attributionWindowHours}::int)
        )) AS replies
      FROM sends s GROUP BY s."campaignId"
    ),
    conversation_stats AS (
      SELECT e.properties->>'sourceCampaignId' AS "campaignId", count(*) AS conversations
      FROM "Event" e
      WHERE e."brandId" = ${brandId} AND e.name = ${EventName.conversationStarted} AND e."occurredAt" >= ${utc(current.start)}
        AND e.properties->>'sourceCampaignId' IN (SELECT id FROM campaigns)
      GROUP BY 1
    ),
    ${ordersCtes(brandId, filter.channel, brand.attributionWindowHours, brand.timeZone, spanOf(periods))},
    revenue_stats AS (
      SELECT st."campaignId", count(*) AS orders, sum(a.cents) AS cents
      FROM attributed a
      JOIN LATERAL (
        SELECT e.properties->>'sourceCampaignId' AS "campaignId" FROM "Event" e
        WHERE e."brandId" = ${brandId} AND e."profileId" = a."profileId" AND e.name = ${EventName.conversationStarted} AND e."occurredAt" <= a."touchAt"
        ORDER BY e."occurredAt" DESC LIMIT 1
      ) st ON true
      WHERE st."campaignId" IN (SELECT id FROM campaigns)
      GROUP BY 1
    )
    SELECT c.id, c.name, c.status,
      to_char(coalesce(ss.first_sent, ${utc(now)}), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "firstSentAt",
      coalesce(ss.sent, 0)::int AS sent,
      coalesce(ss.replies, 0)::int AS replies,
      coalesce(cs.conversations, 0)::int AS conversations,
      coalesce(rs.cents, 0)::float8 AS "attributedRevenueCents",
      coalesce(rs.orders, 0)::int AS "attributedOrders"
    FROM campaigns c
    LEFT JOIN send_stats ss ON ss."campaignId" = c.id
    LEFT JOIN conversation_stats cs ON cs."campaignId" = c.id
    LEFT JOIN revenue_stats rs ON rs."campaignId" = c.id
    ORDER BY coalesce(ss.first_sent, ${utc(now)}) DESC, c.name
  `);
  return rows.map((r) => ({ ...r, firstSentAt: new Date(r.firstSentAt), replyRate: r.sent > 0 ? r.replies / r.sent : null }));
}
