/** Cross-cutting protection: database-backed rate limits, the client's address, same-origin checks. */
export { hitRateLimit, refundRateLimit, resetRateLimit, pruneExpiredBuckets, minutesInWords, type RateLimit, type RateLimitResult } from "./rate-limit";
export { clientIpOf, clientAddressOf, stampClientAddress, withClientAddress } from "./client-ip";
export { crossSiteRefusal } from "./same-origin";
export { redactSecrets } from "./redact";
/** The outbound address policy: which addresses a brand's settings may make Parley call, and the one fetch that enforces it. */
export { checkOutboundUrl, type OutboundPolicy, type Resolve } from "./outbound-address";
export { outboundFetch, outboundPolicy, OutboundError, type OutboundResponse } from "./outbound-fetch";
export { isAllowListed, type AllowedHost } from "./outbound-allow-list";
