/**
 * A small client for Shopify's Admin GraphQL API over `fetch`: one POST per query, one time
 * budget for the whole call, one retry with backoff while Shopify throttles or fails, and a
 * CommerceError for everything else, so a handoff says what went wrong ("Shopify rejected the
 * access token") rather than a stack.
 */
import { AppError } from "../../errors";
import { OutboundError, outboundFetch } from "../../security";
import { shopifyApiVersion } from "./api-version";

/** Time for a whole call, retry included: the agent's own timeout must still leave room to answer. */
const DEFAULT_TIMEOUT_MS = 8_000;
const DEFAULT_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 2_000;
const MISSING_SCOPE_MESSAGE =
  "The Shopify access token is missing a permission Parley needs (read_orders, read_customers, read_products, and access to customers' phone and email).";

export type CommerceErrorReason =
  /** The brand's store settings are missing or unusable (no domain, no token, unknown platform). */
  | "configuration"
  /** 401: the access token is wrong or was revoked. */
  | "unauthorized"
  /** 403 or ACCESS_DENIED: the token lacks a scope (read_orders, read_customers, read_products). */
  | "forbidden"
  /** 402 / 404 / 423: the shop is frozen, closed, locked or the domain is wrong. */
  | "shop_unavailable"
  /** 429 or THROTTLED: over Shopify's query-cost budget. */
  | "throttled"
  /** 5xx or INTERNAL_SERVER_ERROR: Shopify is failing. */
  | "server_error"
  | "timeout"
  | "network"
  /** Any other GraphQL error: a query Shopify rejects. */
  | "graphql"
  /** An answer that is not Shopify's JSON. */
  | "bad_response";

/** A store platform failed or is misconfigured. `retryable`: the same call may work in a moment. */
export class CommerceError extends AppError {
  readonly reason: CommerceErrorReason;
  readonly retryable: boolean;
  readonly status: number | null;
  /** How long the platform asked us to wait before trying again, when it said. */
  readonly retryAfterMs: number | null;

  constructor(
    reason: CommerceErrorReason,
    opts: { message: string; userMessage: string; retryable: boolean; status?: number; retryAfterMs?: number | null; cause?: unknown },
  ) {
    super("PROVIDER_ERROR", { message: opts.message, userMessage: opts.userMessage, cause: opts.cause });
    this.name = "CommerceError";
    this.reason = reason;
    this.retryable = opts.retryable;
    this.status = opts.status ?? null;
    this.retryAfterMs = opts.retryAfterMs ?? null;
  }
}

export function commerceConfigurationError(
  message: string,
  userMessage = "Shopify is not fully connected: add the shop domain and an Admin API access token in Settings.",
): CommerceError {
  return new CommerceError("configuration", { message, userMessage, retryable: false });
}

/**
 * Where the shop lives. A bare domain (my-shop.myshopify.com) is Shopify's HTTPS host; a value
 * starting with http:// or https:// is taken as the origin as is (tests point it at loopback).
 */
