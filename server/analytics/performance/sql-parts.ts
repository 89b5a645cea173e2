/**
 * SQL shared by the performance queries. Every query starts from a `periods(period, ps, pe)` CTE
 * — one row per period shown, [ps, pe) in UTC — and reads the Event table, whose indexes
 * (brandId, name, occurredAt) and (brandId, profileId, name, occurredAt) serve every lookup here.
 *
 * Event.occurredAt is `timestamp without time zone` holding UTC, so an instant is passed as an
 * ISO string and turned into that form, and a brand-local day is `(occurredAt AT TIME ZONE 'UTC')
 * AT TIME ZONE <brand zone>`, cast to a date (PostgreSQL's own zone rules, DST included).
 */
import { Prisma } from "../../db";
import { EventName } from "../emit-event";

/** An instant as the Event table stores it. */
export function utc(instant: Date): Prisma.Sql {
  return Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** The brand-local calendar day of a stored (UTC) timestamp column. */
export function localDay(column: Prisma.Sql, timeZone: string): Prisma.Sql {
  return Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}::text)::date`;
}

export type SqlPeriod = { period: string; start: Date; end: Date };

/**
 * From the earliest start to the latest end of the periods. Every Event scan also repeats these
 * bounds as plain values (not only through the join with `periods`): PostgreSQL then estimates how
 * many rows a scan returns from the column's statistics. Without them it guessed a handful of rows
 * for a month of a large brand and chose nested loops that compared every conversation with every
 * other (hours at 20 million events).
 */
export type SqlSpan = { start: Date; end: Date };
export function spanOf(periods: SqlPeriod[]): SqlSpan {
  return { start: new Date(Math.min(...periods.map((p) => p.start.getTime()))), end: new Date(Math.max(...periods.map((p) => p.end.getTime()))) };
}

/** `periods(period, ps, pe)`: the periods a query reports on. */
export function periodsCte(periods: SqlPeriod[]): Prisma.Sql {
  const rows = periods.map((p) => Prisma.sql`(${p.period}::text, ${utc(p.start)}, ${utc(p.end)})`);
  return Prisma.sql`periods(period, ps, pe) AS (VALUES ${Prisma.join(rows)})`;
}

/**
 * `started`: conversations started in each period on the channel —
 *   Started Customer Agent Conversation events, occurredAt in [ps, pe), properties.channel (sms when absent).
 */
export function startedCte(brandId: string, channel: string, timeZone: string, span: SqlSpan): Prisma.Sql {
  return Prisma.sql`started AS (
    SELECT p.period, e."profileId", e.properties->>'conversationId' AS conv, e."occurredAt",
      ${localDay(Prisma.sql`e."occurredAt"`, timeZone)} AS day,
      e.properties->>'sourceCampaignId' AS "campaignId"
    FROM periods p
    JOIN "Event" e ON e."brandId" = ${brandId} AND e.name = ${EventName.conversationStarted}
      AND e."occurredAt" >= p.ps AND e."occurredAt" < p.pe
      AND e."occurredAt" >= ${utc(span.start)} AND e."occurredAt" < ${utc(span.end)}
    WHERE coalesce(e.properties->>'channel', 'sms') = ${channel}
  )`;
}

/**
 * `outcomes`: how each conversation ended, one row per conversation id — its Escalated event when
 * it has one (properties.outcome: escalated, closed_out or failed), else its Resolved event; no row
 * while it is still open. Only events since the earliest period start (an outcome follows its start).
 */
export function outcomesCte(brandId: string, span: SqlSpan): Prisma.Sql {
  const escalated = EventName.conversationEscalated;
  return Prisma.sql`outcomes AS (
    SELECT DISTINCT ON (e.properties->>'conversationId')
      e.properties->>'conversationId' AS conv,
      CASE
        WHEN e.name <> ${escalated} THEN 'resolved'
        WHEN e.properties->>'outcome' IN ('closed_out', 'failed') THEN e.properties->>'outcome'
        ELSE 'escalated'
      END AS outcome,
      e.properties->>'skill' AS skill
    FROM "Event" e
    WHERE e."brandId" = ${brandId} AND e.name IN (${EventName.conversationResolved}, ${escalated})
      AND e."occurredAt" >= ${utc(span.start)}
    ORDER BY e.properties->>'conversationId', (e.name = ${escalated}) DESC, e."occurredAt" DESC
  )`;
}

/**
 * `orders`: each period's Placed Order events that carry a numeric value, once per order number
 * (the dedupeKey already makes them unique; DISTINCT ON keeps a stray duplicate from counting).
 * `attributed`: those orders whose shopper got an agent reply (Sent SMS, properties.author agent)
 * in the window before the order — touch ≥ order − window and touch ≤ order — with the last such
 * reply as the touch (last touch). SMS is the only channel with replies today.
 */
export function ordersCtes(brandId: string, channel: string, windowHours: number, timeZone: string, span: SqlSpan): Prisma.Sql {
  return Prisma.sql`orders AS (
    SELECT DISTINCT ON (p.period, o.properties->>'orderNumber')
      p.period, o.properties->>'orderNumber' AS "orderNumber", o."profileId", o."occurredAt",
      ${localDay(Prisma.sql`o."occurredAt"`, timeZone)} AS day,
      round((o.properties->>'value')::numeric * 100)::bigint AS cents,
      upper(coalesce(o.properties->>'currency', 'USD')) AS currency
    FROM periods p
    JOIN "Event" o ON o."brandId" = ${brandId} AND o.name = ${EventName.placedOrder}
      AND o."occurredAt" >= p.ps AND o."occurredAt" < p.pe
      AND o."occurredAt" >= ${utc(span.start)} AND o."occurredAt" < ${utc(span.end)}
    WHERE jsonb_typeof(o.properties->'value') = 'number'
    ORDER BY p.period, o.properties->>'orderNumber', o."occurredAt"
  ),
  attributed AS (
    SELECT o.*, t."occurredAt" AS "touchAt"
    FROM orders o
    JOIN LATERAL (
      SELECT s."occurredAt" FROM "Event" s
      WHERE s."brandId" = ${brandId} AND s."profileId" = o."profileId" AND s.name = ${EventName.sentSms}
        AND s.properties->>'author' = 'agent'
        AND s."occurredAt" <= o."occurredAt" AND s."occurredAt" >= o."occurredAt" - make_interval(hours => ${windowHours}::int)
      ORDER BY s."occurredAt" DESC
      LIMIT 1
    ) t ON true
    WHERE ${channel}::text = 'sms'
  )`;
}
