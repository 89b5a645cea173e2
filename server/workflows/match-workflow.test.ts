import { describe, expect, it } from "vitest";
import { defaultKeywordsFor } from "./goal-keywords";
import { findKeyword, matchWorkflow, orderForMatching, type MatchableWorkflow } from "./match-workflow";

let n = 0;
function wf(goal: string, priority: number, opts: Partial<MatchableWorkflow> = {}): MatchableWorkflow {
  n++;
  return { id: `w${n}`, name: opts.name ?? `${goal} ${n}`, goal, keywords: opts.keywords ?? defaultKeywordsFor(goal), priority, createdAt: opts.createdAt ?? new Date(2024, 0, n) };
}

describe("matchWorkflow", () => {
  it("checks in priority order, higher first, and the first match wins", () => {
    const low = wf("lead_capture", 1, { name: "low" });
    const high = wf("lead_capture", 10, { name: "high" });
    const result = matchWorkflow([low, high], "interested in pricing for 20 units");
    expect(result.match?.workflow.name).toBe("high");
    expect(result.checks.map((c) => c.workflow.name)).toEqual(["high"]);
  });

  it("skips workflows whose keywords are not in the text and says why", () => {
    const booking = wf("appointment_booking", 10, { name: "booking" });
    const leads = wf("lead_capture", 5, { name: "leads" });
    const result = matchWorkflow([booking, leads], "can I get a quote?");
    expect(result.match?.workflow.name).toBe("leads");
    expect(result.match?.keyword).toBe("quote");
    expect(result.checks[0]).toMatchObject({ isMatch: false });
    expect(result.checks[0]!.reason).toContain("appointment");
  });

  it("general_inquiry is the catch-all: it matches any text", () => {
    const general = wf("general_inquiry", 0, { name: "general", keywords: [] });
    expect(matchWorkflow([general], "hello there").match?.workflow.name).toBe("general");
    expect(matchWorkflow([general], "👍").match?.reason).toMatch(/every text/);
  });

  it("a higher-priority catch-all takes every text before keyword workflows", () => {
    const general = wf("general_inquiry", 20, { name: "general", keywords: [] });
    const leads = wf("lead_capture", 10, { name: "leads" });
    expect(matchWorkflow([leads, general], "pricing please").match?.workflow.name).toBe("general");
  });

  it("a lower-priority catch-all takes only what the keyword workflows leave", () => {
    const general = wf("general_inquiry", 0, { name: "general", keywords: [] });
    const leads = wf("lead_capture", 10, { name: "leads" });
    expect(matchWorkflow([general, leads], "pricing please").match?.workflow.name).toBe("leads");
    expect(matchWorkflow([general, leads], "what are your hours").match?.workflow.name).toBe("general");
  });

  it("breaks ties: keyword workflows before the catch-all, then the older one", () => {
    const general = wf("general_inquiry", 5, { name: "general", keywords: [], createdAt: new Date(2020, 0, 1) });
    const newer = wf("lead_capture", 5, { name: "newer", createdAt: new Date(2024, 5, 1) });
    const older = wf("lead_capture", 5, { name: "older", createdAt: new Date(2023, 5, 1) });
    expect(orderForMatching([general, newer, older]).map((w) => w.name)).toEqual(["older", "newer", "general"]);
    expect(matchWorkflow([general, newer, older], "interested").match?.workflow.name).toBe("older");
  });

  it("matches on the workflow's own keywords, which replace the goal's defaults", () => {
    const custom = wf("sales_inquiry", 1, { name: "custom", keywords: ["tent sale"] });
    expect(matchWorkflow([custom], "is the tent sale still on?").match?.keyword).toBe("tent sale");
    expect(matchWorkflow([custom], "I want to buy boots").match).toBeNull();
  });

  it("falls back to the goal's defaults when a workflow has no keywords stored", () => {
    const bare = wf("help_desk_support", 1, { keywords: [] });
    expect(matchWorkflow([bare], "I have a problem with my tent").match?.keyword).toBe("problem");
  });

  it("returns no match when nothing is active", () => {
    expect(matchWorkflow([], "pricing")).toEqual({ match: null, checks: [] });
  });
});

describe("findKeyword", () => {
  it("matches whole words, any case, with a plural ending, never inside another word", () => {
    expect(findKeyword("Pricing?", ["pricing"])).toBe("pricing");
    expect(findKeyword("any appointments left", ["appointment"])).toBe("appointment");
    expect(findKeyword("priceless", ["price"])).toBeNull();
    expect(findKeyword("my app is not working", ["not working"])).toBe("not working");
  });
});
