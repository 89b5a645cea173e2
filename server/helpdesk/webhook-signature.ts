/**
 * Signatures on the generic webhook, in the shape Stripe made familiar:
 *   X-Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the brand's signing secret>
 * The timestamp is signed too, so a captured request cannot be replayed later: receivers reject a
 * t more than five minutes away from their clock. server/helpdesk/README.md ("The generic webhook") shows how to verify.
 */
import crypto from "node:crypto";

export const SIGNATURE_HEADER = "X-Parley-Signature";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The X-Parley-Signature value for a body sent now (or at `timestamp`, unix seconds). */
export function signParleyWebhook(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

/** What a receiver does: parse the header, check the time window, compare in constant time. */
export function verifyParleyWebhook(
  secret: string,
  body: string,
  header: string | null | undefined,
  opts: { nowSeconds?: number; toleranceSeconds?: number } = {},
): boolean {
  if (!header) return false;
  const parts = new Map<string, string[]>();
  for (const item of header.split(",")) {
    const [key, value] = item.trim().split("=", 2);
    if (key && value) parts.set(key, [...(parts.get(key) ?? []), value]);
  }
  const t = Number(parts.get("t")?.[0]);
  if (!Number.isInteger(t)) return false;
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(signatureOf(secret, t, body), "hex");
  // Several v1 values are allowed (a receiver checking during a secret rotation).
  return (parts.get("v1") ?? []).some((candidate) => {
    const given = Buffer.from(candidate, "hex");
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}
