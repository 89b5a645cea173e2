/**
 * The address a request came from, for per-IP limits: the first X-Forwarded-For entry (the client
 * as the proxies in front of us saw it; `next start` sets it from the socket when no proxy did),
 * else X-Real-IP. A client talking to Next directly can forge the header, which is why sign-in
 * also limits per email across all addresses.
 */
export function clientIpOf(header: (name: string) => string | null | undefined): string {
  const forwarded = header("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || header("x-real-ip")?.trim() || "unknown";
}
