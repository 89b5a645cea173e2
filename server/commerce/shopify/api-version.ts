/**
 * Which Shopify Admin API version Parley calls, and when it stops being supported. Shopify releases
 * a stable version every quarter (YYYY-01, -04, -07, -10) and supports each for twelve months
 * (https://shopify.dev/docs/api/usage/versioning); a request for a version past that is answered
 * by the oldest supported one, so behaviour changes under the app without notice.
 */
import { env } from "../../env";

/** Days before the end of support at which npm start begins to warn. */
export const SUPPORT_WARNING_DAYS = 60;

/** SHOPIFY_API_VERSION, 2026-10 unless the deployment set another. */
export function shopifyApiVersion(): string {
  return env().SHOPIFY_API_VERSION;
}

/** The day a version leaves support: its release month plus twelve months (2026-10 → 2027-10-01). */
export function shopifyApiVersionSupportEnds(version: string): Date {
  const m = /^(\d{4})-(01|04|07|10)$/.exec(version);
  if (!m) throw new Error(`"${version}" is not a Shopify Admin API version like 2026-10`);
  return new Date(Date.UTC(Number(m[1]) + 1, Number(m[2]) - 1, 1));
}

/** A warning for npm start when `version` leaves support within 60 days of `now` (or has left), or null. */
export function shopifyApiVersionWarning(version: string, now: Date = new Date()): string | null {
  const ends = shopifyApiVersionSupportEnds(version);
  const days = Math.ceil((ends.getTime() - now.getTime()) / 86_400_000);
  if (days > SUPPORT_WARNING_DAYS) return null;
  const day = ends.toISOString().slice(0, 10);
  const when = days > 0 ? `leaves Shopify's support on ${day} (in ${days} day${days === 1 ? "" : "s"})` : `left Shopify's support on ${day}`;
  return (
    `Warning: Shopify Admin API version ${version} (SHOPIFY_API_VERSION) ${when}; Shopify then answers with the oldest ` +
    `supported version instead. Set SHOPIFY_API_VERSION to a newer version and check the Shopify conformance tests pass.`
  );
}
