import { describe, expect, it } from "vitest";
import { decideShopperText, isWaitingForPerson, ownerOf, transition, type LifecycleConversation } from "./lifecycle";

const now = new Date("2026-12-07T12:00:00Z");
const later = new Date(now.getTime() + 3_600_000);
const earlier = new Date(now.getTime() - 1000);
const conv = (over: Partial<LifecycleConversation> = {}): LifecycleConversation => ({
  status: "automating",
  assigneeId: null,
  tags: [],
  windowEndsAt: later,
  awaitingPersonSince: null,
  escalationReason: null,
  ...over,
});
const agent = { to: "agent" } as const;

describe("the conversation lifecycle", () => {
  it("gives each status its owner while the window is open", () => {
    expect(ownerOf(conv(), now)).toBe("agent");
    expect(ownerOf(conv({ tags: ["agent_automated"] }), now)).toBe("people");
    expect(ownerOf(conv({ status: "resolved", tags: ["agent_automated"] }), now)).toBe("nobody");
    for (const status of ["escalated", "closed_out", "failed"] as const) expect(ownerOf(conv({ status }), now)).toBe("people");
    expect(ownerOf(conv({ status: "closed", assigneeId: "u1" }), now)).toBe("nobody");
  });

  it("ends everything but a teammate's conversation with the window", () => {
    expect(ownerOf(conv({ status: "escalated", windowEndsAt: earlier }), now)).toBe("nobody");
    expect(ownerOf(conv({ status: "escalated", assigneeId: "u1", windowEndsAt: earlier }), now)).toBe("people");
  });

  it("starts a new agent conversation after a resolution, and leaves texts after a closeout waiting", () => {
    expect(decideShopperText(conv({ status: "resolved" }), agent, now)).toEqual({ type: "agent_starts" });
    expect(decideShopperText(conv({ status: "closed_out" }), agent, now)).toEqual({ type: "waits_for_person", isExisting: true, reason: "human", escalatesAgent: false });
  });

  it("sends an ineligible text to people: a new conversation, or the agent's own escalated", () => {
    const people = { to: "people", reason: "ineligible:agent_off" } as const;
    expect(decideShopperText(null, people, now)).toEqual({ type: "waits_for_person", isExisting: false, reason: "ineligible:agent_off", escalatesAgent: false });
    expect(decideShopperText(conv(), people, now)).toEqual({ type: "waits_for_person", isExisting: true, reason: "ineligible:agent_off", escalatesAgent: true });
  });

  it("lets the agent into a conversation eligibility opened only while no person has claimed it", () => {
    const opened = conv({ status: "escalated", escalationReason: "ineligible:keyword_required", awaitingPersonSince: earlier });
    expect(decideShopperText(opened, agent, now)).toEqual({ type: "agent_takes_over" });
    expect(decideShopperText(opened, agent, now, true).type).toBe("waits_for_person");
    expect(decideShopperText({ ...opened, assigneeId: "u1" }, agent, now).type).toBe("waits_for_person");
    expect(decideShopperText({ ...opened, escalationReason: "ineligible:inbox_keyword" }, agent, now).type).toBe("waits_for_person");
  });

  it("keeps a not-subscribed text visible only", () => {
    expect(decideShopperText(conv({ status: "escalated" }), { to: "nobody", reason: "not_subscribed" }, now)).toEqual({ type: "visible_only", isExisting: true });
    expect(decideShopperText(null, { to: "nobody", reason: "not_subscribed" }, now)).toEqual({ type: "visible_only", isExisting: false });
  });

  it("waits for a person after a handoff or failure until a teammate replies or closes", () => {
    const handedOff = { ...conv(), ...transition(conv(), { type: "agent_handed_off" }, now) };
    expect(isWaitingForPerson(handedOff)).toBe(true);
    expect(transition(handedOff, { type: "teammate_took" }, later)).toEqual({});
    expect(transition(handedOff, { type: "teammate_replied" }, later)).toEqual({ awaitingPersonSince: null });
    expect(transition(handedOff, { type: "teammate_closed" }, later)).toEqual({ status: "closed", awaitingPersonSince: null });
    expect(transition(conv(), { type: "agent_failed" }, now)).toEqual({ status: "failed", awaitingPersonSince: now });
    expect(transition(conv(), { type: "agent_closed_out" }, now)).toEqual({ status: "closed_out", awaitingPersonSince: null });
  });

  it("re-opens a closed conversation a teammate takes, waiting again for what no person answered", () => {
    expect(transition(conv({ status: "closed" }), { type: "teammate_took", unansweredSince: earlier }, now)).toEqual({ status: "escalated", awaitingPersonSince: earlier });
    expect(transition(conv({ status: "resolved" }), { type: "teammate_took", unansweredSince: null }, now)).toEqual({ status: "escalated", awaitingPersonSince: null });
  });

  it("resolves the agent's conversation when its window passes, and keeps a waiting one waiting", () => {
    expect(transition(conv(), { type: "window_expired" }, now)).toEqual({ status: "resolved" });
    expect(transition(conv({ status: "escalated", awaitingPersonSince: earlier }), { type: "window_expired" }, now)).toEqual({});
  });
});
