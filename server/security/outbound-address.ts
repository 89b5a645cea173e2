/**
 * The outbound address policy: Parley calls addresses a brand typed in (helpdesk URLs, a shop
 * domain) only when they are public https addresses, so a setting can't aim the server at itself,
 * its network or a cloud metadata service (SSRF). Refused: loopback, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), CGNAT (100.64/10), multicast,
 * unspecified, broadcast and other reserved ranges, IPv6 forms that carry one of those IPv4
 * addresses, and names that only mean something inside a network (localhost, *.internal…).
 * Every numeric spelling (127.1, 2130706433, 0x7f000001, [::ffff:7f00:1]) is one address once the
 * URL parser has read it, and names are checked by what they resolve to: when saving a setting,
 * and again when connecting (./outbound-fetch.ts), so a name that re-resolves (DNS rebinding)
 * can't pass. Hosts in OUTBOUND_ALLOWED_HOSTS skip the checks and may use http.
 */
import dns from "node:dns";
import net from "node:net";
import { isAllowListed, type AllowedHost } from "./outbound-allow-list";

export type ResolvedAddress = { address: string; family: number };
/** Every address a name resolves to (the seam tests use to play a rebinding DNS server). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const resolveWithSystemDns: Resolve = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export type OutboundPolicy = { allowedHosts: readonly AllowedHost[]; resolve: Resolve };

/** What kind of address this is; only "public" may be called. */
export type AddressKind = "public" | "loopback" | "private" | "link-local" | "shared (CGNAT)" | "multicast" | "unspecified" | "broadcast" | "reserved";

type Range4 = [base: number, bits: number, kind: AddressKind];

const v4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

// IANA's special-purpose registry, as far as it matters for "may a brand's setting reach it".
const IPV4_RANGES: Range4[] = [
  [v4(0, 0, 0, 0), 32, "unspecified"],
  [v4(0, 0, 0, 0), 8, "reserved"],
  [v4(10, 0, 0, 0), 8, "private"],
  [v4(100, 64, 0, 0), 10, "shared (CGNAT)"],
  [v4(127, 0, 0, 0), 8, "loopback"],
  [v4(169, 254, 0, 0), 16, "link-local"],
  [v4(172, 16, 0, 0), 12, "private"],
  [v4(192, 0, 0, 0), 24, "reserved"],
  [v4(192, 0, 2, 0), 24, "reserved"],
  [v4(192, 88, 99, 0), 24, "reserved"],
  [v4(192, 168, 0, 0), 16, "private"],
  [v4(198, 18, 0, 0), 15, "reserved"],
  [v4(198, 51, 100, 0), 24, "reserved"],
  [v4(203, 0, 113, 0), 24, "reserved"],
  [v4(224, 0, 0, 0), 4, "multicast"],
  [v4(255, 255, 255, 255), 32, "broadcast"],
  [v4(240, 0, 0, 0), 4, "reserved"],
];

function inRange(value: number, base: number, bits: number): boolean {
  if (bits === 0) return true;
  const mask = bits === 32 ? 0xffffffff : (~0 << (32 - bits)) >>> 0;
  return ((value & mask) >>> 0) === ((base & mask) >>> 0);
}

function kindOfIpv4(text: string): AddressKind {
  const parts = text.split(".").map(Number);
  const value = v4(parts[0]!, parts[1]!, parts[2]!, parts[3]!);
  return IPV4_RANGES.find(([base, bits]) => inRange(value, base, bits))?.[2] ?? "public";
}

