import { describe, expect, it } from "vitest";
import { clientAddressOf } from "./client-ip";

describe("the address a request came from", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("198.51.100.9", "203.0.113.1", 0)).toBe("198.51.100.9");
    expect(clientAddressOf("::ffff:198.51.100.9", ["1.2.3.4", "5.6.7.8"], 0)).toBe("198.51.100.9");
    expect(clientAddressOf(undefined, undefined, 0)).toBe("unknown");
  });

  it("counts trusted proxies from the right of the chain, so an entry the client wrote is never picked", () => {
    // The client forged "1.1.1.1"; the one trusted proxy (10.0.0.2, the peer) appended the real client.
    expect(clientAddressOf("10.0.0.2", "1.1.1.1, 203.0.113.7", 1)).toBe("203.0.113.7");
    // Two proxies: CDN appended the client, the load balancer (peer) appended the CDN.
    expect(clientAddressOf("10.0.0.2", "1.1.1.1, 203.0.113.7, 192.0.2.50", 2)).toBe("203.0.113.7");
    // Fewer entries than proxies claimed: the leftmost one.
    expect(clientAddressOf("10.0.0.2", undefined, 3)).toBe("10.0.0.2");
  });
});
