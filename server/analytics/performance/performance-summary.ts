/**
 * The key metric cards: one query for the period and the previous period of equal length.
 *
 * Each metric, as SQL over the Event table (see sql-parts.ts for the CTEs; :b brand, [ps, pe) a period):
 * - Conversations started: count(*) FROM started — "Started Customer Agent Conversation" in [ps, pe).
 * - Resolved / escalated / closed out / failed: those started conversations joined to `outcomes`
 *   on properties.conversationId (the Escalated event wins over Resolved; outcome from its
 *   properties.outcome). A conversation's outcome counts in the period it started in, whenever it
 *   happened (a cohort), so the rates are shares of the conversations started. "Escalated" on the
 *   card is escalated + failed: both end with a person.
 * - Median first response: per started conversation, the shopper's text that started it (the last
 *   "Received SMS" of the profile at or before the Started event) to the first agent reply ("Sent SMS"
 *   with properties.author = 'agent' at or after the start and before the profile's next Started);
 *   percentile_cont(0.5) of those seconds. Computed in one pass over the profile's events from a day
 *   before the periods to a day after (a running window, not a lookup per conversation), so a first
 *   reply more than a day after the period ends is not seen; the agent answers in seconds.
 * - Agent replies and segments: "Sent SMS" with properties.author = 'agent' in [ps, pe): count, and
 *   sum(properties.segments). Cost = segments × Brand.segmentCostCents.
 * - Orders: "Placed Order" with a numeric properties.value in [ps, pe), once per orderNumber.
 *   Attributed: those with an agent "Sent SMS" to the same profile within Brand.attributionWindowHours
 *   before the order (last touch). Revenue = sum(round(value × 100)); AOV = revenue / orders.
 */
import { Prisma, type Db } from "../../db";
import { EventName } from "../emit-event";
import type { Period } from "./period";
import { loadPerformanceBrand, resolvePeriods, type PerformanceFilter } from "./performance-filter";
import { ordersCtes, outcomesCte, periodsCte, spanOf, startedCte, utc } from "./sql-parts";

export type PeriodMetrics = {
  conversationsStarted: number;
  resolved: number;
  /** Escalated to a person, failures included (they end with a person too). */
  escalated: number;
  failed: number;
  closedOut: number;
  /** Started and not yet resolved or escalated. */
  open: number;
  resolvedRate: number | null;
  escalatedRate: number | null;
  closedOutRate: number | null;
  medianFirstResponseSeconds: number | null;
  /** Conversations with a first agent reply (what the median is over). */
  firstResponses: number;
  agentReplies: number;
  segments: number;
  segmentCostCents: number;
  attributedRevenueCents: number;
  attributedOrders: number;
  averageOrderValueCents: number | null;
  /** Every order in the period, credited or not (context for the attributed share). */
  allOrders: number;
  allRevenueCents: number;
};

export type PerformanceSummary = {
  current: { from: string; to: string; days: number; metrics: PeriodMetrics };
  previous: { from: string; to: string; days: number; metrics: PeriodMetrics };
  currency: string;
  attribution: { windowHours: number; model: string };
  segmentCostCents: number;
  timeZone: string;
};

type Row = {
  period: string;
  started: number;
  resolved: number;
  escalated: number;
  failed: number;
  closedOut: number;
  medianSeconds: number | null;
  firstResponses: number;
  replies: number;
  segments: number;
  attributedOrders: number;
  attributedCents: number;
  allOrders: number;
  allCents: number;
  currency: string | null;
};

const rate = (n: number, of: number) => (of > 0 ? n / of : null);

