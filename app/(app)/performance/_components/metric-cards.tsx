"use client";
import Link from "next/link";
import type { RouterOutputs } from "@/components/trpc";
import { cn } from "@/components/ui/cn";
import { formatNumber } from "@/components/ui/format";
import { ArrowDownIcon, ArrowUpIcon } from "@/components/ui/icons";
import { changeOf, describeChange, formatCost, formatMoney, formatSeconds, formatShare, type Change, type Goodness } from "./format-metric";

type Summary = RouterOutputs["performance"]["summary"];
type Metrics = Summary["current"]["metrics"];

type CardSpec = {
  key: string;
  label: string;
  value: (m: Metrics) => number | null;
  format: (value: number | null) => string;
  detail?: (m: Metrics) => string | null;
  goodness: Goodness;
  href: string;
  linkLabel: string;
};

/** The key numbers, each compared with the previous period and linked to the people behind it. */
export function MetricCards({ summary, links }: { summary: Summary; links: { conversations: (status?: string) => string; orderedSegment: string } }) {
  const { currency } = summary;
  const count = (v: number | null) => (v === null ? "—" : formatNumber(v));
  const cards: CardSpec[] = [
    {
      key: "started",
      label: "Conversations started",
      value: (m) => m.conversationsStarted,
      format: count,
      detail: (m) => (m.open ? `${formatNumber(m.open)} still open` : null),
      goodness: "higher",
      href: links.conversations(),
      linkLabel: "See these conversations",
    },
    {
      key: "resolved",
      label: "Resolved by the agent",
      value: (m) => m.resolved,
      format: count,
      detail: (m) => `${formatShare(m.resolvedRate)} of conversations`,
      goodness: "higher",
      href: links.conversations("resolved"),
      linkLabel: "See resolved conversations",
    },
    {
      key: "escalated",
      label: "Escalated to a person",
      value: (m) => m.escalated,
      format: count,
      detail: (m) => `${formatShare(m.escalatedRate)} of conversations${m.failed ? `, ${formatNumber(m.failed)} after an agent failure` : ""}`,
      goodness: "lower",
      href: links.conversations("escalated"),
      linkLabel: "See escalated conversations",
    },
    {
      key: "closed-out",
      label: "Closed out",
      value: (m) => m.closedOut,
      format: count,
      detail: (m) => `${formatShare(m.closedOutRate)} of conversations`,
      goodness: "lower",
      href: links.conversations("closed_out"),
      linkLabel: "See closed-out conversations",
    },
    {
      key: "first-response",
      label: "Median first response",
      value: (m) => m.medianFirstResponseSeconds,
      format: formatSeconds,
      detail: (m) => (m.firstResponses ? `over ${formatNumber(m.firstResponses)} first replies` : "no agent replies yet"),
      goodness: "lower",
      href: links.conversations(),
      linkLabel: "See these conversations",
    },
    {
      key: "replies",
      label: "Agent replies sent",
      value: (m) => m.agentReplies,
      format: count,
      goodness: "neutral",
      href: links.conversations(),
      linkLabel: "See these conversations",
    },
    {
      key: "segments",
      label: "SMS segments used",
      value: (m) => m.segments,
      format: count,
      detail: (m) => `${formatCost(m.segmentCostCents, currency)} at ${formatCost(summary.segmentCostCents, currency)} a segment`,
      goodness: "neutral",
      href: links.conversations(),
      linkLabel: "See these conversations",
    },
    {
      key: "revenue",
      label: "Revenue from the agent",
      value: (m) => m.attributedRevenueCents,
      format: (v) => (v === null ? "—" : formatMoney(v, currency)),
      detail: (m) => (m.allRevenueCents ? `${formatShare(m.attributedRevenueCents / m.allRevenueCents)} of ${formatMoney(m.allRevenueCents, currency)} in orders` : "no orders in this period"),
      goodness: "higher",
      href: links.orderedSegment,
      linkLabel: "Build a segment of these shoppers",
    },
    {
      key: "orders",
      label: "Orders from the agent",
      value: (m) => m.attributedOrders,
      format: count,
      detail: (m) => `of ${formatNumber(m.allOrders)} orders in the period`,
      goodness: "higher",
      href: links.orderedSegment,
      linkLabel: "Build a segment of these shoppers",
    },
    {
      key: "aov",
      label: "Average order value",
      value: (m) => m.averageOrderValueCents,
      format: (v) => (v === null ? "—" : formatMoney(v, currency)),
      detail: () => "of the orders from the agent",
      goodness: "higher",
      href: links.orderedSegment,
      linkLabel: "Build a segment of these shoppers",
    },
  ];
  const previousLabel = `the previous ${summary.previous.days === 1 ? "day" : `${formatNumber(summary.previous.days)} days`}`;
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 md:grid-cols-3 xl:grid-cols-5" aria-label="Key metrics" data-testid="metric-cards">
      {cards.map((card) => {
        const current = card.value(summary.current.metrics);
        const previous = card.value(summary.previous.metrics);
        const change = changeOf(current, previous, card.goodness);
        const detail = card.detail?.(summary.current.metrics) ?? null;
        return (
          <li key={card.key}>
            <Link
              href={card.href}
              className="group flex h-full flex-col gap-1 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-xs transition-colors hover:border-slate-300 hover:bg-slate-50"
              data-testid={`metric-${card.key}`}
            >
              <span className="text-xs font-medium text-slate-500">{card.label}</span>
              <span className="text-2xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid={`metric-${card.key}-value`}>
                {card.format(current)}
              </span>
              {detail ? <span className="text-xs text-slate-500">{detail}</span> : null}
              <span className="mt-auto flex flex-wrap items-center gap-x-1.5 pt-1 text-xs text-slate-500">
                <ChangeBadge change={change} />
                <span id={`metric-${card.key}-change`} title={describeChange(change, previousLabel)}>
                  <span className="sr-only">{describeChange(change, previousLabel)} </span>
                  <span aria-hidden="true">vs {card.format(previous)}</span>
                </span>
              </span>
              <span className="sr-only">{card.linkLabel}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function ChangeBadge({ change }: { change: Change }) {
  const base = "inline-flex items-center gap-0.5 rounded px-1 py-0.5 font-medium tabular-nums";
  switch (change.kind) {
    case "change": {
      const tone = change.tone === "good" ? "bg-resolved-soft text-resolved-ink" : change.tone === "bad" ? "bg-failed-soft text-failed-ink" : "bg-slate-100 text-slate-700";
      const Icon = change.direction === "up" ? ArrowUpIcon : ArrowDownIcon;
      return (
        <span className={cn(base, tone)} aria-hidden="true">
          <Icon className="size-3" />
          {formatShare(change.percent)}
        </span>
      );
    }
    case "new":
      return (
        <span className={cn(base, "bg-slate-100 text-slate-700")} aria-hidden="true">
          new
        </span>
      );
    case "gone":
      return (
        <span className={cn(base, "bg-slate-100 text-slate-700")} aria-hidden="true">
          <ArrowDownIcon className="size-3" />
          100%
        </span>
      );
    case "same":
      return (
        <span className={cn(base, "bg-slate-100 text-slate-500")} aria-hidden="true">
          =
        </span>
      );
    case "none":
      return null;
  }
}
