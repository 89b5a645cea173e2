/**
 * The charts: one row per day of the period (brand-local days, empty days included), one query.
 *
 * As SQL (sql-parts.ts CTEs; days from generate_series(:from, :to, '1 day')):
 * - Conversations per day by outcome: `started` grouped by its local day, joined to `outcomes`
 *   (resolved / escalated / closed out / failed / still open) — the day a conversation started.
 * - Resolution rate per day: resolved ÷ started for that day (null on a day without conversations).
 * - Revenue per day: `attributed` orders grouped by the local day of the order: sum(cents), count(*).
 */
import { Prisma, type Db } from "../../db";
import { loadPerformanceBrand, resolvePeriods, type PerformanceFilter } from "./performance-filter";
import { ordersCtes, outcomesCte, periodsCte, spanOf, startedCte } from "./sql-parts";

export type SeriesDay = {
  day: string;
  started: number;
  resolved: number;
  escalated: number;
  closedOut: number;
  failed: number;
  open: number;
  resolvedRate: number | null;
  attributedRevenueCents: number;
  attributedOrders: number;
};

export type PerformanceSeries = { days: SeriesDay[]; timeZone: string };

type Row = Omit<SeriesDay, "open" | "resolvedRate">;

export async function performanceSeries(db: Db, brandId: string, filter: PerformanceFilter): Promise<PerformanceSeries> {
  const brand = await loadPerformanceBrand(db, brandId);
  const { current } = resolvePeriods(filter, brand.timeZone);
  const periods = [{ period: "current", start: current.start, end: current.end }];
  const span = spanOf(periods);
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH ${periodsCte(periods)},
    ${startedCte(brandId, filter.channel, brand.timeZone, span)},
    ${outcomesCte(brandId, span)},
    ${ordersCtes(brandId, filter.channel, brand.attributionWindowHours, brand.timeZone, span)},
    days AS (SELECT d::date AS day FROM generate_series(${current.from}::date, ${current.to}::date, interval '1 day') d),
    conversation_days AS (
      SELECT s.day,
        count(*) AS started,
        count(*) FILTER (WHERE o.outcome = 'resolved') AS resolved,
        count(*) FILTER (WHERE o.outcome = 'escalated') AS escalated,
        count(*) FILTER (WHERE o.outcome = 'closed_out') AS closed_out,
        count(*) FILTER (WHERE o.outcome = 'failed') AS failed
      FROM started s LEFT JOIN outcomes o ON o.conv = s.conv
      GROUP BY s.day
    ),
    revenue_days AS (SELECT day, count(*) AS orders, sum(cents) AS cents FROM attributed GROUP BY day)
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
      coalesce(c.started, 0)::int AS started,
      coalesce(c.resolved, 0)::int AS resolved,
      coalesce(c.escalated, 0)::int AS escalated,
      coalesce(c.closed_out, 0)::int AS "closedOut",
      coalesce(c.failed, 0)::int AS failed,
      coalesce(r.cents, 0)::float8 AS "attributedRevenueCents",
      coalesce(r.orders, 0)::int AS "attributedOrders"
    FROM days d
    LEFT JOIN conversation_days c ON c.day = d.day
    LEFT JOIN revenue_days r ON r.day = d.day
    ORDER BY d.day
  `);
  return {
    timeZone: brand.timeZone,
    days: rows.map((r) => ({
      ...r,
      open: r.started - r.resolved - r.escalated - r.closedOut - r.failed,
      resolvedRate: r.started > 0 ? r.resolved / r.started : null,
    })),
  };
}
