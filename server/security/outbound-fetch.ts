/**
 * The one way server code calls an address a brand typed in (helpdesks, the generic webhook, a
 * shop domain): node's http(s) with a `lookup` that resolves the name, checks every answer
 * against the outbound address policy and hands the socket only checked addresses, so the address
 * connected to is the one checked (no DNS rebinding between a check and the call). IP literals are
 * checked before connecting (node doesn't look them up). Redirects are not followed; answers are
 * read up to a size limit. Failures are OutboundErrors whose message never carries the remote's
 * words, and a refused connection reads the same as a timeout (no port scanning through it).
 */
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { env } from "../env";
import { outboundUrlProblem, refusedAddressReason, resolveWithSystemDns, type OutboundPolicy, type ResolvedAddress } from "./outbound-address";
import { isAllowListed } from "./outbound-allow-list";

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export type OutboundRequest = {
  method: string;
  headers?: Record<string, string>;
  body?: string;
  /** Ends the call (the caller's timeout). */
  signal?: AbortSignal;
  /** Longest answer read; a longer one fails the call. Default 1 MB. */
  maxBodyBytes?: number;
};

export type OutboundResponse = {
  status: number;
  /** The standard phrase for the status (never the remote's own words). */
  statusText: string;
  headers: { get(name: string): string | null };
  text: string;
};

export type OutboundFailure =
  /** The address policy refused the address (before connecting, or at connect time). */
  | "address_refused"
  /** No connection, no answer in time, a broken connection, an answer too large: "could not reach". */
  | "unreachable";

export class OutboundError extends Error {
  readonly failure: OutboundFailure;
  /** For people: the policy's words for a refused address; a generic sentence otherwise. */
  readonly userReason: string;
  /** For the server log: what happened on the wire (e.g. ECONNREFUSED), never shown to a brand. */
  readonly detail: string;
  readonly isTimeout: boolean;

  constructor(failure: OutboundFailure, opts: { userReason: string; detail: string; isTimeout?: boolean; cause?: unknown }) {
    super(opts.userReason, { cause: opts.cause });
    this.name = "OutboundError";
    this.failure = failure;
    this.userReason = opts.userReason;
    this.detail = opts.detail;
    this.isTimeout = opts.isTimeout ?? false;
  }
}

const UNREACHABLE = "Parley could not reach it";

/** This deployment's policy: OUTBOUND_ALLOWED_HOSTS and the system's DNS. */
export function outboundPolicy(): OutboundPolicy {
  return { allowedHosts: env().OUTBOUND_ALLOWED_HOSTS, resolve: resolveWithSystemDns };
}

class RefusedAtConnect extends Error {}

/** A `lookup` for node's sockets that answers only with addresses the policy allows. */
function checkedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const answer = (error: NodeJS.ErrnoException | null, addresses: ResolvedAddress[]) => {
      if (error) return (callback as (e: NodeJS.ErrnoException) => void)(error);
      if (options.all) return (callback as (e: null, a: ResolvedAddress[]) => void)(null, addresses);
      return (callback as (e: null, a: string, f: number) => void)(null, addresses[0]!.address, addresses[0]!.family);
    };
    policy.resolve(hostname).then(
      (all) => {
        const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (!wanted.length) return answer(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), []);
        for (const { address } of wanted) {
          const refused = refusedAddressReason(hostname, address);
          if (refused) return answer(new RefusedAtConnect(refused), []);
        }
        answer(null, wanted);
      },
      (error: NodeJS.ErrnoException) => answer(error, []),
    );
  };
}

/**
 * One request to `url` under the outbound address policy (`policy` defaults to this deployment's).
 * Answers whatever status the remote sent; throws OutboundError when there is no answer to give.
 */
export async function outboundFetch(url: string | URL, init: OutboundRequest, policy: OutboundPolicy = outboundPolicy()): Promise<OutboundResponse> {
  const target = new URL(url);
  const problem = outboundUrlProblem(target, policy.allowedHosts);
  if (problem) throw new OutboundError("address_refused", { userReason: problem, detail: `refused before connecting: ${target.host}` });
  const isTrusted = isAllowListed(target, policy.allowedHosts);
  const transport = target.protocol === "https:" ? https : http;
  const maxBodyBytes = init.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  return new Promise<OutboundResponse>((resolve, reject) => {
    let isSettled = false;
    const fail = (error: unknown) => {
      if (isSettled) return;
      isSettled = true;
      reject(asOutboundError(error, init.signal));
    };
    if (init.signal?.aborted) return fail(init.signal.reason);
    const req = transport.request(
      target,
      {
        method: init.method,
        headers: { ...init.headers, ...(init.body !== undefined ? { "content-length": String(Buffer.byteLength(init.body)) } : {}) },
        // Allow-listed hosts are the operator's own: the system resolver answers for them.
        ...(isTrusted ? {} : { lookup: checkedLookup(policy) }),
        agent: false,
        signal: init.signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBodyBytes) {
            res.destroy();
            fail(new Error(`answer larger than ${maxBodyBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on("error", fail);
        res.on("end", () => {
          if (isSettled) return;
          isSettled = true;
          const status = res.statusCode ?? 0;
          resolve({
            status,
            statusText: http.STATUS_CODES[status] ?? "",
            headers: { get: (name) => headerValue(res.headers[name.toLowerCase()]) },
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    req.on("error", fail);
    req.end(init.body);
  });
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

function asOutboundError(error: unknown, signal: AbortSignal | undefined): OutboundError {
  if (error instanceof OutboundError) return error;
  if (error instanceof RefusedAtConnect) return new OutboundError("address_refused", { userReason: error.message, detail: `refused at connect: ${error.message}`, cause: error });
  const isTimeout = Boolean(signal?.aborted) && (signal?.reason as Error | undefined)?.name === "TimeoutError";
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = isTimeout ? "timeout" : (code ?? (error instanceof Error ? error.message : String(error)));
  return new OutboundError("unreachable", { userReason: UNREACHABLE, detail, isTimeout, cause: error });
}
