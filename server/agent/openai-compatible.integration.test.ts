/**
 * The OpenAI-compatible provider end to end: a shopper's text goes through the real pipeline,
 * @ai-sdk/openai-compatible talks HTTP to a scripted loopback server, and the tools run against
 * the seeded demo store. No network beyond 127.0.0.1.
 */
import { streamText, tool } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "../db";
import { resetEnvForTests } from "../env";
import { startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { startOpenAICompatibleLoopback, type OpenAICompatibleLoopback, type ScriptedResponse } from "../testing/openai-compatible-loopback";
import { DEMO, demoShopperPhone, seedDemo } from "../../prisma/seed";
import { builtinReplies, selectModel } from ".";

const aiVars = ["AI_PROVIDER", "AI_BASE_URL", "AI_MODEL", "AI_API_KEY"] as const;
const originalTimeout = process.env.AGENT_TIMEOUT_MS;
let loopback: OpenAICompatibleLoopback;
let brandId: string;

beforeAll(async () => {
  loopback = await startOpenAICompatibleLoopback();
  Object.assign(process.env, { AI_PROVIDER: "openai-compatible", AI_BASE_URL: `${loopback.url}/v1`, AI_MODEL: "test-model", AI_API_KEY: "k" });
  resetEnvForTests();
  await seedDemo(getDb(), { password: "x" });
  brandId = (await getDb().brand.findUniqueOrThrow({ where: { slug: DEMO.brandSlug } })).id;
  await startWorker();
});

afterAll(async () => {
  for (const name of aiVars) delete process.env[name];
  if (originalTimeout === undefined) delete process.env.AGENT_TIMEOUT_MS;
  else process.env.AGENT_TIMEOUT_MS = originalTimeout;
  resetEnvForTests();
  await loopback.close();
});

beforeEach(() => loopback.reset());

const text = (from: string, body: string) => simulateText(getDb(), { brandId, from, body });
const toolMessages = (i: number) => loopback.requests[i]!.body.messages.filter((m) => m.role === "tool");

describe("the agent on an OpenAI-compatible endpoint", () => {
  it("runs lookupOrder for real between two model calls and sends the model's answer", async () => {
    loopback.script({ toolCalls: [{ name: "lookupOrder", arguments: { orderNumber: "1001" } }] }, { text: "Order #1001 is on its way with UPS." });
    const order = await getDb().order.findFirstOrThrow({ where: { brandId, number: "1001" } });

    const result = await text(demoShopperPhone(1), "where is order 1001");

    expect(result.disposition).toBe("agent_replied");
    expect(result.replies.map((r) => r.body)).toEqual(["Order #1001 is on its way with UPS."]);
    expect(loopback.requests).toHaveLength(2);
    const [first, second] = loopback.requests;
    expect(first!.authorization).toBe("Bearer k");
    expect(first!.body.model).toBe("test-model");
    expect(first!.body.tools?.map((t) => t.function.name)).toContain("lookupOrder");
    expect(first!.body.messages.at(-1)).toMatchObject({ role: "user", content: "where is order 1001" });
    const [toolResult] = toolMessages(1);
    expect(second!.body.messages.some((m) => m.role === "assistant" && m.tool_calls?.[0]?.function.name === "lookupOrder")).toBe(true);
    expect(toolResult!.tool_call_id).toBe(second!.body.messages.find((m) => m.tool_calls)!.tool_calls![0]!.id);
    expect(toolResult!.content).toContain('"status":"shipped"');
    expect(order.trackingUrl).toBe("https://www.ups.com/track?tracknum=1Z999AA10123456784");
    expect(toolResult!.content).toContain(order.trackingUrl!);
  });

  it("sends the fallback and marks the turn failed when the endpoint answers 500 twice", async () => {
    loopback.script({ status: 500, message: "upstream overloaded" }, { status: 500, message: "upstream overloaded" });

    const result = await text(demoShopperPhone(2), "where is my order");

    expect(loopback.requests).toHaveLength(2); // the first try and the one retry
    expect(result.disposition).toBe("failed");
    expect(result.replies.map((r) => r.body)).toEqual([builtinReplies.toolFailed()]);
    const conversation = await getDb().conversation.findUniqueOrThrow({ where: { id: result.conversationId! } });
    expect(conversation.status).toBe("failed");
    const turn = await getDb().agentTurn.findFirstOrThrow({ where: { conversationId: conversation.id } });
    expect(turn.failureReason).toMatch(/^model_error: .*upstream overloaded/);
  });

  it("sends the fallback when the endpoint hangs past AGENT_TIMEOUT_MS", async () => {
    process.env.AGENT_TIMEOUT_MS = "1500";
    resetEnvForTests();
    try {
      loopback.script({ hang: true }, { hang: true });
      const started = Date.now();

      const result = await text(demoShopperPhone(3), "where is order #1003");

      expect(result.disposition).toBe("failed");
      expect(result.replies.map((r) => r.body)).toEqual([builtinReplies.toolFailed()]);
      expect(Date.now() - started).toBeLessThan(10_000);
      const turn = await getDb().agentTurn.findFirstOrThrow({ where: { conversationId: result.conversationId! } });
      expect(turn.failureReason).toMatch(/^model_timeout/);
    } finally {
      if (originalTimeout === undefined) delete process.env.AGENT_TIMEOUT_MS;
      else process.env.AGENT_TIMEOUT_MS = originalTimeout;
      resetEnvForTests();
    }
  });
});

describe("the endpoint answers garbage", () => {
  // Each case: what the endpoint answers, how many requests the turn makes, and what the shopper gets.
  const failedTurns: [string, number, ScriptedResponse[], RegExp][] = [
    ["a body that is not JSON", 4, [{ raw: "<html><body>502 Bad Gateway</body></html>", contentType: "text/html" }], /^model_error: /],
    ["JSON of the wrong shape", 5, [{ raw: JSON.stringify({ id: "x", object: "chat.completion", choices: "none today" }) }], /^model_error: /],
    ["an empty body", 6, [{ raw: "" }], /^model_error: /],
    ["an empty answer", 8, [{ text: "" }], /^empty_reply$/],
  ];

  it.each(failedTurns)("sends the fallback and marks the turn failed for %s", async (_name, shopper, responses, reason) => {
    loopback.script(...responses, ...responses);

    const result = await text(demoShopperPhone(shopper), "where is my order");

    expect(loopback.requests).toHaveLength(1); // garbage is not retried (only 429 / 5xx are)
    expect(result.disposition).toBe("failed");
    expect(result.replies.map((r) => r.body)).toEqual([builtinReplies.toolFailed()]);
    const conversation = await getDb().conversation.findUniqueOrThrow({ where: { id: result.conversationId! } });
    expect(conversation.status).toBe("failed");
    const turn = await getDb().agentTurn.findFirstOrThrow({ where: { conversationId: conversation.id } });
    expect(turn.outcome).toBe("failed");
    expect(turn.failureReason).toMatch(reason);
    // A teammate is told: the fallback promised one.
    expect(await getDb().handoffTicket.count({ where: { conversationId: conversation.id } })).toBe(1);
  });

  it("hands off when the model calls a tool with arguments that are not JSON", async () => {
    loopback.script({ toolCalls: [{ name: "lookupOrder", arguments: "{orderNumber: 1001" }] }, { text: "Let me check on that." });

    const result = await text(demoShopperPhone(10), "where is order 1001");

    expect(result.disposition).toBe("escalated");
    expect(result.replies.map((r) => r.body)).toEqual([builtinReplies.toolFailed()]);
    const turn = await getDb().agentTurn.findFirstOrThrow({ where: { conversationId: result.conversationId! } });
    expect(turn.outcome).toBe("handoff");
    expect(turn.handoffReason).toBe("tool_failure");
    expect(turn.handoffSummary).toMatch(/^lookupOrder failed: /);
  });

  it("hands off when the model calls a tool that does not exist", async () => {
    loopback.script({ toolCalls: [{ name: "refundEverything", arguments: {} }] }, { text: "Done!" });

    const result = await text(demoShopperPhone(11), "refund me");

    expect(result.disposition).toBe("escalated");
    expect(result.replies.map((r) => r.body)).toEqual([builtinReplies.toolFailed()]);
    const turn = await getDb().agentTurn.findFirstOrThrow({ where: { conversationId: result.conversationId! } });
    expect(turn.handoffReason).toBe("tool_failure");
    expect(turn.handoffSummary).toMatch(/^refundEverything failed: /);
  });
});

describe("the loopback's streaming answers", () => {
  it("speak OpenAI's SSE format well enough for the provider to stream text and tool calls", async () => {
    loopback.script({ toolCalls: [{ name: "lookupOrder", arguments: { orderNumber: "1002" } }] }, { text: "Order #1002 is being packed." });
    const { model } = selectModel({ brandName: DEMO.brandName, timeZone: "America/New_York" });

    const calls = await streamText({ model, prompt: "where is 1002", tools: { lookupOrder: tool({ inputSchema: z.object({ orderNumber: z.string() }) }) } }).toolCalls;
    const reply = await streamText({ model, prompt: "and now?" }).text;

    expect(calls.map((c) => [c.toolName, c.input])).toEqual([["lookupOrder", { orderNumber: "1002" }]]);
    expect(reply).toBe("Order #1002 is being packed.");
    expect(loopback.requests.map((r) => r.body.stream)).toEqual([true, true]);
  });
});
