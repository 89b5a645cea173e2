import { describe, expect, it } from "vitest";
import { checkOutboundUrl, outboundUrlProblem, type Resolve } from "./outbound-address";
import { parseAllowedHosts, type AllowedHost } from "./outbound-allow-list";

const allowed = (text: string): AllowedHost[] => {
  const parsed = parseAllowedHosts(text);
  if (!("hosts" in parsed)) throw new Error(`bad list ${text}`);
  return parsed.hosts;
};

/** A DNS that knows a few names; anything else doesn't resolve. */
const fakeDns: Resolve = async (hostname) => {
  const answers: Record<string, string[]> = {
    "acme.zendesk.com": ["104.16.51.111"],
    "v6.example.com": ["2606:4700::6810:336f"],
    "sneaky.example.com": ["127.0.0.1"],
    "half.example.com": ["104.16.51.111", "10.1.2.3"],
    "meta.example.com": ["169.254.169.254"],
    "mapped.example.com": ["::ffff:192.168.0.10"],
  };
  const found = answers[hostname];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

const check = (url: string, allowedHosts: AllowedHost[] = []) => checkOutboundUrl(new URL(url), { allowedHosts, resolve: fakeDns });

describe("the outbound address policy", () => {
  const refused: [url: string, reason: string][] = [
    // Loopback in every spelling the URL parser accepts.
    ["https://127.0.0.1/", "127.0.0.1 is a loopback address"],
    ["https://127.1/", "127.0.0.1 is a loopback address"],
    ["https://2130706433/", "127.0.0.1 is a loopback address"],
    ["https://0x7f000001/", "127.0.0.1 is a loopback address"],
    ["https://017700000001/", "127.0.0.1 is a loopback address"],
    ["https://0x7f.1/", "127.0.0.1 is a loopback address"],
    ["https://127.255.255.254:8443/", "127.255.255.254 is a loopback address"],
    ["https://[::1]/", "::1 is a loopback address"],
    ["https://[0:0:0:0:0:0:0:1]/", "::1 is a loopback address"],
    ["https://[::ffff:127.0.0.1]/", "::ffff:7f00:1 is a loopback address"],
    ["https://[::ffff:7f00:1]/", "::ffff:7f00:1 is a loopback address"],
    ["https://[::127.0.0.1]/", "::7f00:1 is a loopback address"],
    ["https://[64:ff9b::127.0.0.1]/", "64:ff9b::7f00:1 is a loopback address"],
    // Private, link-local, CGNAT, multicast, unspecified, broadcast, reserved.
    ["https://10.0.0.1/", "10.0.0.1 is a private address"],
    ["https://172.16.5.4/", "172.16.5.4 is a private address"],
    ["https://172.31.255.255/", "172.31.255.255 is a private address"],
    ["https://192.168.1.1/", "192.168.1.1 is a private address"],
    ["https://[fc00::1]/", "fc00::1 is a private address"],
    ["https://[fd12:3456::1]/", "fd12:3456::1 is a private address"],
    ["https://[::ffff:10.0.0.1]/", "::ffff:a00:1 is a private address"],
    ["https://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"],
    ["https://[fe80::1]/", "fe80::1 is a link-local address"],
    ["https://[::ffff:169.254.169.254]/", "::ffff:a9fe:a9fe is a link-local address"],
    ["https://100.64.0.1/", "100.64.0.1 is a shared (CGNAT) address"],
    ["https://100.127.255.254/", "100.127.255.254 is a shared (CGNAT) address"],
    ["https://224.0.0.1/", "224.0.0.1 is a multicast address"],
    ["https://[ff02::1]/", "ff02::1 is a multicast address"],
    ["https://0.0.0.0/", "0.0.0.0 is an unspecified address"],
    ["https://0/", "0.0.0.0 is an unspecified address"],
    ["https://[::]/", ":: is an unspecified address"],
    ["https://255.255.255.255/", "255.255.255.255 is a broadcast address"],
    ["https://0.1.2.3/", "0.1.2.3 is a reserved address"],
    ["https://240.0.0.1/", "240.0.0.1 is a reserved address"],
    ["https://192.0.2.10/", "192.0.2.10 is a reserved address"],
    ["https://[2001:db8::1]/", "2001:db8::1 is a reserved address"],
    ["https://[2002:7f00:1::]/", "2002:7f00:1:: is a reserved address"],
    // Names that only mean something inside a network.
    ["https://localhost/", "localhost is a name inside a private network"],
    ["https://LOCALHOST./", "localhost is a name inside a private network"],
    ["https://api.localhost/", "api.localhost is a name inside a private network"],
    ["https://metadata.google.internal/computeMetadata/v1/", "metadata.google.internal is a name inside a private network"],
    ["https://metadata/", "metadata is a name inside a private network"],
    ["https://printer.local/", "printer.local is a name inside a private network"],
    ["https://router.home.arpa/", "router.home.arpa is a name inside a private network"],
    // Names checked by what they resolve to.
    ["https://sneaky.example.com/", "sneaky.example.com resolves to a loopback address"],
    ["https://half.example.com/", "half.example.com resolves to a private address"],
    ["https://meta.example.com/", "meta.example.com resolves to a link-local address"],
    ["https://mapped.example.com/", "mapped.example.com resolves to a private address"],
    // Only https.
    ["http://acme.zendesk.com/", "use an https:// address"],
    ["ftp://acme.zendesk.com/", "use an https:// address"],
  ];

  it.each(refused)("refuses %s", async (url, reason) => {
    const problem = await check(url);
    expect(problem).toMatch(/^Parley only calls public https addresses; /);
    expect(problem).toContain(reason);
  });

  const accepted = [
    "https://acme.zendesk.com/",
    "https://v6.example.com/",
    "https://8.8.8.8/",
    "https://1.1.1.1:8443/path",
    "https://172.32.0.1/",
    "https://100.128.0.1/",
    "https://[2606:4700::6810:336f]/",
    "https://[::ffff:8.8.8.8]/",
    // Not resolvable now: accepted at save, checked again when connecting.
    "https://not-yet.example.com/",
  ];
  it.each(accepted)("accepts %s", async (url) => {
    expect(await check(url)).toBeNull();
  });

  it("lets the operator's allow-list through, http included, by host or host:port", async () => {
    expect(await check("http://127.0.0.1:4567/hook", allowed("127.0.0.1:4567"))).toBeNull();
    expect(await check("http://127.1:4567/hook", allowed("127.0.0.1:4567"))).toBeNull();
    expect(await check("http://127.0.0.1:4568/hook", allowed("127.0.0.1:4567"))).toContain("use an https:// address");
    expect(await check("https://127.0.0.1:4568/hook", allowed("127.0.0.1:4567"))).toContain("127.0.0.1 is a loopback address");
    expect(await check("https://helpdesk.internal/", allowed("helpdesk.internal"))).toBeNull();
    expect(await check("https://helpdesk.internal:8443/", allowed("helpdesk.internal:443"))).toContain("is a name inside a private network");
    expect(await check("https://sneaky.example.com/", allowed("sneaky.example.com"))).toBeNull();
    expect(await check("http://[::1]:8080/", allowed("[::1]"))).toBeNull();
    expect(await check("ftp://127.0.0.1/", allowed("127.0.0.1"))).toContain("use an https:// address");
  });

  it("needs no DNS for what the address itself shows", () => {
    expect(outboundUrlProblem(new URL("https://2130706433/"), [])).toContain("loopback");
    expect(outboundUrlProblem(new URL("https://acme.zendesk.com/"), [])).toBeNull();
  });
});
