/**
 * Which address a request came from, for per-address limits (sign-in, the public API).
 *
 * X-Forwarded-For is written by whoever sent the request, so it is only believed as far as the
 * deployment says proxies of its own stand in front of Parley (TRUST_PROXY, the number of them;
 * 0 by default). Parley's server (server/cli/start.ts) decides once per request, with
 * `stampClientAddress`, and replaces the header with that single address; everything after reads
 * it back with `clientIpOf`.
 */
import type { IncomingMessage, RequestListener } from "node:http";

/**
 * The client as the trusted proxies saw it. The chain is every X-Forwarded-For entry followed by
 * the socket's peer; each trusted proxy appended the address it was called from, so the client is
 * `trustedProxies` entries from the right. 0 trusted proxies: the socket's peer, whatever the
 * headers say. A chain shorter than the proxies claimed gives its leftmost entry.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: number): string {
  const peer = normalizeAddress(socketAddress ?? "") || "unknown";
  if (trustedProxies <= 0) return peer;
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((a) => normalizeAddress(a))
    .filter(Boolean);
  const chain = [...listed, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
}

/** "::ffff:203.0.113.5" → "203.0.113.5" (Node's dual-stack sockets), trimmed. */
function normalizeAddress(address: string): string {
  const a = address.trim();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice("::ffff:".length) : a;
}

/** Replaces the request's forwarding headers with the one address Parley believes. */
export function stampClientAddress(req: IncomingMessage, trustedProxies: number): void {
  req.headers["x-forwarded-for"] = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
  delete req.headers["x-real-ip"];
}

/** Wraps the server's request listener: every request is stamped before anything reads it. */
export function withClientAddress(trustedProxies: number, listener: RequestListener): RequestListener {
  return (req, res) => {
    stampClientAddress(req, trustedProxies);
    listener(req, res);
  };
}

/** The address `stampClientAddress` put on the request (one entry); "unknown" where nothing did. */
export function clientIpOf(header: (name: string) => string | null | undefined): string {
  return header("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
