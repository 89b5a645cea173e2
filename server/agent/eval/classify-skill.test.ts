import { describe, expect, it } from "vitest";
import { classifySkill } from "./classify-skill";
import { evalSkills, loadEvalSet } from "./eval-case";

const turn = (over: Partial<Parameters<typeof classifySkill>[0]> = {}) => ({ outcome: "answered" as const, tools: [], reply: "", skill: null, ...over });

describe("classifySkill", () => {
  it("names the skill of the first tool the turn called", () => {
    expect(classifySkill(turn({ tools: [{ name: "lookupOrder", input: {} }] }))).toBe("order_status");
    expect(classifySkill(turn({ tools: [{ name: "recommendProducts", input: {} }] }))).toBe("product_recommendation");
    expect(classifySkill(turn({ tools: [{ name: "answerFaq", input: {} }] }))).toBe("faq");
    expect(classifySkill(turn({ tools: [{ name: "resolveConversation", input: {} }] }))).toBe("resolve");
    expect(classifySkill(turn({ outcome: "handoff", tools: [{ name: "lookupOrder", input: {}, error: "down" }, { name: "handOff", input: {} }] }))).toBe("order_status");
    expect(classifySkill(turn({ outcome: "handoff", tools: [{ name: "handOff", input: {} }] }))).toBe("handoff");
  });

  it("falls back to the skill a turn reports for a tool it does not know", () => {
    expect(classifySkill(turn({ tools: [{ name: "searchCatalogue", input: {} }], skill: "product_recommendation" }))).toBe("product_recommendation");
  });

  it("tells a greeting from anything else when no tool ran", () => {
    expect(classifySkill(turn({ reply: "Hi! This is Juniper Outdoor's assistant. How can I help?" }))).toBe("greeting");
    expect(classifySkill(turn({ reply: "Sorry, I didn't catch that." }))).toBe("other");
  });

  it("reports a broken model as an error, never as a skill", () => {
    expect(classifySkill(turn({ outcome: "failed", failureReason: "model_timeout: aborted", reply: "Sorry, ..." }))).toBe("error");
  });
});

describe("the evaluation set", () => {
  it("is valid and covers every skill", () => {
    const cases = [...loadEvalSet("main"), ...loadEvalSet("fresh")];
    expect(loadEvalSet("main").length).toBeGreaterThanOrEqual(150);
    expect(loadEvalSet("fresh").length).toBeGreaterThanOrEqual(60);
    const groups = new Set(cases.map((c) => [c.expectSkill].flat()[0]));
    expect([...groups].sort()).toEqual([...evalSkills].sort());
  });
});
