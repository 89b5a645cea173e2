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
