import crypto from "node:crypto";
import type { Db } from "../db";
import { AppError, invalidFields } from "../errors";
import { queueOutbound } from "../outbound";
import { findOrCreateProfile } from "../profiles";
import { formatPhoneForHumans, normalizePhone } from "../sms";

export type TestSmsResult =
  | { outcome: "sent"; to: string; body: string; transport: "twilio" | "simulator"; providerSid: string | null }
  /** Twilio refused; `errorMessage` is Twilio's own words, `hint` what to change. */
  | { outcome: "failed"; to: string; body: string; transport: "twilio" | "simulator"; errorCode: string | null; errorMessage: string; hint: string }
  /** Still queued when we stopped waiting (a retry after a temporary error, or no worker running). */
  | { outcome: "pending"; to: string; body: string; transport: "twilio" | "simulator"; errorMessage: string | null; hint: string };

const FINAL = new Set(["sent", "delivered", "failed", "undelivered"]);

export function testSmsBody(brandName: string): string {
  return `This is a test from Parley for ${brandName}. Your texts are working; no need to reply.`;
}

/**
 * What to do about a refused test text, by Twilio error code (twilio.com/docs/errors), in the
 * words of the Twilio Console.
 */
export function hintForTwilioError(code: string | null): string {
  switch (code) {
    case "20003":
      return "Twilio didn’t accept the Account SID and auth token. Copy both again from the Account Info box on your Twilio Console’s home page, save, and send another test.";
    case "21211":
    case "21614":
      return "Twilio says the phone number you typed can’t receive texts. Check the number, including the country code.";
    case "21212":
    case "21606":
    case "21659":
    case "21660":
      return "The SMS number above isn’t a number of this Twilio account that can send texts. Check it under Phone Numbers → Manage → Active numbers in the Twilio Console.";
    case "21608":
      return "Trial Twilio accounts can only text verified numbers. Verify this phone under Phone Numbers → Verified Caller IDs, or upgrade the account.";
    case "21408":
      return "Texting this country isn’t enabled. Turn it on under Messaging → Settings → Geo permissions in the Twilio Console.";
    case "21610":
      return "This phone replied STOP to your Twilio number. Text START to that number from the phone, then try again.";
    case "credentials_unreadable":
      return "Enter the auth token again above and save.";
    case "transport_error":
    case null:
      return "Parley couldn’t reach Twilio. Check this server’s internet connection (and TWILIO_API_BASE_URL if you changed it), then try again.";
    default:
      return `See what Twilio error ${code} means at https://www.twilio.com/docs/errors/${code}, fix it in the Twilio Console, then try again.`;
  }
}

/**
 * Texts "This is a test from Parley for <brand>…" to a number a teammate typed, through the normal
 * outbound path (a message row, the queue, the brand's transport), and waits for the answer.
 * A number that unsubscribed from the brand is refused: Parley never texts someone who said STOP.
 */
export async function sendTestSms(db: Db, brandId: string, input: { to: string; timeoutMs?: number }): Promise<TestSmsResult> {
  const typed = input.to.trim();
  const to = normalizePhone(typed);
  if (!typed) throw invalidFields({ to: "Enter the phone number to text, e.g. your own mobile." });
  if (!to) throw invalidFields({ to: `“${typed}” isn’t a phone number Parley can text. Write it with the country code, e.g. +15555550100.` });
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId } });
  if (to === brand.smsNumber) throw invalidFields({ to: "That’s the brand’s own SMS number. Enter a phone that can receive the test, e.g. your mobile." });

  const existing = await db.profile.findUnique({ where: { brandId_phone: { brandId, phone: to } } });
  if (existing?.smsConsent === "unsubscribed") {
    const message = `${formatPhoneForHumans(to)} unsubscribed from ${brand.name}’s texts, so Parley won’t text it, not even a test. To test with this phone, text START to ${formatPhoneForHumans(brand.smsNumber)} from it first.`;
    throw new AppError("FORBIDDEN", { userMessage: message, fields: { to: message } });
  }
  const profile = existing ?? (await findOrCreateProfile(db, brandId, to));
  const body = testSmsBody(brand.name);
  const queued = await queueOutbound(db, {
    brandId,
    profileId: profile.id,
    body,
    // A teammate asked for it; "system" would read as a compliance reply in the profile's timeline.
    author: "human",
    purpose: "test",
    idempotencyKey: `test:${brandId}:${crypto.randomUUID()}`,
  });
  const transport = brand.twilioAccountSid && brand.twilioAuthToken ? "twilio" : "simulator";

  const deadline = Date.now() + (input.timeoutMs ?? 15_000);
  for (;;) {
    const row = await db.message.findUniqueOrThrow({ where: { id: queued.id } });
    if (FINAL.has(row.status)) {
      if (row.status === "sent" || row.status === "delivered") return { outcome: "sent", to, body, transport, providerSid: row.providerSid };
      return {
        outcome: "failed",
        to,
        body,
        transport,
        errorCode: row.errorCode,
        errorMessage: row.errorMessage ?? "The text was not sent.",
        hint: row.errorCode === "not_subscribed" ? "The phone unsubscribed while the test was waiting to be sent." : hintForTwilioError(row.errorCode),
      };
    }
    if (Date.now() > deadline) {
      return {
        outcome: "pending",
        to,
        body,
        transport,
        errorMessage: row.errorMessage,
        hint: row.errorMessage
          ? "Twilio answered with a temporary error; Parley will try again a few times. Check the phone in a minute."
          : "The test is queued but hasn’t been sent yet. If it never arrives, check that the queue worker is running (npm run worker when WORKER_MODE=off).",
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
