/** HTTP for connectors: JSON requests with a timeout, and failures turned into HelpdeskErrors a brand can read. */
import { HelpdeskError } from "./connector";

const TIMEOUT_MS = 15_000;
const MAX_DETAIL = 300;

export type HelpdeskResponse = { status: number; json: unknown; text: string };

/** 408, 425, 429 and 5xx are worth repeating; any other 4xx means the settings or the request are wrong. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** The service's own words for an error, from the usual JSON shapes, cut short. */
function detailOf(json: unknown, text: string): string {
  const j = json as Record<string, unknown> | null;
  const candidates = [
    j?.message,
    (j?._error as { message?: unknown } | undefined)?.message,
    j?.description,
    typeof j?.error === "string" ? j.error : (j?.error as { message?: unknown } | undefined)?.message,
    Array.isArray(j?.errors) ? (j.errors as unknown[]).map((e) => (typeof e === "string" ? e : ((e as { title?: string; detail?: string; message?: string })?.detail ?? (e as { title?: string })?.title ?? (e as { message?: string })?.message))).filter(Boolean).join("; ") : undefined,
    j?.details,
  ];
  const found = candidates.find((c): c is string => typeof c === "string" && c.trim().length > 0) ?? text.trim();
  const oneLine = found.replace(/\s+/g, " ");
  return oneLine.length > MAX_DETAIL ? `${oneLine.slice(0, MAX_DETAIL - 1)}…` : oneLine;
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
  let res: Response;
  try {
    res = await fetch(url, { method: init.method, headers, body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "manual" });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = (error as Error).name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} seconds` : (cause?.code ?? cause?.message ?? (error as Error).message);
    // "The webhook" reads "the webhook" mid-sentence; names (Kustomer, Front…) keep their capital.
    const named = /^The /.test(service) ? `the ${service.slice(4)}` : service;
    throw new HelpdeskError(`Couldn’t reach ${named} at ${new URL(url).origin} (${why}).`, { isRetryable: true, cause: error });
  }
  const text = await res.text().catch(() => "");
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if ((res.status >= 200 && res.status < 300) || init.accept?.includes(res.status)) return { status: res.status, json, text };
  const detail = detailOf(json, text);
  const hint =
    res.status === 401 || res.status === 403
      ? ` ${init.hints?.auth ?? `Check the ${service} credentials in Settings → Helpdesk.`}`
      : res.status === 404
        ? ` ${init.hints?.notFound ?? `Check the ${service} address and ids in Settings → Helpdesk.`}`
        : "";
  const said = detail ? `: ${detail.replace(/[.\s]+$/, "")}.` : ".";
  throw new HelpdeskError(`${service} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ""}${said}${hint}`, {
    httpStatus: res.status,
    isRetryable: isRetryableStatus(res.status),
  });
}

/** "https://acme.zendesk.com/" → "https://acme.zendesk.com"; null when it is not an address Parley may call. */
export function normalizeBaseUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  // Plain http only to this machine (local development and tests); helpdesks are always https.
  const isLocal = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLocal)) return null;
  if (url.username || url.password) return null;
  return url.toString().replace(/\/+$/, "");
}

/** The field error for an address, or null when it is fine. */
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
