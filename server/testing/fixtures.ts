/** Test data builders for integration tests (real rows in the test database). */
import crypto from "node:crypto";
import twilio from "twilio";
import type { Db, MemberRole, SmsConsent } from "../db";
import { hashPassword } from "../auth/password";
import { encryptSecret } from "../channels/secret-box";

export async function createBrand(db: Db, opts: { name?: string; smsNumber?: string; twilio?: { accountSid: string; authToken: string } } = {}) {
  const suffix = crypto.randomBytes(3).toString("hex");
  const brand = await db.brand.create({
    data: {
      name: opts.name ?? `Brand ${suffix}`,
      slug: `brand-${suffix}`,
      smsNumber: opts.smsNumber ?? `+1555${String(crypto.randomInt(2_000_000, 9_999_999))}`,
      twilioAccountSid: opts.twilio?.accountSid ?? null,
      // Stored as the app stores it: encrypted.
      twilioAuthToken: opts.twilio ? encryptSecret(opts.twilio.authToken) : null,
    },
  });
  await db.agentSettings.create({ data: { brandId: brand.id } });
  return brand;
}

/** A user of the brand (an owner unless a role is given) who signs in with "correct-horse". */
export async function createMember<R extends MemberRole = "owner">(db: Db, brandId: string, email = `user-${crypto.randomBytes(3).toString("hex")}@test.dev`, role: R = "owner" as R) {
  const user = await db.user.create({ data: { email, name: "Test User", passwordHash: await hashPassword("correct-horse") } });
  await db.membership.create({ data: { userId: user.id, brandId, role } });
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId } });
  return { userId: user.id, email, name: user.name, brandId, brandName: brand.name, role };
}

export async function createShopper(db: Db, brandId: string, opts: { phone?: string; consent?: SmsConsent; firstName?: string } = {}) {
  return db.profile.create({
    data: {
      brandId,
      phone: opts.phone ?? `+1555${String(crypto.randomInt(2_000_000, 9_999_999))}`,
      smsConsent: opts.consent ?? "subscribed",
      firstName: opts.firstName ?? "Sam",
    },
  });
}

export function twilioCredentials() {
  return { accountSid: `AC${crypto.randomBytes(16).toString("hex")}`, authToken: crypto.randomBytes(16).toString("hex") };
}

export function messageSid(): string {
  return `SM${crypto.randomBytes(16).toString("hex")}`;
}

/** A webhook request signed exactly as Twilio signs it (URL + sorted params, HMAC-SHA1). */
export function signedTwilioRequest(url: string, authToken: string, params: Record<string, string>, opts: { signature?: string } = {}) {
  const signature = opts.signature ?? twilio.getExpectedTwilioSignature(authToken, url, params);
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
    body: new URLSearchParams(params).toString(),
  });
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false && v !== null) return v;
    if (Date.now() > deadline) throw new Error("eventually: condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}