/** The eight 16-bit groups of an IPv6 address (net.isIP has accepted it). */
function ipv6Groups(text: string): number[] {
  let address = text.replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    address = `${address.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = address.includes("::") ? address.split("::") : [address, undefined];
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const front = parse(head);
  const back = parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

const ipv4Of = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

function kindOfIpv6(text: string): AddressKind {
  const g = ipv6Groups(text);
  const isZero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (isZero(0, 8)) return "unspecified";
  if (isZero(0, 7) && g[7] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach an IPv4 address.
  if (isZero(0, 5) && (g[5] === 0xffff || g[5] === 0)) return kindOfIpv4(ipv4Of(g[6]!, g[7]!));
  if (g[0] === 0x64 && g[1] === 0xff9b && isZero(2, 6)) return kindOfIpv4(ipv4Of(g[6]!, g[7]!));
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return "private";
  if ((first & 0xffc0) === 0xfe80) return "link-local";
  if ((first & 0xff00) === 0xff00) return "multicast";
  // Global unicast is 2000::/3; within it Teredo (2001::/32), documentation (2001:db8::/32) and
  // 6to4 (2002::/16, which tunnels to an IPv4 address) are not destinations a helpdesk lives at.
  if ((first & 0xe000) !== 0x2000) return "reserved";
  if (first === 0x2001 && (g[1] === 0 || g[1] === 0xdb8)) return "reserved";
  if (first === 0x2002) return "reserved";
  return "public";
}

/** The kind of an IP address in any text form Node accepts; null when `text` is not an IP address. */
export function addressKind(text: string): AddressKind | null {
  const bare = text.replace(/^\[|\]$/g, "");
  switch (net.isIP(bare.replace(/%.*$/, ""))) {
    case 4:
      return kindOfIpv4(bare);
    case 6:
      return kindOfIpv6(bare);
    default:
      return null;
  }
}

// Names that only mean something inside one machine or network (RFC 6761, 6762, 8375; cloud metadata).
const INTERNAL_SUFFIXES = ["localhost", "local", "internal", "intranet", "lan", "home.arpa", "localdomain"];

function isInternalName(hostname: string): boolean {
  if (!hostname.includes(".")) return true;
  return INTERNAL_SUFFIXES.some((suffix) => hostname === suffix || hostname.endsWith(`.${suffix}`));
}

const article = (kind: AddressKind) => (/^[aeiou]/.test(kind) ? "an" : "a");
const describe = (kind: AddressKind) => `${article(kind)} ${kind} address`;

const POLICY_LEAD = "Parley only calls public https addresses";

/** Why Parley won't call this resolved address, or null when it may. */
export function refusedAddressReason(hostname: string, address: string): string | null {
  const kind = addressKind(address);
  if (kind === "public") return null;
  const what = kind ? describe(kind) : "an address Parley can’t check";
  return `${POLICY_LEAD}; ${hostname} resolves to ${what}.`;
}

/**
 * The checks that need no DNS: the scheme, IP literals and internal names. Null when the URL may
 * be called as far as can be told without resolving it (allow-listed hosts always may).
 */
export function outboundUrlProblem(url: URL, allowedHosts: readonly AllowedHost[]): string | null {
  if (isAllowListed(url, allowedHosts)) return url.protocol === "https:" || url.protocol === "http:" ? null : `${POLICY_LEAD}; use an https:// address.`;
  if (url.protocol !== "https:") return `${POLICY_LEAD}; use an https:// address.`;
  const hostname = url.hostname.toLowerCase().replace(/\.+$/, "");
  const kind = addressKind(hostname);
  if (kind) return kind === "public" ? null : `${POLICY_LEAD}; ${hostname.replace(/^\[|\]$/g, "")} is ${describe(kind)}.`;
  if (isInternalName(hostname)) return `${POLICY_LEAD}; ${hostname} is a name inside a private network.`;
  return null;
}

/**
 * The whole check, for saving a setting: the URL's own problems, then every address its name
 * resolves to. A name that doesn't resolve now is accepted (DNS may be down, or not set up yet):
 * each call checks again when it connects.
 */
export async function checkOutboundUrl(url: URL, policy: OutboundPolicy): Promise<string | null> {
  const problem = outboundUrlProblem(url, policy.allowedHosts);
  if (problem || isAllowListed(url, policy.allowedHosts) || addressKind(url.hostname)) return problem;
  let addresses: ResolvedAddress[];
  try {
    addresses = await policy.resolve(url.hostname);
  } catch {
    return null;
  }
  for (const { address } of addresses) {
    const refused = refusedAddressReason(url.hostname, address);
    if (refused) return refused;
  }
  return null;
}