function metricsOf(row: Row | undefined, segmentCostCents: number): PeriodMetrics {
  const r = row ?? ({ started: 0, resolved: 0, escalated: 0, failed: 0, closedOut: 0, medianSeconds: null, firstResponses: 0, replies: 0, segments: 0, attributedOrders: 0, attributedCents: 0, allOrders: 0, allCents: 0 } as Omit<Row, "period" | "currency">);
  const escalated = r.escalated + r.failed;
  return {
    conversationsStarted: r.started,
    resolved: r.resolved,
    escalated,
    failed: r.failed,
    closedOut: r.closedOut,
    open: r.started - r.resolved - escalated - r.closedOut,
    resolvedRate: rate(r.resolved, r.started),
    escalatedRate: rate(escalated, r.started),
    closedOutRate: rate(r.closedOut, r.started),
    medianFirstResponseSeconds: r.medianSeconds,
    firstResponses: r.firstResponses,
    agentReplies: r.replies,
    segments: r.segments,
    // Float cents (0.79 a segment), rounded to a hundredth of a cent so sums stay exact for display.
    segmentCostCents: Math.round(r.segments * segmentCostCents * 100) / 100,
    attributedRevenueCents: r.attributedCents,
    attributedOrders: r.attributedOrders,
    averageOrderValueCents: r.attributedOrders > 0 ? Math.round(r.attributedCents / r.attributedOrders) : null,
    allOrders: r.allOrders,
    allRevenueCents: r.allCents,
  };
}

export async function performanceSummary(db: Db, brandId: string, filter: PerformanceFilter): Promise<PerformanceSummary> {
  const brand = await loadPerformanceBrand(db, brandId);
  const { current, previous } = resolvePeriods(filter, brand.timeZone);
  const rows = await summaryRows(db, brandId, filter.channel, brand.timeZone, brand.attributionWindowHours, [current, previous]);
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const describe = (p: Period, key: string) => ({ from: p.from, to: p.to, days: p.days, metrics: metricsOf(byPeriod.get(key), brand.segmentCostCents) });
  return {
    current: describe(current, "current"),
    previous: describe(previous, "previous"),
    currency: byPeriod.get("current")?.currency ?? byPeriod.get("previous")?.currency ?? "USD",
    attribution: { windowHours: brand.attributionWindowHours, model: brand.attributionModel },
    segmentCostCents: brand.segmentCostCents,
    timeZone: brand.timeZone,
  };
}

