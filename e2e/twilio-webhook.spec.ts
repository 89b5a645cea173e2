import crypto from "node:crypto";
import twilio from "twilio";
import { expect, test } from "@playwright/test";
import { APP_URL, DEMO_TWILIO, TWILIO_URL } from "./e2e-env";

const webhook = `${APP_URL}/api/twilio/inbound`;
const form = (params: Record<string, string>) => new URLSearchParams(params).toString();

async function twilioSendsTo(phone: string) {
  const res = await fetch(`${TWILIO_URL}/__requests`);
  const all = (await res.json()) as { path: string; form: Record<string, string> }[];
  return all.filter((r) => r.path.endsWith("/Messages.json") && r.form.To === phone);
}

test("a signed webhook posted twice with one MessageSid yields one stored text and one reply", async ({ request }) => {
  const sid = `SM${crypto.randomBytes(16).toString("hex")}`;
  const shopper = "+15555550103";
  const params = { MessageSid: sid, AccountSid: DEMO_TWILIO.accountSid, From: shopper, To: "+15555550100", Body: "where is order #1003?", NumMedia: "0" };
  const signature = twilio.getExpectedTwilioSignature(DEMO_TWILIO.authToken, webhook, params);
  const headers = { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature };

  const first = await request.post(webhook, { headers, data: form(params) });
  expect(first.status()).toBe(200);
  expect(await first.text()).toContain("<Response></Response>");
  const retry = await request.post(webhook, { headers, data: form(params) });
  expect(retry.status()).toBe(200);

  await expect.poll(async () => (await twilioSendsTo(shopper)).length, { timeout: 15_000 }).toBe(1);
  const [sent] = await twilioSendsTo(shopper);
  expect(sent!.form.Body).toContain("Order #1003 was delivered");

  const texts = await request.get(`/api/trpc/conversations.inboundTexts?input=${encodeURIComponent(JSON.stringify({ json: { limit: 200 } }))}`);
  expect(texts.status()).toBe(200);
  const rows = (await texts.json()).result.data.json as { providerSid: string; disposition: string }[];
  const stored = rows.filter((r) => r.providerSid === sid);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.disposition).toBe("agent_replied");
  // Give a would-be duplicate time to show up, then check again.
  await new Promise((r) => setTimeout(r, 1500));
  expect(await twilioSendsTo(shopper)).toHaveLength(1);
});

test("a webhook with a bad signature gets 403 and stores nothing", async ({ request }) => {
  const sid = `SM${crypto.randomBytes(16).toString("hex")}`;
  const params = { MessageSid: sid, AccountSid: DEMO_TWILIO.accountSid, From: "+15555550104", To: "+15555550100", Body: "forged" };
  const res = await request.post(webhook, {
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilio.getExpectedTwilioSignature("wrong-token", webhook, params) },
    data: form(params),
  });
  expect(res.status()).toBe(403);
  const texts = await request.get(`/api/trpc/conversations.inboundTexts?input=${encodeURIComponent(JSON.stringify({ json: { limit: 200 } }))}`);
  const rows = (await texts.json()).result.data.json as { providerSid: string }[];
  expect(rows.some((r) => r.providerSid === sid)).toBe(false);
});
