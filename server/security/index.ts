/** Cross-cutting protection: database-backed rate limits, the client's address, same-origin checks. */
export { hitRateLimit, refundRateLimit, resetRateLimit, pruneExpiredBuckets, minutesInWords, type RateLimit, type RateLimitResult } from "./rate-limit";
export { clientIpOf, clientAddressOf, stampClientAddress, withClientAddress } from "./client-ip";
export { crossSiteRefusal } from "./same-origin";
export { redactSecrets } from "./redact";