export function shopifyOrigin(domain: string): string {
  const value = domain.trim().replace(/\/+$/, "");
  if (/^https?:\/\//i.test(value)) return value;
  if (!value || /[\s/?#@]/.test(value)) {
    throw commerceConfigurationError(`"${domain}" is not a Shopify shop domain like my-shop.myshopify.com`);
  }
  return `https://${value}`;
}

/** The Admin GraphQL endpoint of the shop, for SHOPIFY_API_VERSION unless `apiVersion` is given. */
export function shopifyGraphqlUrl(domain: string, apiVersion: string = shopifyApiVersion()): string {
  return `${shopifyOrigin(domain)}/admin/api/${apiVersion}/graphql.json`;
}

export type ShopifyClientOptions = {
  domain: string;
  accessToken: string;
  /** Budget for one call including its retry. Default 8 s. */
  timeoutMs?: number;
  /** Shortest wait before the retry (Shopify's own hint is used when longer, up to 2 s). Default 500 ms. */
  retryDelayMs?: number;
  /** Admin API version. Default SHOPIFY_API_VERSION. */
  apiVersion?: string;
};

export type ShopifyClient = {
  /** The shop's origin, for links to the storefront. */
  readonly origin: string;
  query<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
};

type GraphqlError = { message?: string; extensions?: { code?: string } };
type ThrottleCost = { requestedQueryCost?: number; throttleStatus?: { currentlyAvailable?: number; restoreRate?: number } };
type GraphqlBody = { data?: unknown; errors?: GraphqlError[] | string | Record<string, unknown>; extensions?: { cost?: ThrottleCost } };

export function shopifyClient(opts: ShopifyClientOptions): ShopifyClient {
  const origin = shopifyOrigin(opts.domain);
  const url = shopifyGraphqlUrl(origin, opts.apiVersion);
  const host = new URL(origin).host;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryDelayMs = opts.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;

  async function attempt<T>(body: string, signal: AbortSignal): Promise<T> {
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      // The shop domain is a brand's setting: called only under the outbound address policy.
      const res = await outboundFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "x-shopify-access-token": opts.accessToken },
        body,
        signal,
      });
      status = res.status;
      retryAfter = res.headers.get("retry-after");
      text = res.text;
    } catch (error) {
      if (error instanceof OutboundError && error.failure === "address_refused") {
        throw commerceConfigurationError(`Shopify at ${host}: ${error.detail}`, `${error.userReason} Check the shop domain in Settings.`);
      }
      if (signal.aborted) {
        throw new CommerceError("timeout", {
          message: `Shopify (${host}) did not answer within ${timeoutMs} ms`,
          userMessage: "Shopify took too long to answer. Try again in a moment.",
          retryable: true,
          cause: error,
        });
      }
      throw new CommerceError("network", {
        message: `Could not reach Shopify at ${host}: ${error instanceof OutboundError ? error.detail : error instanceof Error ? error.message : String(error)}`,
        userMessage: "Parley could not reach Shopify. Check the shop domain in Settings, or try again in a moment.",
        retryable: true,
        cause: error,
      });
    }
    const parsed = parseJson(text);
    if (status < 200 || status >= 300) throw httpError(host, status, parsed, retryAfter);
    if (!parsed || typeof parsed !== "object") {
      throw new CommerceError("bad_response", {
        message: `Shopify (${host}) answered ${status} with a body that is not GraphQL JSON`,
        userMessage: "Shopify sent an answer Parley could not read.",
        retryable: false,
        status,
      });
    }
    const result = parsed as GraphqlBody;
    if (result.errors) throw graphqlError(host, status, result);
    if (result.data == null) {
      throw new CommerceError("bad_response", {
        message: `Shopify (${host}) answered without data or errors`,
        userMessage: "Shopify sent an answer Parley could not read.",
        retryable: false,
        status,
      });
    }
    return result.data as T;
  }

  return {
    origin,
    async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const started = Date.now();
      const signal = AbortSignal.timeout(timeoutMs);
      const body = JSON.stringify({ query, variables });
      try {
        return await attempt<T>(body, signal);
      } catch (error) {
        if (!(error instanceof CommerceError) || !error.retryable || error.reason === "timeout") throw error;
        // Shopify said when its cost bucket will hold enough again: retrying sooner would only be throttled again.
        if ((error.retryAfterMs ?? 0) > MAX_RETRY_DELAY_MS) throw error;
        const delay = Math.max(error.retryAfterMs ?? 0, retryDelayMs);
        // No time left for a second answer: report the first failure rather than a timeout.
        if (Date.now() - started + delay >= timeoutMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
        return await attempt<T>(body, signal);
      }
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorText(body: unknown): string {
  if (!body || typeof body !== "object") return "";
  const errors = (body as GraphqlBody).errors;
  if (typeof errors === "string") return errors;
  if (Array.isArray(errors)) return errors.map((e) => e.message ?? "").filter(Boolean).join("; ");
  if (errors && typeof errors === "object") return JSON.stringify(errors);
  return "";
}

function httpError(host: string, status: number, body: unknown, retryAfter: string | null): CommerceError {
  const detail = errorText(body);
  const said = detail ? `: ${detail}` : "";
  if (status === 401) {
    return new CommerceError("unauthorized", {
      message: `Shopify (${host}) rejected the access token (401)${said}`,
      userMessage: "Shopify rejected the access token. Paste a valid Admin API access token in Settings to reconnect the store.",
      retryable: false,
      status,
    });
  }
  if (status === 403) {
    return new CommerceError("forbidden", {
      message: `Shopify (${host}) refused the request (403)${said}`,
      userMessage: MISSING_SCOPE_MESSAGE,
      retryable: false,
      status,
    });
  }
  if (status === 402 || status === 404 || status === 423) {
    return new CommerceError("shop_unavailable", {
      message: `Shopify shop ${host} is unavailable (${status})${said}`,
      userMessage: "The Shopify store is unavailable: it may be frozen, closed or locked, or the shop domain in Settings is wrong.",
      retryable: false,
      status,
    });
  }
  if (status === 429) {
    const seconds = retryAfter ? Number(retryAfter) : NaN;
    return new CommerceError("throttled", {
      message: `Shopify (${host}) is throttling requests (429)${said}`,
      userMessage: "Shopify is busy right now. Try again in a moment.",
      retryable: true,
      status,
      retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : null,
    });
  }
  if (status >= 500) {
    return new CommerceError("server_error", {
      message: `Shopify (${host}) failed with ${status}${said}`,
      userMessage: "Shopify is having trouble right now. Try again in a moment.",
      retryable: true,
      status,
    });
  }
  return new CommerceError("bad_response", {
    message: `Shopify (${host}) answered ${status}${said}`,
    userMessage: "Shopify refused a request from Parley.",
    retryable: false,
    status,
  });
}

function graphqlError(host: string, status: number, body: GraphqlBody): CommerceError {
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const codes = errors.map((e) => e.extensions?.code);
  const detail = errorText(body);
  if (codes.includes("THROTTLED")) {
    // Shopify refills the query-cost bucket at restoreRate points per second.
    const cost = body.extensions?.cost;
    const missing = (cost?.requestedQueryCost ?? 0) - (cost?.throttleStatus?.currentlyAvailable ?? 0);
    const rate = cost?.throttleStatus?.restoreRate ?? 0;
    const waitMs = rate > 0 && missing > 0 ? Math.ceil((missing / rate) * 1000) : null;
    const budget = cost?.requestedQueryCost !== undefined ? ` (query cost ${cost.requestedQueryCost}, ${cost.throttleStatus?.currentlyAvailable ?? "?"} available, restoring ${rate}/s)` : "";
    return new CommerceError("throttled", {
      message: `Shopify (${host}) throttled the query: ${detail || "Throttled"}${budget}${waitMs !== null ? `; enough restored in ${waitMs} ms` : ""}`,
      userMessage: "Shopify is busy right now. Try again in a moment.",
      retryable: true,
      status,
      retryAfterMs: waitMs,
    });
  }
  if (codes.includes("INTERNAL_SERVER_ERROR")) {
    return new CommerceError("server_error", {
      message: `Shopify (${host}) failed: ${detail}`,
      userMessage: "Shopify is having trouble right now. Try again in a moment.",
      retryable: true,
      status,
    });
  }
  if (codes.includes("ACCESS_DENIED")) {
    return new CommerceError("forbidden", {
      message: `Shopify (${host}) denied access: ${detail}`,
      userMessage: MISSING_SCOPE_MESSAGE,
      retryable: false,
      status,
    });
  }
  return new CommerceError("graphql", {
    message: `Shopify (${host}) rejected the query: ${detail || "unknown GraphQL error"}`,
    userMessage: "Shopify rejected a request from Parley.",
    retryable: false,
    status,
  });
}
