/**
 * "Create segment" links: the people behind a number, as a segment definition the builder opens
 * prefilled (/segments/new?definition=…&name=…). Segment windows count whole days back from today,
 * so a period becomes "the last N days", N reaching back to the period's first day.
 */
import { EventName } from "@/server/analytics/event-names";
import { daysInRange } from "@/server/analytics/performance/period";
import type { SegmentNode } from "@/server/segments/definition";

/** The segment builder's longest window (server/segments/definition.ts MAX_WINDOW_DAYS). */
const MAX_WINDOW_DAYS = 3650;

export type SegmentLink = { key: string; label: string; description: string; name: string; definition: SegmentNode; href: string };

/** Days from `from` up to and including today: the segment window that covers the period. */
export function windowDaysFor(from: string, today: string): number {
  if (from > today) return 1;
  return Math.min(daysInRange({ from, to: today }), MAX_WINDOW_DAYS);
}

export function segmentBuilderHref(name: string, definition: SegmentNode): string {
  return `/segments/new?definition=${encodeURIComponent(JSON.stringify(definition))}&name=${encodeURIComponent(name)}`;
}

const did = (name: string, days: number, where: Extract<SegmentNode, { type: "event" }>["where"] = []): SegmentNode => ({
  type: "event",
  name,
  frequency: "at_least",
  count: 1,
  window: { kind: "last_days", days },
  where,
});

export function segmentLinks(from: string, today: string): SegmentLink[] {
  const days = windowDaysFor(from, today);
  const last = days === 1 ? "today" : `in the last ${days} days`;
  const links: Omit<SegmentLink, "href">[] = [
    {
      key: "escalated",
      label: "Escalated in this period",
      description: "Shoppers the agent handed to a person.",
      name: `Escalated ${last}`,
      definition: did(EventName.conversationEscalated, days),
    },
    {
      key: "recommended-no-order",
      label: "Got a recommendation and didn't buy",
      description: "The agent recommended products; no order since.",
      name: `Got a recommendation and didn't buy ${last}`,
      definition: {
        type: "and",
        children: [did(EventName.productRecommended, days), { type: "event", name: EventName.placedOrder, frequency: "zero", count: 0, window: { kind: "last_days", days }, where: [] }],
      },
    },
    {
      key: "resolved",
      label: "Resolved by the agent",
      description: "Shoppers whose question the agent settled.",
      name: `Resolved by the agent ${last}`,
      definition: did(EventName.conversationResolved, days),
    },
    {
      key: "talked-and-ordered",
      label: "Talked with the agent and ordered",
      description: "Got an agent reply and placed an order.",
      name: `Talked with the agent and ordered ${last}`,
      definition: { type: "and", children: [did(EventName.sentSms, days, [{ key: "author", operator: "equals", value: "agent" }]), did(EventName.placedOrder, days)] },
    },
  ];
  return links.map((l) => ({ ...l, href: segmentBuilderHref(l.name, l.definition) }));
}
