import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { publicUrl } from "@/server/env";
import { createBrand, createShopper, eventually, messageSid, signedTwilioRequest, twilioCredentials } from "@/server/testing/fixtures";
import { startTwilioLoopback, type TwilioLoopback } from "@/server/testing/twilio-loopback";
import { resetEnvForTests } from "@/server/env";
import { POST } from "./route";

let loopback: TwilioLoopback;
const creds = twilioCredentials();
const brandNumber = "+15550001111";
const shopperPhone = "+15550002222";
const webhookUrl = () => `${publicUrl()}/api/twilio/inbound`;

function inboundParams(sid: string, body: string) {
  return { MessageSid: sid, AccountSid: creds.accountSid, From: shopperPhone, To: brandNumber, Body: body, NumMedia: "0" };
}

beforeAll(async () => {
  loopback = await startTwilioLoopback({ accounts: { [creds.accountSid]: creds.authToken } });
  process.env.TWILIO_API_BASE_URL = loopback.url;
  resetEnvForTests();
  const brand = await createBrand(getDb(), { smsNumber: brandNumber, twilio: creds });
  await createShopper(getDb(), brand.id, { phone: shopperPhone });
});

afterAll(async () => {
  await loopback.close();
});

describe("POST /api/twilio/inbound", () => {
  it("stores a signed text once, answers with empty TwiML, and replies once even when Twilio retries", async () => {
    const sid = messageSid();
    const params = inboundParams(sid, "hi there");
    const first = await POST(signedTwilioRequest(webhookUrl(), creds.authToken, params));
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/xml");
    expect(await first.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');

    const retry = await POST(signedTwilioRequest(webhookUrl(), creds.authToken, params));
    expect(retry.status).toBe(200);

    const db = getDb();
    expect(await db.message.count({ where: { providerSid: sid } })).toBe(1);
    const inbound = await db.message.findUniqueOrThrow({ where: { providerSid: sid } });
    const processed = await eventually(async () => {
      const m = await db.message.findUniqueOrThrow({ where: { id: inbound.id } });
      const replies = await db.message.findMany({ where: { inReplyToId: inbound.id } });
      return m.processedAt && replies.every((r) => r.status !== "queued" && r.status !== "sending") && replies.length > 0 ? { m, replies } : undefined;
    });
    expect(processed.m.disposition).toBe("agent_replied");
    expect(processed.replies).toHaveLength(1);
    // The real SDK sent exactly one message to the loopback Twilio.
    const sends = loopback.requests.filter((r) => r.path.endsWith("/Messages.json"));
    expect(sends).toHaveLength(1);
    expect(sends[0]!.form).toMatchObject({ To: shopperPhone, From: brandNumber, Body: processed.replies[0]!.body });
    expect(sends[0]!.accountSid).toBe(creds.accountSid);
  });

  it("answers 403 and stores nothing when the signature is wrong", async () => {
    const sid = messageSid();
    const res = await POST(signedTwilioRequest(webhookUrl(), creds.authToken, inboundParams(sid, "hello"), { signature: "bm90LWEtc2lnbmF0dXJl" }));
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/signature/i);
    expect(await getDb().message.count({ where: { providerSid: sid } })).toBe(0);
  });

  it("answers 403 when the body was signed with another brand's token", async () => {
    const sid = messageSid();
    const res = await POST(signedTwilioRequest(webhookUrl(), "someone-elses-token", inboundParams(sid, "hello")));
    expect(res.status).toBe(403);
    expect(await getDb().message.count({ where: { providerSid: sid } })).toBe(0);
  });

  it("rejects a signed but malformed webhook with 400 and a reason", async () => {
    const params = { AccountSid: creds.accountSid, From: shopperPhone, To: brandNumber, Body: "no sid" };
    const res = await POST(signedTwilioRequest(webhookUrl(), creds.authToken, params));
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain("MessageSid");
  });

  it("answers 404 for a number no brand uses", async () => {
    const params = { ...inboundParams(messageSid(), "hello"), To: "+15559999999" };
    const res = await POST(signedTwilioRequest(webhookUrl(), creds.authToken, params));
    expect(res.status).toBe(404);
  });

  it("refuses a body that is not a form", async () => {
    const res = await POST(new Request(webhookUrl(), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(res.status).toBe(400);
  });
});
