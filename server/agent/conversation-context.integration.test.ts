/**
 * The agent's context on a language-model provider, end to end: the shopper replies to a campaign
 * text, asks about an order, then "what about the other one?". The scripted OpenAI-compatible
 * loopback sees the conversation so far (texts, the earlier lookupOrder call and its result) and
 * the campaign text in its prompt, and its tool call resolves the follow-up to the second order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { resetEnvForTests } from "../env";
import { startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { startOpenAICompatibleLoopback, type OpenAICompatibleLoopback } from "../testing/openai-compatible-loopback";
import { DEMO, demoShopperPhone, seedDemo } from "../../prisma/seed";

const aiVars = ["AI_PROVIDER", "AI_BASE_URL", "AI_MODEL", "AI_API_KEY"] as const;
let loopback: OpenAICompatibleLoopback;
let brandId: string;
const campaignBody = "Juniper Outdoor: 20% off all fleece with code SAVE20 through Sunday 12/13. Reply STOP to opt out";

beforeAll(async () => {
  loopback = await startOpenAICompatibleLoopback();
  Object.assign(process.env, { AI_PROVIDER: "openai-compatible", AI_BASE_URL: `${loopback.url}/v1`, AI_MODEL: "test-model", AI_API_KEY: "k" });
  resetEnvForTests();
  await seedDemo(getDb(), { password: "x" });
  const brand = await getDb().brand.findUniqueOrThrow({ where: { slug: DEMO.brandSlug } });
  brandId = brand.id;
  // The campaign text shopper 1 got an hour ago: their first text is attributed to it.
  const profile = await getDb().profile.findFirstOrThrow({ where: { brandId, phone: demoShopperPhone(1) } });
  const campaign = await getDb().campaign.create({ data: { brandId, name: "Fleece sale", body: campaignBody, status: "sent" } });
  await getDb().message.create({
    data: {
      brandId,
      profileId: profile.id,
      direction: "outbound",
      author: "system",
      purpose: "campaign",
      campaignId: campaign.id,
      body: campaignBody,
      encoding: "GSM-7",
      segments: 1,
      status: "delivered",
      fromNumber: brand.smsNumber,
      toNumber: profile.phone,
      createdAt: new Date(Date.now() - 3_600_000),
    },
  });
  await startWorker();
});

afterAll(async () => {
  for (const name of aiVars) delete process.env[name];
  resetEnvForTests();
  await loopback.close();
});

const contentOf = (m: { content: unknown }) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content));

describe("the agent's context on an OpenAI-compatible endpoint", () => {
  it("sends the history with its earlier tool results and the campaign text, and resolves 'the other one' to the second order", async () => {
    loopback.script({ toolCalls: [{ name: "lookupOrder", arguments: {} }] }, { text: "Order #1001 shipped with UPS." });
    const first = await simulateText(getDb(), { brandId, from: demoShopperPhone(1), body: "where is my order" });
    expect(first.replies.map((r) => r.body)).toEqual(["Order #1001 shipped with UPS."]);

    loopback.script({ toolCalls: [{ name: "lookupOrder", arguments: { orderNumber: "1005" } }] }, { text: "Order #1005 was delivered." });
    const second = await simulateText(getDb(), { brandId, from: demoShopperPhone(1), body: "what about the other one?" });

    expect(second.conversationId).toBe(first.conversationId);
    expect(second.replies.map((r) => r.body)).toEqual(["Order #1005 was delivered."]);
    const request = loopback.requests[2]!.body; // the second turn's first model call
    const system = request.messages.find((m) => m.role === "system")!;
    expect(contentOf(system)).toContain(campaignBody);
    const roles = request.messages.filter((m) => m.role !== "system").map((m) => m.role);
    expect(roles).toEqual(["user", "assistant", "tool", "assistant", "user"]);
    const [, earlierCall, earlierResult, earlierReply, latest] = request.messages.filter((m) => m.role !== "system");
    expect(earlierCall!.tool_calls?.[0]?.function.name).toBe("lookupOrder");
    // The shopper's orders the agent already looked up, both of them: what "the other one" refers to.
    expect(contentOf(earlierResult!)).toContain('"number":"1001"');
    expect(contentOf(earlierResult!)).toContain('"number":"1005"');
    expect(earlierReply!.content).toBe("Order #1001 shipped with UPS.");
    expect(latest).toMatchObject({ role: "user", content: "what about the other one?" });
    // The follow-up's tool call ran for real: the shopper's second order, delivered.
    const toolResult = loopback.requests[3]!.body.messages.filter((m) => m.role === "tool").at(-1)!;
    expect(contentOf(toolResult)).toContain('"number":"1005"');
    expect(contentOf(toolResult)).toContain('"status":"delivered"');
    const conversation = await getDb().conversation.findUniqueOrThrow({ where: { id: first.conversationId! } });
    expect(conversation.sourceCampaignId).not.toBeNull();
  });
});
