/**
 * HTTP for connectors: JSON requests with a timeout through the outbound address policy, and
 * failures turned into HelpdeskErrors a brand can read. A brand sees the status and a generic
 * reason, never the service's own words (the address is the brand's to choose, so the answer may
 * come from anywhere); the server log says what happened on the wire, without credentials.
 */
import { isAllowListed, OutboundError, outboundFetch, outboundPolicy, type OutboundResponse } from "../../security";
import { HelpdeskError } from "./connector";

const TIMEOUT_MS = 15_000;
/**
 * A 429 (or 503) with Retry-After is waited out and the request repeated, when the wait fits:
 * at most RETRY_AFTER_MAX_MS per wait and RETRY_AFTER_WAITS waits per request (the queue job has
 * five minutes). A longer wait fails the attempt as retryable, and the queue's backoff spaces the
 * next ones. Repeating is safe: a service that refused with 429 did not process the request.
 */
const RETRY_AFTER_MAX_MS = 30_000;
const RETRY_AFTER_WAITS = 2;

export type HelpdeskResponse = { status: number; json: unknown; text: string };

/** 408, 425, 429 and 5xx are worth repeating; any other 4xx means the settings or the request are wrong. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** "The webhook" reads "the webhook" mid-sentence; names (Kustomer, Front…) keep their capital. */
const midSentence = (service: string) => (/^The /.test(service) ? `the ${service.slice(4)}` : service);

/** Retry-After in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An IMF-fixdate, "Fri, 01 May 2026 14:00:30 GMT": Date.parse alone would also take "-5" for a year.
  if (!/^[A-Za-z]{3}, /.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server log's line for a failed call: where, and what happened on the wire; never headers or the answer's body. */
function logFailure(service: string, url: string, what: string): void {
  console.warn(`[helpdesk] ${service} at ${new URL(url).origin}: ${what}`);
}

/**
 * One request to a helpdesk. Answers with the status and parsed JSON for 2xx and for the
 * statuses in `accept` (e.g. 404 for "no such customer yet"); throws a HelpdeskError otherwise.
 */
export async function helpdeskRequest(
  service: string,
  url: string,
  init: {
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
    headers?: Record<string, string>;
    json?: unknown;
    body?: string;
    accept?: number[];
    /** What to check after a 401/403 and after a 404, when the generic advice does not fit. */
    hints?: { auth?: string; notFound?: string };
  },
): Promise<HelpdeskResponse> {
  const headers: Record<string, string> = { accept: "application/json", "user-agent": "Parley-Helpdesk/1.0", ...init.headers };
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers["content-type"] ??= "application/json";
  }
  let res: OutboundResponse;
  for (let waits = 0; ; waits++) {
    try {
      res = await outboundFetch(url, { method: init.method, headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      if (!(error instanceof OutboundError)) throw error;
      logFailure(service, url, error.detail);
      if (error.failure === "address_refused") {
        throw new HelpdeskError(`${error.userReason} Change the address in Settings → Helpdesk.`, { isRetryable: false, cause: error });
      }
      // One text for refused, reset and timed out alike: which it was would say which ports are open.
      throw new HelpdeskError(`Couldn’t reach ${midSentence(service)} at ${new URL(url).origin}. Check the address in Settings → Helpdesk; Parley tries again.`, { isRetryable: true, cause: error });
    }
    if (res.status !== 429 && res.status !== 503) break;
    const wait = retryAfterMs(res.headers.get("retry-after"));
    if (wait === null) break;
    if (wait > RETRY_AFTER_MAX_MS || waits >= RETRY_AFTER_WAITS) {
      logFailure(service, url, `answered ${res.status}, Retry-After ${Math.ceil(wait / 1000)} s`);
      throw new HelpdeskError(`${service} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ""} and asked Parley to wait ${Math.ceil(wait / 1000)} s; Parley tries again later.`, {
        httpStatus: res.status,
        isRetryable: true,
      });
    }
    logFailure(service, url, `answered ${res.status}; waiting ${Math.ceil(wait / 1000)} s as Retry-After asks`);
    await sleep(wait);
  }
  let json: unknown = null;
  if (res.text) {
    try {
      json = JSON.parse(res.text);
    } catch {
      json = null;
    }
  }
  if ((res.status >= 200 && res.status < 300) || init.accept?.includes(res.status)) return { status: res.status, json, text: res.text };
  logFailure(service, url, `answered ${res.status}`);
  const hint =
    res.status === 401 || res.status === 403
      ? ` ${init.hints?.auth ?? `Check the ${service} credentials in Settings → Helpdesk.`}`
      : res.status === 404
        ? ` ${init.hints?.notFound ?? `Check the ${service} address and ids in Settings → Helpdesk.`}`
        : "";
  throw new HelpdeskError(`${service} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ""}.${hint}`, {
    httpStatus: res.status,
    isRetryable: isRetryableStatus(res.status),
  });
}

/**
 * "https://acme.zendesk.com/" → "https://acme.zendesk.com"; null when it is not an address Parley
 * may call: https, or http to a host in OUTBOUND_ALLOWED_HOSTS; no credentials in it. (Whether the
 * address is public is the outbound address policy's question: see helpdeskAddressErrors.)
 */
export function normalizeBaseUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  const isHttpAllowed = url.protocol === "http:" && isAllowListed(url, outboundPolicy().allowedHosts);
  if (url.protocol !== "https:" && !isHttpAllowed) return null;
  if (url.username || url.password) return null;
  return url.toString().replace(/\/+$/, "");
}

/** The field error for an address's form, or null when it is fine. */
export function baseUrlError(value: string | undefined, what: string, example: string): string | null {
  if (!value?.trim()) return `Enter ${what}, e.g. ${example}.`;
  if (!normalizeBaseUrl(value)) return `“${value.trim()}” isn’t an address Parley can call. Use an https:// address, e.g. ${example}.`;
  return null;
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

/** The transcript as plain text, one line per text: "[2026-05-01 14:03 UTC] Shopper: where is my order?" */
export function transcriptText(lines: { at: string; direction: string; author: string; body: string }[]): string {
  return lines
    .map((line) => {
      const who = line.direction === "inbound" ? "Shopper" : line.author === "agent" ? "Agent" : line.author === "human" ? "Teammate" : "Brand";
      return `[${line.at.slice(0, 16).replace("T", " ")} UTC] ${who}: ${line.body}`;
    })
    .join("\n");
}

export function shopperName(profile: { firstName: string | null; lastName: string | null; phone: string }): string {
  return [profile.firstName, profile.lastName].filter(Boolean).join(" ") || profile.phone;
}