function summaryRows(db: Db, brandId: string, channel: string, timeZone: string, windowHours: number, [current, previous]: [Period, Period]) {
  const received = EventName.receivedSms;
  const sent = EventName.sentSms;
  const startedName = EventName.conversationStarted;
  const periods = [
    { period: "current", start: current.start, end: current.end },
    { period: "previous", start: previous.start, end: previous.end },
  ];
  const span = spanOf(periods);
  return db.$queryRaw<Row[]>(Prisma.sql`
    WITH ${periodsCte(periods)},
    ${startedCte(brandId, channel, timeZone, span)},
    ${outcomesCte(brandId, span)},
    ${ordersCtes(brandId, channel, windowHours, timeZone, span)},
    conversation_counts AS (
      SELECT s.period,
        count(*) AS started,
        count(*) FILTER (WHERE o.outcome = 'resolved') AS resolved,
        count(*) FILTER (WHERE o.outcome = 'escalated') AS escalated,
        count(*) FILTER (WHERE o.outcome = 'failed') AS failed,
        count(*) FILTER (WHERE o.outcome = 'closed_out') AS closed_out
      FROM started s LEFT JOIN outcomes o ON o.conv = s.conv
      GROUP BY s.period
    ),
    -- The shopper's texts, the conversation starts and the agent's replies around the periods, per
    -- profile in time order (a text before a start at the same instant, a reply after it).
    response_events AS (
      SELECT e."profileId", e."occurredAt", e.name,
        CASE WHEN e.name = ${startedName} THEN coalesce(e.properties->>'channel', 'sms') END AS channel,
        CASE WHEN e.name = ${received} THEN 0 WHEN e.name = ${startedName} THEN 1 ELSE 2 END AS rank
      FROM "Event" e
      WHERE e."brandId" = ${brandId} AND e.name IN (${received}, ${startedName}, ${sent})
        AND (e.name <> ${sent} OR e.properties->>'author' = 'agent')
        AND e."occurredAt" >= ${utc(span.start)} - interval '1 day'
        AND e."occurredAt" < ${utc(span.end)} + interval '1 day'
    ),
    -- Per profile, a running count of starts numbers each conversation's stretch of events (its
    -- start, then everything until the next start) and carries the latest shopper text along.
    response_marks AS (
      SELECT "profileId", name, channel, "occurredAt",
        count(*) FILTER (WHERE name = ${startedName}) OVER running AS stretch,
        max("occurredAt") FILTER (WHERE name = ${received}) OVER running AS text_at
      FROM response_events
      WINDOW running AS (PARTITION BY "profileId" ORDER BY "occurredAt", rank ROWS UNBOUNDED PRECEDING)
    ),
    -- One row per stretch: its start (the only Started row in it), the shopper's text before that
    -- start, and the first agent reply in the stretch. Grouping, not joining back on the
    -- conversation id, keeps this one pass however many conversations there are.
    stretches AS (
      SELECT "profileId", stretch,
        min("occurredAt") FILTER (WHERE name = ${startedName}) AS started_at,
        max(text_at) FILTER (WHERE name = ${startedName}) AS text_at,
        bool_or(channel = ${channel}) FILTER (WHERE name = ${startedName}) AS is_on_channel,
        min("occurredAt") FILTER (WHERE name = ${sent}) AS reply_at
      FROM response_marks
      WHERE stretch > 0
      GROUP BY "profileId", stretch
    ),
    first_responses AS (
      SELECT p.period, EXTRACT(EPOCH FROM (r.reply_at - r.text_at))::float8 AS seconds
      FROM stretches r
      JOIN periods p ON r.started_at >= p.ps AND r.started_at < p.pe
      WHERE r.is_on_channel AND r.text_at IS NOT NULL AND r.reply_at IS NOT NULL
    ),
    first_response_stats AS (
      SELECT period, percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median_seconds, count(*) AS n
      FROM first_responses GROUP BY period
    ),
    replies AS (
      SELECT p.period, count(*) AS replies,
        sum(CASE WHEN jsonb_typeof(e.properties->'segments') = 'number' THEN (e.properties->>'segments')::int ELSE 1 END) AS segments
      FROM periods p
      JOIN "Event" e ON e."brandId" = ${brandId} AND e.name = ${sent} AND e."occurredAt" >= p.ps AND e."occurredAt" < p.pe
        AND e."occurredAt" >= ${utc(span.start)} AND e."occurredAt" < ${utc(span.end)}
      WHERE e.properties->>'author' = 'agent' AND ${channel}::text = 'sms'
      GROUP BY p.period
    ),
    order_stats AS (
      SELECT period, count(*) AS orders, sum(cents) AS cents, mode() WITHIN GROUP (ORDER BY currency) AS currency FROM orders GROUP BY period
    ),
    attributed_stats AS (
      SELECT period, count(*) AS orders, sum(cents) AS cents FROM attributed GROUP BY period
    )
    SELECT p.period,
      coalesce(c.started, 0)::int AS started,
      coalesce(c.resolved, 0)::int AS resolved,
      coalesce(c.escalated, 0)::int AS escalated,
      coalesce(c.failed, 0)::int AS failed,
      coalesce(c.closed_out, 0)::int AS "closedOut",
      f.median_seconds::float8 AS "medianSeconds",
      coalesce(f.n, 0)::int AS "firstResponses",
      coalesce(r.replies, 0)::int AS replies,
      coalesce(r.segments, 0)::int AS segments,
      coalesce(a.orders, 0)::int AS "attributedOrders",
      coalesce(a.cents, 0)::float8 AS "attributedCents",
      coalesce(o.orders, 0)::int AS "allOrders",
      coalesce(o.cents, 0)::float8 AS "allCents",
      o.currency
    FROM periods p
    LEFT JOIN conversation_counts c ON c.period = p.period
    LEFT JOIN first_response_stats f ON f.period = p.period
    LEFT JOIN replies r ON r.period = p.period
    LEFT JOIN order_stats o ON o.period = p.period
    LEFT JOIN attributed_stats a ON a.period = p.period
  `);
}
