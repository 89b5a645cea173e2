/**
 * Turns a conversation's texts and agent turns into what the transcript shows, in order:
 * day separators, texts (agent replies carry their turn), and system lines for consent
 * changes, handoffs and resolution placed right after the exchange that caused them.
 */
import { dayKey } from "@/components/ui/format";
import type { RouterOutputs } from "@/components/trpc";

type Detail = RouterOutputs["conversations"]["get"];
export type TranscriptMessage = Detail["messages"][number];
export type Turn = Detail["turns"][number];
export type EventTone = "automating" | "resolved" | "escalated" | "closed_out" | "failed" | "neutral";

export type TimelineItem =
  | { kind: "day"; key: string; date: Date }
  | { kind: "message"; key: string; message: TranscriptMessage; turn: Turn | null }
  | { kind: "event"; key: string; text: string; tone: EventTone };

function humanize(reason: string): string {
  return reason.replace(/_/g, " ");
}

function eventsFor(inbound: TranscriptMessage, turn: Turn | null): { text: string; tone: EventTone }[] {
  const events: { text: string; tone: EventTone }[] = [];
  if (inbound.disposition === "opt_out") events.push({ text: "Unsubscribed from SMS", tone: "failed" });
  if (inbound.disposition === "opt_in") events.push({ text: "Resubscribed to SMS", tone: "resolved" });
  if (turn?.outcome === "handoff") {
    events.push({ text: turn.handoffReason ? `Handed to a teammate · ${humanize(turn.handoffReason)}` : "Handed to a teammate", tone: "escalated" });
  }
  if (turn?.outcome === "resolved") events.push({ text: "Resolved by the agent", tone: "resolved" });
  if (turn?.outcome === "failed") events.push({ text: turn.failureReason ? `The agent failed · ${turn.failureReason}` : "The agent failed", tone: "failed" });
  if (inbound.disposition === "closed_out") events.push({ text: "Closeout message sent; the conversation is closed", tone: "closed_out" });
  return events;
}

const endedLine: Record<string, { text: string; tone: EventTone }> = {
  resolved: { text: "Conversation resolved", tone: "resolved" },
  escalated: { text: "Waiting for a teammate", tone: "escalated" },
  closed_out: { text: "Conversation closed out", tone: "closed_out" },
  failed: { text: "Conversation failed", tone: "failed" },
};

export function buildTimeline(detail: Detail, timeZone: string | undefined): TimelineItem[] {
  const { messages, turns, conversation } = detail;
  const turnByInbound = new Map(turns.map((t) => [t.inboundMessageId, t]));

  // The agent reply that carries each turn; turns without a reply stay on their inbound text.
  const replyForInbound = new Map<string, string>();
  for (const m of messages) {
    if (m.direction === "outbound" && m.author === "agent" && m.inReplyToId && !replyForInbound.has(m.inReplyToId)) replyForInbound.set(m.inReplyToId, m.id);
  }
  // Where each inbound text's exchange ends: its last reply, or the text itself.
  const exchangeEnd = new Map<string, number>();
  messages.forEach((m, index) => {
    if (m.direction === "inbound") exchangeEnd.set(m.id, Math.max(exchangeEnd.get(m.id) ?? -1, index));
    else if (m.inReplyToId) exchangeEnd.set(m.inReplyToId, Math.max(exchangeEnd.get(m.inReplyToId) ?? -1, index));
  });
  const inboundById = new Map(messages.filter((m) => m.direction === "inbound").map((m) => [m.id, m]));
  const inboundEndingAt = new Map<number, string[]>();
  for (const [inboundId, index] of exchangeEnd) {
    if (!inboundById.has(inboundId)) continue;
    inboundEndingAt.set(index, [...(inboundEndingAt.get(index) ?? []), inboundId]);
  }

  const items: TimelineItem[] = [];
  const tones = new Set<EventTone>();
  let lastDay: string | null = null;
  messages.forEach((m, index) => {
    const day = dayKey(m.createdAt, timeZone);
    if (day !== lastDay) {
      items.push({ kind: "day", key: `day-${day}`, date: new Date(m.createdAt) });
      lastDay = day;
    }
    let turn: Turn | null = null;
    if (m.direction === "outbound" && m.author === "agent" && m.inReplyToId && replyForInbound.get(m.inReplyToId) === m.id) {
      turn = turnByInbound.get(m.inReplyToId) ?? null;
    } else if (m.direction === "inbound" && !replyForInbound.has(m.id)) {
      turn = turnByInbound.get(m.id) ?? null;
    }
    items.push({ kind: "message", key: m.id, message: m, turn });
    for (const inboundId of inboundEndingAt.get(index) ?? []) {
      const inbound = inboundById.get(inboundId);
      if (!inbound) continue;
      eventsFor(inbound, turnByInbound.get(inboundId) ?? null).forEach((event, n) => {
        tones.add(event.tone);
        items.push({ kind: "event", key: `event-${inboundId}-${n}`, ...event });
      });
    }
  });

  const ended = endedLine[conversation.status];
  if (ended && !tones.has(ended.tone)) items.push({ kind: "event", key: "event-status", ...ended });
  return items;
}
