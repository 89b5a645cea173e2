/**
 * Fault: Twilio retries an inbound webhook (same MessageSid) while the first delivery's text is
 * still being processed — the model (an OpenAI-compatible loopback) is slow, so the first job is
 * visibly in flight when the retry is posted through the real route handler. Asserted: both
 * deliveries are acknowledged, the retry enqueued the text again (it was still unprocessed), yet
 * the model was asked once and exactly one reply reached Twilio.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/twilio/inbound/route";
import { getDb } from "../db";
import { publicUrl, resetEnvForTests } from "../env";
import { getBoss, QueueName } from "../jobs";
import { createBrand, createShopper, eventually, messageSid, signedTwilioRequest, twilioCredentials } from "../testing/fixtures";
import { startOpenAICompatibleLoopback, type OpenAICompatibleLoopback } from "../testing/openai-compatible-loopback";
import { startTwilioLoopback, type TwilioLoopback } from "../testing/twilio-loopback";

const changedVars = ["TWILIO_API_BASE_URL", "AI_PROVIDER", "AI_BASE_URL", "AI_MODEL", "AI_API_KEY"] as const;
const saved = Object.fromEntries(changedVars.map((k) => [k, process.env[k]]));
const creds = twilioCredentials();
let twilio: TwilioLoopback;
let model: OpenAICompatibleLoopback;
let brandNumber: string;
let shopperPhone: string;

beforeAll(async () => {
  twilio = await startTwilioLoopback({ accounts: { [creds.accountSid]: creds.authToken } });
  model = await startOpenAICompatibleLoopback();
  Object.assign(process.env, { TWILIO_API_BASE_URL: twilio.url, AI_PROVIDER: "openai-compatible", AI_BASE_URL: `${model.url}/v1`, AI_MODEL: "slow-model", AI_API_KEY: "k" });
  resetEnvForTests();
  const brand = await createBrand(getDb(), { twilio: creds });
  brandNumber = brand.smsNumber;
  shopperPhone = (await createShopper(getDb(), brand.id)).phone;
});

afterAll(async () => {
  for (const k of changedVars) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvForTests();
  await Promise.all([twilio.close(), model.close()]);
});

describe("Twilio retries a webhook while the first delivery is still being processed", () => {
  it("acknowledges both and replies exactly once", async () => {
    const db = getDb();
    const sid = messageSid();
    const url = `${publicUrl()}/api/twilio/inbound`;
    const params = { MessageSid: sid, AccountSid: creds.accountSid, From: shopperPhone, To: brandNumber, Body: "is the blue hoodie back in stock?", NumMedia: "0" };
    model.script({ text: "Yes, the blue hoodie is back in stock in all sizes.", delayMs: 2000 });

    const first = await POST(signedTwilioRequest(url, creds.authToken, params));
    expect(first.status).toBe(200);
    // The first delivery's job is with the (slow) model: stored, not processed, no reply yet.
    await eventually(async () => model.requests.length === 1);
    const inbound = await db.message.findUniqueOrThrow({ where: { providerSid: sid } });
    expect(inbound.processedAt).toBeNull();

    const retry = await POST(signedTwilioRequest(url, creds.authToken, params));
    expect(retry.status).toBe(200);

    const reply = await eventually(async () => {
      const m = await db.message.findFirst({ where: { inReplyToId: inbound.id, direction: "outbound", status: "sent" } });
      return m ?? undefined;
    });
    // The retry's job (the text was still unprocessed when it came) runs after the first one and finds it done.
    const boss = await getBoss();
    const jobs = await eventually(async () => {
      const found = await boss.findJobs<{ messageId: string }>(QueueName.inbound, { data: { messageId: inbound.id } });
      return found.length === 2 && found.every((j) => j.state === "completed") ? found : undefined;
    });

    expect(jobs).toHaveLength(2);
    expect(await db.message.count({ where: { providerSid: sid } })).toBe(1);
    expect((await db.message.findUniqueOrThrow({ where: { id: inbound.id } })).disposition).toBe("agent_replied");
    expect(model.requests).toHaveLength(1);
    expect(await db.agentTurn.count({ where: { inboundMessageId: inbound.id } })).toBe(1);
    expect(await db.message.count({ where: { inReplyToId: inbound.id, direction: "outbound" } })).toBe(1);
    expect(twilio.creates()).toHaveLength(1);
    expect(twilio.creates()[0]!.form).toMatchObject({ To: shopperPhone, From: brandNumber, Body: "Yes, the blue hoodie is back in stock in all sizes." });
    expect(reply.providerSid).toBe(twilio.messages[0]!.sid);
  });
});
