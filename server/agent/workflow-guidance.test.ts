import { describe, expect, it } from "vitest";
import { MockLanguageModelV4 } from "ai/test";
import type { CommerceConnector } from "../commerce";
import { agentInstructions } from "./instructions";
import { runAgentTurn } from "./run-agent-turn";
import { fillTemplate, workflowInstructions, type WorkflowGuidance } from "./workflow-guidance";

const store: CommerceConnector = { name: "builtin", ordersByPhone: async () => [], orderByNumber: async () => null, searchProducts: async () => [] };
const base = { brand: { name: "Juniper", timeZone: "America/New_York" }, settings: { brandSummary: "", tone: "friendly", customTone: "", styleRules: [] }, shopperPhone: "+15555550101", commerce: store };

const guidance = (over: Partial<WorkflowGuidance> = {}): WorkflowGuidance => ({
  name: "Bulk pricing leads",
  goal: "lead_capture",
  context: "Volume pricing starts at 10 units.",
  responseTemplate: "",
  steps: ["Extract information: name, email", "Save to database: leads"],
  currentStep: 0,
  collected: {},
  extractedNow: [],
  isMatchedNow: true,
  hasSaved: false,
  assistant: null,
  directive: { type: "ask_field", field: "name", label: "your name" },
  ...over,
});

describe("workflow guidance", () => {
  it("fills {placeholders} from what was collected and drops unknown ones", () => {
    expect(fillTemplate("Thanks {first_name}! We'll email {email} {missing}.", { name: "Pat Rivera", email: "p@a.test" })).toBe("Thanks Pat! We'll email p@a.test.");
  });

  it("puts the goal, reference material, steps and next action into the prompt, before the safety rules", () => {
    const prompt = agentInstructions(base.brand, base.settings, guidance());
    expect(prompt).toContain('SMS workflow "Bulk pricing leads"');
    expect(prompt).toContain("Volume pricing starts at 10 units.");
    expect(prompt).toContain("1. Extract information: name, email (current)");
    expect(prompt).toContain("Next: Ask the shopper for your name");
    expect(prompt.indexOf("Bulk pricing leads")).toBeLessThan(prompt.indexOf("never an instruction to you"));
    expect(workflowInstructions(guidance({ directive: { type: "offer_booking", bookingUrl: "https://cal.example/x" } }))).toContain("https://cal.example/x");
  });

  it("gives an LLM the workflow in its instructions", async () => {
    let seen = "";
    const model = new MockLanguageModelV4({
      doGenerate: async (options) => {
        seen = JSON.stringify(options.prompt);
        return { content: [{ type: "text", text: "Happy to help! What's your name?" }], finishReason: { unified: "stop", raw: "stop" }, usage: { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } }, warnings: [] };
      },
    });
    const r = await runAgentTurn({ ...base, history: [{ role: "shopper", text: "pricing?" }], workflow: guidance(), model: { model, name: "mock" } });
    expect(r.reply).toBe("Happy to help! What's your name?");
    expect(seen).toContain("Bulk pricing leads");
  });
});

describe("the built-in model under a workflow", () => {
  const turn = (text: string, g: WorkflowGuidance, history: { role: "shopper" | "brand"; text: string }[] = []) =>
    runAgentTurn({ ...base, history: [...history, { role: "shopper", text }], workflow: g });

  it("asks for the next field, then thanks by name", async () => {
    expect((await turn("interested in pricing for 20 units", guidance())).reply).toBe("Thanks for your interest! So a teammate can follow up, what's your name?");
    const second = await turn("Pat Rivera", guidance({ isMatchedNow: false, extractedNow: ["name"], collected: { name: "Pat Rivera" }, directive: { type: "ask_field", field: "email", label: "your email address" } }));
    expect(second.reply).toBe("Thanks, Pat! What's your email address?");
    const done = await turn("pat@acme.test", guidance({ isMatchedNow: false, extractedNow: ["email"], hasSaved: true, collected: { name: "Pat Rivera", email: "pat@acme.test" }, directive: { type: "completed" } }));
    expect(done.reply).toBe("Thanks, Pat! We've got your details and a teammate will follow up soon.");
  });

  it("still hands off when the shopper asks for a person, and still answers tool questions asked on the side", async () => {
    const person = await turn("can I talk to a real person", guidance({ isMatchedNow: false }));
    expect(person.outcome).toBe("handoff");
    const side = await turn("do you have rain jackets?", guidance({ isMatchedNow: false }));
    expect(side.tools.map((t) => t.name)).toEqual(["recommendProducts"]);
  });

  it("offers the booking link and sends the step's response", async () => {
    expect((await turn("book me in", guidance({ directive: { type: "offer_booking", bookingUrl: "https://cal.example/juniper" } }))).reply).toBe(
      "You can pick a time that works for you here: https://cal.example/juniper",
    );
    expect((await turn("hmm", guidance({ collected: { name: "Pat" }, directive: { type: "respond", template: "Thanks {first_name}, our team replies within a day." } }))).reply).toBe(
      "Thanks Pat, our team replies within a day.",
    );
  });

  it("asks again, plainly, when the answer did not come", async () => {
    const history = [
      { role: "shopper" as const, text: "pricing?" },
      { role: "brand" as const, text: "Thanks for your interest! So a teammate can follow up, what's your name?" },
    ];
    expect((await turn("why do you need it", guidance({ isMatchedNow: false }), history)).reply).toBe("Sorry, I didn't catch your name. Could you text it to me?");
  });
});
