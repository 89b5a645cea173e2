/**
 * OUTBOUND_ALLOWED_HOSTS: the hosts an operator lets Parley call although the outbound address
 * policy would refuse them (tests' loopback servers, an on-premise helpdesk on a private network).
 * A comma-separated list of `host` or `host:port`; a host is a DNS name, an IPv4 address or an
 * IPv6 address in brackets: `127.0.0.1:4567, helpdesk.internal, [::1]`. Without a port every port
 * of that host is allowed. Pure (no imports of ours): server/env.ts validates the setting with it.
 */

export type AllowedHost = {
  /** As the WHATWG URL parser writes it: lower case, IPv4 in dotted decimal, IPv6 in brackets. */
  hostname: string;
  /** null: any port. */
  port: number | null;
};

const ENTRY = /^(\[[0-9A-Fa-f:.]+\]|[^\s:/\\[\]@?#]+)(?::(\d{1,5}))?$/;

/** The hostname the URL parser makes of `host` (so `127.1` and `127.0.0.1` are one), or null. */
function canonicalHostname(host: string): string | null {
  try {
    const url = new URL(`http://${host}/`);
    return url.hostname.replace(/\.+$/, "");
  } catch {
    return null;
  }
}

/** The entries of the setting, or the first entry that is not a host or host:port. */
export function parseAllowedHosts(text: string): { hosts: AllowedHost[] } | { invalid: string } {
  const hosts: AllowedHost[] = [];
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const match = ENTRY.exec(entry);
    const hostname = match ? canonicalHostname(match[1]!) : null;
    const port = match?.[2] === undefined ? null : Number(match[2]);
    if (!match || !hostname || (port !== null && (port < 1 || port > 65535))) return { invalid: entry };
    hosts.push({ hostname, port });
  }
  return { hosts };
}

/** The port a URL connects to: its own, or its scheme's default. */
export function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

export function isAllowListed(url: URL, allowed: readonly AllowedHost[]): boolean {
  const hostname = url.hostname.toLowerCase().replace(/\.+$/, "");
  const port = effectivePort(url);
  return allowed.some((entry) => entry.hostname === hostname && (entry.port === null || entry.port === port));
}
