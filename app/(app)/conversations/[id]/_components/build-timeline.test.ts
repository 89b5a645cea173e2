import { describe, expect, it } from "vitest";
import { buildTimeline, describeConsentEvent } from "./build-timeline";

type Detail = Parameters<typeof buildTimeline>[0];
const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 15, minute));

function message(id: string, minute: number, direction: "inbound" | "outbound", author: string, extra: Record<string, unknown> = {}) {
  return { id, createdAt: at(minute), direction, author, body: id, inReplyToId: null, disposition: null, dispositionText: null, ...extra };
}

function detail(overrides: Partial<Record<keyof Detail, unknown>> = {}): Detail {
  return {
    conversation: { id: "c1", status: "escalated", startedAt: at(0), endedAt: null, assignee: null, assignedAt: null },
    messages: [
      message("hi", 0, "inbound", "shopper", { disposition: "escalated" }),
      message("handoff-reply", 1, "outbound", "agent", { inReplyToId: "hi" }),
      message("teammate", 10, "outbound", "human"),
      message("thanks", 20, "inbound", "shopper", { disposition: "human" }),
    ],
    turns: [{ inboundMessageId: "hi", outcome: "handoff", handoffReason: "shopper_requested" }],
    notes: [{ id: "n1", createdAt: at(5), authorName: "Dana", body: "VIP" }],
    consentEvents: [{ id: "k1", createdAt: at(30), from: "subscribed", to: "unsubscribed", source: "keyword", text: "STOP" }],
    ticket: null,
    closedBy: null,
    viewerUserId: "u1",
    ...overrides,
  } as unknown as Detail;
}

const keys = (d: Detail) => buildTimeline(d, "UTC").filter((i) => i.kind !== "day").map((i) => i.key);

describe("the transcript timeline", () => {
  it("puts notes, taking, consent changes and closing at their moment between the texts", () => {
    const d = detail();
    expect(keys(d)).toEqual(["hi", "handoff-reply", "event-hi-0", "note-n1", "teammate", "thanks", "consent-k1"]);

    const taken = detail({
      conversation: { id: "c1", status: "closed", startedAt: at(0), endedAt: at(40), assignee: { id: "u1", name: "Dana" }, assignedAt: at(8) },
      closedBy: { id: "u1", name: "Dana" },
    });
    const items = buildTimeline(taken, "UTC");
    expect(items.filter((i) => i.kind !== "day").map((i) => i.key)).toEqual(["hi", "handoff-reply", "event-hi-0", "note-n1", "event-assigned", "teammate", "thanks", "consent-k1", "event-closed"]);
    expect(items.find((i) => i.key === "event-closed")).toMatchObject({ text: "Closed by Dana" });
  });

  it("says an escalation waits for a teammate only while nobody has taken it", () => {
    const helpdeskReply = detail({ turns: [] });
    expect(keys(helpdeskReply).at(-1)).toBe("event-status");
    const taken = detail({ turns: [], conversation: { id: "c1", status: "escalated", startedAt: at(0), endedAt: null, assignee: { id: "u2", name: "Lee" }, assignedAt: at(2) } });
    expect(keys(taken)).not.toContain("event-status");
  });

  it("starts a new day with a separator", () => {
    const d = detail({ consentEvents: [{ id: "k2", createdAt: new Date(Date.UTC(2026, 10, 22, 9)), from: "unsubscribed", to: "subscribed", source: "keyword", text: "START" }] });
    const items = buildTimeline(d, "UTC");
    expect(items.filter((i) => i.kind === "day")).toHaveLength(2);
    expect(items.at(-1)).toMatchObject({ kind: "event", text: "Subscribed to SMS · texted “START”", tone: "resolved" });
  });
});

describe("consent lines", () => {
  it("say what changed and why", () => {
    expect(describeConsentEvent({ to: "unsubscribed", source: "keyword", text: "STOP" })).toBe("Unsubscribed from SMS · texted “STOP”");
    expect(describeConsentEvent({ to: "unsubscribed", source: "intent", text: "please stop texting me" })).toBe("Unsubscribed from SMS · asked to stop: “please stop texting me”");
    expect(describeConsentEvent({ to: "unsubscribed", source: "twilio_opt_out_type", text: null })).toBe("Unsubscribed from SMS · through Twilio's opt-out handling");
    expect(describeConsentEvent({ to: "subscribed", source: "import", text: null })).toBe("Subscribed to SMS · by a profile import");
  });
});
