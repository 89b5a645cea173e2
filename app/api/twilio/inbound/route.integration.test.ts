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

  it("queues and answers a text whose first delivery was stored but could not be queued, when Twilio retries it", async () => {
    const db = getDb();
    const sid = messageSid();
    const params = inboundParams(sid, "do you ship to Canada?");
    // The queue refuses inbound jobs (as during a database restart that lands between store and enqueue).
    await db.$executeRawUnsafe(`CREATE FUNCTION parley_test_refuse_inbound_job() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = 'inbound.process' THEN RAISE EXCEPTION 'queue unavailable (test)'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe("CREATE TRIGGER parley_test_refuse_inbound_job BEFORE INSERT ON pgboss.job FOR EACH ROW EXECUTE FUNCTION parley_test_refuse_inbound_job()");
    let first: Response;
    try {
      first = await POST(signedTwilioRequest(webhookUrl(), creds.authToken, params));
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER parley_test_refuse_inbound_job ON pgboss.job");
      await db.$executeRawUnsafe("DROP FUNCTION parley_test_refuse_inbound_job()");
    }
    expect(first.status).toBe(500);
    const stored = await db.message.findUniqueOrThrow({ where: { providerSid: sid } });
    expect(stored.processedAt).toBeNull();

    const retry = await POST(signedTwilioRequest(webhookUrl(), creds.authToken, params));
    expect(retry.status).toBe(200);

    const replies = await eventually(async () => {
      const m = await db.message.findUniqueOrThrow({ where: { id: stored.id } });
      const sent = await db.message.findMany({ where: { inReplyToId: stored.id, direction: "outbound", status: "sent" } });
      return m.processedAt && sent.length ? sent : undefined;
    });
    expect(replies).toHaveLength(1);
    expect(await db.message.count({ where: { providerSid: sid } })).toBe(1);
    expect(loopback.requests.filter((r) => r.method === "POST" && r.form.Body === replies[0]!.body && r.form.To === shopperPhone)).toHaveLength(1);
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

  it("answers an unsigned or unverifiable request the same for every number, so nobody can map a brand's numbers", async () => {
    // A brand whose number has no Twilio credentials: its webhooks can't be verified.
    await createBrand(getDb(), { smsNumber: "+15550003333" });
    const unsigned = (to: string) =>
      POST(new Request(webhookUrl(), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...inboundParams(messageSid(), "hello"), To: to }).toString(),
      }));
    const answers = await Promise.all(
      [
        unsigned(brandNumber), // a brand's number, credentials set
        unsigned("+15550003333"), // a brand's number, no credentials
        unsigned("+15559999999"), // nobody's number
        POST(signedTwilioRequest(webhookUrl(), creds.authToken, { ...inboundParams(messageSid(), "hello"), To: "+15559999999" })),
        POST(signedTwilioRequest(webhookUrl(), creds.authToken, { ...inboundParams(messageSid(), "hello"), To: "+15550003333" })),
      ].map(async (res) => ({ status: (await res).status, body: await (await res).text() })),
    );
    expect(answers[0]).toEqual({ status: 403, body: expect.stringMatching(/signature could not be verified/) });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it("refuses a body that is not a form", async () => {
    const res = await POST(new Request(webhookUrl(), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(res.status).toBe(400);
  });
});
