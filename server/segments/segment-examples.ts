import { EventName } from "../analytics/emit-event";
import type { SegmentNode } from "./definition";

export type SegmentExample = { key: string; name: string; description: string; definition: SegmentNode };

/** Ready-made segments an analyst can start from (the builder opens them as a draft). */
export const segmentExamples: SegmentExample[] = [
  {
    key: "escalated-30-days",
    name: "Escalated in the last 30 days",
    description: "Shoppers the agent handed to a person in the last 30 days.",
    definition: { type: "event", name: EventName.conversationEscalated, frequency: "at_least", count: 1, window: { kind: "last_days", days: 30 }, where: [] },
  },
  {
    key: "recommended-no-order-7-days",
    name: "Got a recommendation but didn't order in 7 days",
    description: "Received a product recommendation from the agent in the last 7 days and placed no order in that time.",
    definition: {
      type: "and",
      children: [
        { type: "event", name: EventName.productRecommended, frequency: "at_least", count: 1, window: { kind: "last_days", days: 7 }, where: [] },
        { type: "event", name: EventName.placedOrder, frequency: "zero", count: 0, window: { kind: "last_days", days: 7 }, where: [] },
      ],
    },
  },
  {
    key: "resolved-by-agent",
    name: "Resolved by the agent",
    description: "Shoppers with at least one conversation the agent resolved without a person.",
    definition: { type: "event", name: EventName.conversationResolved, frequency: "at_least", count: 1, window: { kind: "ever" }, where: [] },
  },
  {
    key: "subscribed",
    name: "Subscribed to SMS",
    description: "Everyone who can receive marketing texts.",
    definition: { type: "consent", operator: "is", status: "subscribed" },
  },
];

/**
 * The saved segments a demo brand starts with (the seed, and the brand the scale benchmark
 * generates): VIPs, recent buyers, and the ready-made examples but "subscribed".
 */
export function demoSegments(): { name: string; description: string; definition: SegmentNode }[] {
  return [
    { name: "VIP shoppers", description: "Profiles whose vip property is true.", definition: { type: "property", key: "vip", operator: "equals", value: true } },
    {
      name: "Ordered in the last 30 days",
      description: "Placed at least one order in the last 30 days.",
      definition: { type: "event", name: EventName.placedOrder, frequency: "at_least", count: 1, window: { kind: "last_days", days: 30 }, where: [] },
    },
    ...segmentExamples.filter((e) => e.key !== "subscribed").map((e) => ({ name: e.name, description: e.description, definition: e.definition })),
  ];
}
