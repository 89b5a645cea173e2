"use client";
/**
 * The performance page: filters kept in the URL, then the key metric cards, the day-by-day charts,
 * the tables by skill and by campaign, and links that turn a number into a segment. Each widget
 * group is one request (summary, series, by skill, by campaign) and keeps the previous numbers on
 * screen while new ones load.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo, type ReactNode } from "react";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber } from "@/components/ui/format";
import { SegmentsIcon } from "@/components/ui/icons";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";
import { useTimeZone } from "@/components/ui/time-zone";
import { describeAttributionWindow } from "@/server/analytics/attribution/attribution-rules";
import { dayIn, previousRange } from "@/server/analytics/performance/period";
import { CampaignTable, SkillTable } from "./breakdown-tables";
import { DailyChart } from "./daily-chart";
import { formatMoney, formatMoneyShort, formatShare } from "./format-metric";
import { MetricCards } from "./metric-cards";
import { RangeFilter } from "./range-filter";
import { viewFromUrl, viewToQuery, type PerformanceView as View } from "./performance-url";
import { segmentLinks } from "./segment-links";

const outcomeSeries = [
  { key: "resolved", label: "Resolved", color: "var(--color-resolved)" },
  { key: "escalated", label: "Escalated", color: "var(--color-escalated)" },
  { key: "closedOut", label: "Closed out", color: "var(--color-closed-out)" },
  { key: "failed", label: "Failed", color: "var(--color-failed)" },
  { key: "open", label: "Still open", color: "var(--color-automating)" },
] as const;

const windowText = describeAttributionWindow;

export function PerformanceView() {
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const timeZone = useTimeZone() ?? "UTC";
  const today = dayIn(Date.now(), timeZone);
  const view = useMemo(() => viewFromUrl(new URLSearchParams(searchParams.toString()), timeZone), [searchParams, timeZone]);
  const input = { from: view.from, to: view.to, channel: view.channel };

  const summary = useQuery({ ...trpc.performance.summary.queryOptions(input), placeholderData: keepPreviousData });
  const series = useQuery({ ...trpc.performance.series.queryOptions(input), placeholderData: keepPreviousData });
  const bySkill = useQuery({ ...trpc.performance.bySkill.queryOptions(input), placeholderData: keepPreviousData });
  const byCampaign = useQuery({ ...trpc.performance.byCampaign.queryOptions(input), placeholderData: keepPreviousData });

  function setView(next: View) {
    const query = viewToQuery(next);
    // Next keeps useSearchParams in step with the History API, so this re-renders with the new range.
    window.history.replaceState(null, "", query ? `/performance?${query}` : "/performance");
  }

  const links = segmentLinks(view.from, today);
  const conversationsHref = (status?: string) => {
    const params = new URLSearchParams({ ...(status ? { status } : {}), from: view.from, to: view.to });
    return `/conversations?${params.toString()}`;
  };
  const currency = summary.data?.currency ?? "USD";
  const attributionWindow = summary.data ? windowText(summary.data.attribution.windowHours) : "the attribution window";

  return (
    <div className="flex flex-col gap-8">
      <RangeFilter key={view.choice} view={view} timeZone={timeZone} today={today} onChange={setView} previous={previousRange(view)} />

      <section aria-labelledby="metrics-heading" className="flex flex-col gap-3">
        <h2 id="metrics-heading" className="sr-only">
          Key metrics
        </h2>
        <Widget query={summary} skeleton={<CardsSkeleton />}>
          {(data) => (
            <>
              <MetricCards summary={data} links={{ conversations: conversationsHref, orderedSegment: links.find((l) => l.key === "talked-and-ordered")!.href }} />
              <p className="text-xs text-slate-500">
                Revenue is credited to the agent when an order comes within {windowText(data.attribution.windowHours)} of the shopper’s last agent reply (last touch), once per order.{" "}
                <Link href="/settings#attribution" className="font-medium text-accent hover:underline">
                  Change the attribution window
                </Link>
                {" · "}
                <Link href="/performance/import-orders" className="font-medium text-accent hover:underline">
                  Import orders from a CSV file
                </Link>
              </p>
            </>
          )}
        </Widget>
      </section>

      <section aria-labelledby="charts-heading" className="flex flex-col gap-3">
        <h2 id="charts-heading" className="text-base font-semibold text-slate-900">
          Day by day
        </h2>
        <Widget query={series} skeleton={<Skeleton className="h-72 w-full" />}>
          {(data) => {
            const days = data.days.map((d) => d.day);
            const started = data.days.reduce((n, d) => n + d.started, 0);
            const resolved = data.days.reduce((n, d) => n + d.resolved, 0);
            const revenue = data.days.reduce((n, d) => n + d.attributedRevenueCents, 0);
            return (
              <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
                <Card className="xl:col-span-2">
                  <CardBody className="py-4">
                    <DailyChart
                      testId="chart-outcomes"
                      title="Conversations per day, by outcome"
                      description="Each conversation on the day it started, coloured by how it ended so far."
                      kind="stacked"
                      isInteger
                      days={days}
                      series={[...outcomeSeries]}
                      values={outcomeSeries.map((s) => data.days.map((d) => d[s.key]))}
                      formatValue={formatNumber}
                      summary={`${formatNumber(started)} conversations, ${formatNumber(resolved)} resolved by the agent.`}
                    />
                  </CardBody>
                </Card>
                <Card>
                  <CardBody className="py-4">
                    <DailyChart
                      testId="chart-resolution"
                      title="Resolution rate"
                      description="Share of each day’s conversations the agent resolved. No dot: no conversations that day."
                      kind="line"
                      days={days}
                      yMax={1}
                      series={[{ key: "rate", label: "Resolved", color: "var(--color-resolved)" }]}
                      values={[data.days.map((d) => d.resolvedRate)]}
                      formatValue={(v) => formatShare(v)}
                      summary={`${formatShare(started ? resolved / started : null)} resolved over the period.`}
                      extraLines={(i) => [`${formatNumber(data.days[i]!.resolved)} of ${formatNumber(data.days[i]!.started)} conversations`]}
                    />
                  </CardBody>
                </Card>
                <Card>
                  <CardBody className="py-4">
                    <DailyChart
                      testId="chart-revenue"
                      title="Revenue from the agent per day"
                      description={`Orders within ${attributionWindow} of an agent reply, on the day they were placed.`}
                      kind="bars"
                      days={days}
                      series={[{ key: "revenue", label: "Revenue", color: "var(--color-accent)" }]}
                      values={[data.days.map((d) => d.attributedRevenueCents)]}
                      formatValue={(v) => formatMoney(v, currency)}
                      formatAxis={(v) => formatMoneyShort(v, currency)}
                      summary={`${formatMoney(revenue, currency)} in total.`}
                      extraLines={(i) => [`${formatNumber(data.days[i]!.attributedOrders)} ${data.days[i]!.attributedOrders === 1 ? "order" : "orders"}`]}
                    />
                  </CardBody>
                </Card>
              </div>
            );
          }}
        </Widget>
      </section>

      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2">
        <section aria-labelledby="skills-heading">
          <Card>
            <CardHeader title={<span id="skills-heading">By skill</span>} description="Conversations started in the period, by what the agent did (the skill named when the conversation ended)." />
            <CardBody className="p-0">
              <Widget query={bySkill} skeleton={<SkeletonRows rows={4} className="p-4" label="Loading skills…" />}>
                {(rows) => <SkillTable rows={rows} />}
              </Widget>
            </CardBody>
          </Card>
        </section>
        <section aria-labelledby="campaigns-heading">
          <Card>
            <CardHeader title={<span id="campaigns-heading">By campaign</span>} description={`Campaigns that sent texts in the period, with their results so far. Replies count within ${attributionWindow} of the text.`} />
            <CardBody className={byCampaign.data?.length ? "p-0" : undefined}>
              <Widget query={byCampaign} skeleton={<SkeletonRows rows={3} label="Loading campaigns…" />}>
                {(rows) => <CampaignTable rows={rows} currency={currency} windowText={attributionWindow} />}
              </Widget>
            </CardBody>
          </Card>
        </section>
      </div>

      <section aria-labelledby="segments-heading">
        <Card>
          <CardHeader
            title={<span id="segments-heading">Create a segment from this period</span>}
            description={
              view.to === today
                ? "Opens the segment builder with the conditions filled in; adjust them and save."
                : `Segments count days back from today, so these cover ${view.from} until today. Adjust them in the builder before saving.`
            }
          />
          <CardBody>
            <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-4" data-testid="segment-links">
              {links.map((link) => (
                <li key={link.key}>
                  <Link href={link.href} className="flex h-full items-start gap-2.5 rounded-md border border-slate-200 px-3 py-2.5 hover:border-slate-300 hover:bg-slate-50" data-testid={`segment-link-${link.key}`}>
                    <SegmentsIcon className="mt-0.5 size-4 shrink-0 text-accent" />
                    <span>
                      <span className="block text-sm font-medium text-slate-900">Create segment: {link.label}</span>
                      <span className="block text-xs text-slate-500">{link.description}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      </section>
    </div>
  );
}

/** One widget group: a skeleton first, the error with a retry, or the data (dimmed while the next range loads). */
type WidgetQuery<T> = { data: T | undefined; isError: boolean; error: unknown; isPlaceholderData: boolean; refetch: () => unknown };

function Widget<T>({ query, skeleton, children }: { query: WidgetQuery<T>; skeleton: ReactNode; children: (data: T) => ReactNode }) {
  if (query.isError && !query.data) return <ErrorNotice message={errorMessageOf(query.error)} onRetry={() => void query.refetch()} />;
  if (!query.data) return <>{skeleton}</>;
  return (
    <div className={cn("transition-opacity", query.isPlaceholderData && "opacity-60")} aria-busy={query.isPlaceholderData || undefined}>
      {children(query.data)}
    </div>
  );
}

function CardsSkeleton() {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 md:grid-cols-3 xl:grid-cols-5" role="status">
      <span className="sr-only">Loading metrics…</span>
      {Array.from({ length: 10 }, (_, i) => (
        <Skeleton key={i} className="h-28 w-full" />
      ))}
    </div>
  );
}
