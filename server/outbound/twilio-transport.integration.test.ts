import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { publicUrl, resetEnvForTests } from "../env";
import { startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { createBrand, createShopper, signedTwilioRequest, twilioCredentials } from "../testing/fixtures";
import { startTwilioLoopback, type TwilioLoopback } from "../testing/twilio-loopback";
import { handleStatusWebhook } from "../inbound";
import { deliverOutbound } from "./deliver-outbound";

let loopback: TwilioLoopback;
const creds = twilioCredentials();
let brandId: string;
let brandNumber: string;

beforeAll(async () => {
  loopback = await startTwilioLoopback({ accounts: { [creds.accountSid]: creds.authToken } });
  process.env.TWILIO_API_BASE_URL = loopback.url;
  resetEnvForTests();
  const brand = await createBrand(getDb(), { twilio: creds });
  brandId = brand.id;
  brandNumber = brand.smsNumber;
  await startWorker();
});
afterAll(() => loopback.close());
beforeEach(() => loopback.reset());

describe("sending through the official Twilio SDK", () => {
  it("posts the reply to Twilio's Messages API with the brand's credentials and a status callback", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const result = await simulateText(getDb(), { brandId, from: shopper.phone, body: "hi" });
    expect(result.replies).toHaveLength(1);
    expect(loopback.requests).toHaveLength(1);
    const req = loopback.requests[0]!;
    expect(req.path).toBe(`/2010-04-01/Accounts/${creds.accountSid}/Messages.json`);
    expect(req.authorized).toBe(true);
    expect(req.form).toMatchObject({ To: shopper.phone, From: brandNumber, Body: result.replies[0]!.body, StatusCallback: `${publicUrl()}/api/twilio/status` });
    const row = await getDb().message.findFirstOrThrow({ where: { brandId, toNumber: shopper.phone, direction: "outbound" } });
    expect(row.status).toBe("sent");
    expect(row.providerSid).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it("moves the status forward on a signed status callback, never backwards", async () => {
    const shopper = await createShopper(getDb(), brandId);
    await simulateText(getDb(), { brandId, from: shopper.phone, body: "hello" });
    const row = await getDb().message.findFirstOrThrow({ where: { brandId, toNumber: shopper.phone, direction: "outbound" } });
    const url = `${publicUrl()}/api/twilio/status`;
    const callback = (status: string) => {
      const params = { MessageSid: row.providerSid!, MessageStatus: status, From: brandNumber, To: shopper.phone, AccountSid: creds.accountSid };
      const req = signedTwilioRequest(url, creds.authToken, params);
      return handleStatusWebhook(getDb(), { url, signature: req.headers.get("x-twilio-signature"), params });
    };
    expect(await callback("delivered")).toBe("updated");
    expect(await callback("sent")).toBe("unchanged");
    expect((await getDb().message.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("delivered");
  });

  it("retries a 500 from Twilio and sends once it recovers", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const db = getDb();
    const msg = await db.message.create({
      data: { brandId, profileId: shopper.id, direction: "outbound", author: "human", body: "Your order shipped", encoding: "GSM-7", segments: 1, status: "queued", fromNumber: brandNumber, toNumber: shopper.phone, idempotencyKey: `retry:${shopper.id}` },
    });
    loopback.failNext({ status: 500, code: 20500, message: "Internal Server Error" });
    expect(await deliverOutbound(db, msg.id, { isLastAttempt: false })).toBe("retry");
    expect((await db.message.findUniqueOrThrow({ where: { id: msg.id } })).status).toBe("queued");
    expect(await deliverOutbound(db, msg.id, { isLastAttempt: false })).toBe("sent");
    expect(loopback.requests).toHaveLength(2);
    // A re-delivered job for a sent message sends nothing.
    expect(await deliverOutbound(db, msg.id, { isLastAttempt: false })).toBe("skipped");
    expect(loopback.requests).toHaveLength(2);
  });

  it("marks a permanent refusal failed with Twilio's reason, without retrying", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const db = getDb();
    const msg = await db.message.create({
      data: { brandId, profileId: shopper.id, direction: "outbound", author: "human", body: "Hi", encoding: "GSM-7", segments: 1, status: "queued", fromNumber: brandNumber, toNumber: shopper.phone, idempotencyKey: `perm:${shopper.id}` },
    });
    loopback.failNext({ status: 400, code: 21610, message: "Attempt to send to unsubscribed recipient" });
    expect(await deliverOutbound(db, msg.id, { isLastAttempt: false })).toBe("failed");
    const row = await db.message.findUniqueOrThrow({ where: { id: msg.id } });
    expect(row.status).toBe("failed");
    expect(row.errorCode).toBe("21610");
    expect(row.errorMessage).toContain("unsubscribed recipient");
  });

  it("re-checks consent at send time", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const db = getDb();
    const msg = await db.message.create({
      data: { brandId, profileId: shopper.id, direction: "outbound", author: "agent", body: "Hi", encoding: "GSM-7", segments: 1, status: "queued", fromNumber: brandNumber, toNumber: shopper.phone, idempotencyKey: `consent:${shopper.id}` },
    });
    await db.profile.update({ where: { id: shopper.id }, data: { smsConsent: "unsubscribed" } });
    expect(await deliverOutbound(db, msg.id, { isLastAttempt: false })).toBe("refused");
    expect(loopback.requests).toHaveLength(0);
  });
});
