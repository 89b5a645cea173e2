/**
 * Turns a conversation's record into what the transcript shows, in time order: day separators,
 * texts (agent replies carry their turn), internal notes, and system lines — handoff, resolution
 * and failure right after the exchange that caused them; consent changes, a teammate taking the
 * conversation and closing it at the moment they happened.
 */
import { dayKey } from "@/components/ui/format";
import type { RouterOutputs } from "@/components/trpc";

type Detail = RouterOutputs["conversations"]["get"];
export type TranscriptMessage = Detail["messages"][number];
export type Turn = Detail["turns"][number];
export type Note = Detail["notes"][number];
export type ConsentEvent = Detail["consentEvents"][number];
export type EventTone = "automating" | "resolved" | "escalated" | "closed_out" | "failed" | "closed" | "neutral";

export type TimelineItem =
  | { kind: "day"; key: string; date: Date }
  | { kind: "message"; key: string; message: TranscriptMessage; turn: Turn | null }
  | { kind: "event"; key: string; text: string; tone: EventTone }
  | { kind: "note"; key: string; note: Note };

type Timed = { at: number; item: TimelineItem };

function humanize(reason: string): string {
  return reason.replace(/_/g, " ");
}

function eventsFor(inbound: TranscriptMessage, turn: Turn | null): { text: string; tone: EventTone }[] {
  const events: { text: string; tone: EventTone }[] = [];
  if (turn?.outcome === "handoff") {
    events.push({ text: turn.handoffReason ? `Handed to a teammate · ${humanize(turn.handoffReason)}` : "Handed to a teammate", tone: "escalated" });
  }
  if (turn?.outcome === "resolved") events.push({ text: "Resolved by the agent", tone: "resolved" });
  if (turn?.outcome === "failed") events.push({ text: turn.failureReason ? `The agent failed · ${turn.failureReason}` : "The agent failed", tone: "failed" });
  if (inbound.disposition === "closed_out") events.push({ text: "Closeout message sent; the shopper's next text waits for a person", tone: "closed_out" });
  return events;
}

const consentWords: Record<string, string> = {
  subscribed: "Subscribed to SMS",
  unsubscribed: "Unsubscribed from SMS",
  never_subscribed: "SMS consent cleared",
};

/** "Unsubscribed from SMS · texted “STOP”": what changed and what caused it. */
export function describeConsentEvent(event: Pick<ConsentEvent, "to" | "source" | "text">): string {
  const what = consentWords[event.to] ?? `SMS consent: ${humanize(event.to)}`;
  const quoted = event.text ? `“${event.text.length > 60 ? `${event.text.slice(0, 57)}…` : event.text}”` : null;
  const why =
    event.source === "keyword" && quoted ? `texted ${quoted}`
    : event.source === "intent" && quoted ? `asked to stop: ${quoted}`
    : event.source === "twilio_opt_out_type" ? "through Twilio's opt-out handling"
    : event.source === "import" ? "by a profile import"
    : quoted ? `after ${quoted}`
    : humanize(event.source);
  return `${what} · ${why}`;
}

const endedLine: Record<string, { text: string; tone: EventTone }> = {
  resolved: { text: "Conversation resolved", tone: "resolved" },
  escalated: { text: "Waiting for a teammate", tone: "escalated" },
  closed_out: { text: "Conversation closed out", tone: "closed_out" },
  failed: { text: "Conversation failed", tone: "failed" },
};

const time = (value: Date | string) => new Date(value).getTime();

export function buildTimeline(detail: Detail, timeZone: string | undefined): TimelineItem[] {
  const { messages, turns, conversation, notes, consentEvents, closedBy } = detail;
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

  // The texts, each followed by the events its exchange caused: one group per text, in order.
  const tones = new Set<EventTone>();
  const groups: { at: number; items: TimelineItem[] }[] = messages.map((m, index) => {
    let turn: Turn | null = null;
    if (m.direction === "outbound" && m.author === "agent" && m.inReplyToId && replyForInbound.get(m.inReplyToId) === m.id) {
      turn = turnByInbound.get(m.inReplyToId) ?? null;
    } else if (m.direction === "inbound" && !replyForInbound.has(m.id)) {
      turn = turnByInbound.get(m.id) ?? null;
    }
    const items: TimelineItem[] = [{ kind: "message", key: m.id, message: m, turn }];
    for (const inboundId of inboundEndingAt.get(index) ?? []) {
      const inbound = inboundById.get(inboundId);
      if (!inbound) continue;
      eventsFor(inbound, turnByInbound.get(inboundId) ?? null).forEach((event, n) => {
        tones.add(event.tone);
        items.push({ kind: "event", key: `event-${inboundId}-${n}`, ...event });
      });
    }
    return { at: time(m.createdAt), items };
  });

  // What happened at its own moment: consent changes, notes, taking and closing.
  const extras: Timed[] = [
    ...consentEvents.map((e) => ({
      at: time(e.createdAt),
      item: { kind: "event" as const, key: `consent-${e.id}`, text: describeConsentEvent(e), tone: (e.to === "unsubscribed" ? "failed" : e.to === "subscribed" ? "resolved" : "neutral") as EventTone },
    })),
    ...notes.map((note) => ({ at: time(note.createdAt), item: { kind: "note" as const, key: `note-${note.id}`, note } })),
  ];
  if (conversation.assignee && conversation.assignedAt) {
    extras.push({ at: time(conversation.assignedAt), item: { kind: "event", key: "event-assigned", text: `Taken by ${conversation.assignee.name}`, tone: "escalated" } });
  }
  if (conversation.status === "closed" && conversation.endedAt) {
    tones.add("closed");
    extras.push({ at: time(conversation.endedAt), item: { kind: "event", key: "event-closed", text: closedBy ? `Closed by ${closedBy.name}` : "Closed", tone: "closed" } });
  }
  extras.sort((a, b) => a.at - b.at);

  const timed: Timed[] = [];
  let next = 0;
  for (const group of groups) {
    while (next < extras.length && extras[next]!.at < group.at) timed.push(extras[next++]!);
    for (const item of group.items) timed.push({ at: group.at, item });
  }
  while (next < extras.length) timed.push(extras[next++]!);

  // Escalated and nobody has taken it yet: say so at the end.
  const ended = endedLine[conversation.status];
  const isTaken = Boolean(conversation.assignee);
  if (ended && !tones.has(ended.tone) && !(conversation.status === "escalated" && isTaken)) {
    timed.push({ at: timed.length ? timed[timed.length - 1]!.at : time(conversation.startedAt), item: { kind: "event", key: "event-status", ...ended } });
  }

  const items: TimelineItem[] = [];
  let lastDay: string | null = null;
  for (const { at, item } of timed) {
    const day = dayKey(at, timeZone);
    if (day !== lastDay) {
      items.push({ kind: "day", key: `day-${day}`, date: new Date(at) });
      lastDay = day;
    }
    items.push(item);
  }
  return items;
}
