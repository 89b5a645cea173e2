/** Inbound SMS webhooks signed exactly as Twilio signs them (URL + sorted params, HMAC-SHA1). */
import crypto from "node:crypto";
import twilio from "twilio";

export type SignedWebhook = { body: string; signature: string };

export function messageSid(): string {
  return `SM${crypto.randomBytes(16).toString("hex")}`;
}

/** A shopper's number: +1 720 then seven digits, distinct for i below 10 million. */
export function benchShopperPhone(i: number): string {
  return `+1720${String(i).padStart(7, "0")}`;
}

export function signedInbound(opts: { publicUrl: string; authToken: string; from: string; to: string; body: string }): SignedWebhook {
  const params = {
    MessageSid: messageSid(),
    AccountSid: `AC${"be".repeat(16)}`,
    From: opts.from,
    To: opts.to,
    Body: opts.body,
    NumMedia: "0",
    NumSegments: "1",
    SmsStatus: "received",
    ApiVersion: "2010-04-01",
  };
  const signature = twilio.getExpectedTwilioSignature(opts.authToken, `${opts.publicUrl}/api/twilio/inbound`, params);
  return { body: new URLSearchParams(params).toString(), signature };
}
