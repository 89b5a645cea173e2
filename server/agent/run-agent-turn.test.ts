import { describe, expect, it } from "vitest";
import { MockLanguageModelV4 } from "ai/test";
import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import type { CommerceConnector, OrderSummary } from "../commerce";
import { segmentInfo } from "../sms";
import { runAgentTurn, MAX_AGENT_STEPS } from "./run-agent-turn";

const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 5, text: 5, reasoning: 0 } };
const text = (t: string): LanguageModelV4GenerateResult => ({ content: [{ type: "text", text: t }], finishReason: { unified: "stop", raw: "stop" }, usage, warnings: [] });
const call = (toolName: string, input: object): LanguageModelV4GenerateResult => ({
  content: [{ type: "tool-call", toolCallId: `c${Math.random()}`, toolName, input: JSON.stringify(input) }],
  finishReason: { unified: "tool-calls", raw: "tool_calls" },
  usage,
  warnings: [],
});

const shipped: OrderSummary = { number: "1001", status: "shipped", placedAt: "2026-11-18T00:00:00Z", totalCents: 100, currency: "USD", itemCount: 1, itemTitles: ["Jacket"], carrier: "UPS", trackingUrl: "https://www.ups.com/track?tracknum=1Z", expectedDeliveryAt: "2026-11-23T15:00:00Z", deliveredAt: null, customerPhones: ["+15555550101"] };
const store = (overrides: Partial<CommerceConnector> = {}): CommerceConnector => ({
  name: "builtin",
  ordersByPhone: async () => [shipped],
  orderByNumber: async (n) => (n.replace("#", "") === "1001" ? shipped : null),
  searchProducts: async () => [],
  ...overrides,
});

const base = { brand: { name: "Juniper", timeZone: "America/New_York" }, settings: { brandSummary: "", tone: "friendly", customTone: "", styleRules: [] }, shopperPhone: "+15555550101" };
const ask = (t: string) => [{ role: "shopper" as const, text: t }];

describe("runAgentTurn with the built-in model", () => {
  it("answers WISMO from the store, never from imagination", async () => {
    const r = await runAgentTurn({ ...base, commerce: store(), history: ask("where is order #1001?") });
    expect(r.outcome).toBe("answered");
    expect(r.skill).toBe("order_status");
    expect(r.reply).toBe("Order #1001 shipped with UPS, arriving Nov 23. Track it: https://www.ups.com/track?tracknum=1Z");
    expect(r.tools).toEqual([{ name: "lookupOrder", input: { orderNumber: "1001" }, output: expect.objectContaining({ lookedUpBy: "number" }) }]);
  });

  it("says it cannot find an order that the store does not have", async () => {
    const r = await runAgentTurn({ ...base, commerce: store(), history: ask("where is order #4242") });
    expect(r.reply).toContain("couldn't find order #4242");
  });

  it("hands off when the store fails", async () => {
    const broken = store({ orderByNumber: async () => { throw new Error("connection refused"); } });
    const r = await runAgentTurn({ ...base, commerce: broken, history: ask("where is order #1001") });
    expect(r.outcome).toBe("handoff");
    expect(r.handoffReason).toBe("tool_failure");
  });

  it("resolves on thanks after an answer", async () => {
    const r = await runAgentTurn({ ...base, commerce: store(), history: [...ask("where is #1001"), { role: "brand", text: "Order #1001 shipped." }, ...ask("thanks!")] });
    expect(r.outcome).toBe("resolved");
  });
});

describe("runAgentTurn's loop edges with a scripted model", () => {
  it("fits an overlong reply into one segment", async () => {
    const long = "Your order is on its way and we are so excited for you to receive it. ".repeat(5);
    const model = new MockLanguageModelV4({ doGenerate: text(long) });
    const r = await runAgentTurn({ ...base, commerce: store(), history: ask("hi"), model: { model, name: "mock" } });
    expect(r.outcome).toBe("answered");
    expect(segmentInfo(r.reply).segments).toBe(1);
    expect(long.startsWith(r.reply.replace(/\.\.\.$/, "").trim().slice(0, 40))).toBe(true);
  });

  it("fails over to the fallback when the model times out", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async (opts) =>
        new Promise((_, reject) => opts.abortSignal?.addEventListener("abort", () => reject(Object.assign(new Error("The operation timed out"), { name: "TimeoutError" })))),
    });
    const r = await runAgentTurn({ ...base, commerce: store(), history: ask("hi"), model: { model, name: "mock" }, timeoutMs: 200 });
    expect(r.outcome).toBe("failed");
    expect(r.failureReason).toMatch(/^model_(timeout|error)/);
    expect(r.reply.length).toBeGreaterThan(0);
  });

  it("fails over when the provider errors", async () => {
    const model = new MockLanguageModelV4({ doGenerate: async () => { throw new Error("500 upstream"); } });
    const r = await runAgentTurn({ ...base, commerce: store(), history: ask("hi"), model: { model, name: "mock" } });
    expect(r.outcome).toBe("failed");
    expect(r.failureReason).toContain("500 upstream");
  });

  it(`stops after ${MAX_AGENT_STEPS} steps when the model keeps calling tools`, async () => {
    const model = new MockLanguageModelV4({ doGenerate: async () => call("lookupOrder", {}) });
    const r = await runAgentTurn({ ...base, commerce: store(), history: ask("where is my order"), model: { model, name: "mock" } });
    expect(model.doGenerateCalls).toHaveLength(MAX_AGENT_STEPS);
    expect(r.outcome).toBe("failed");
    expect(r.failureReason).toBe("empty_reply");
  });

  it("reports a handoff the model asked for", async () => {
    const model = new MockLanguageModelV4({ doGenerate: [call("handOff", { reason: "shopper_requested", summary: "wants a person" }), text("A teammate will text you shortly.")] });
    const r = await runAgentTurn({ ...base, commerce: store(), history: ask("human please"), model: { model, name: "mock" } });
    expect(r.outcome).toBe("handoff");
    expect(r.handoffReason).toBe("shopper_requested");
    expect(r.handoffSummary).toBe("wants a person");
    expect(r.reply).toBe("A teammate will text you shortly.");
  });
});
