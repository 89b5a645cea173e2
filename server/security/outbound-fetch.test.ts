import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkOutboundUrl, type OutboundPolicy, type Resolve } from "./outbound-address";
import { OutboundError, outboundFetch } from "./outbound-fetch";

/** A TCP listener on loopback that counts connections and answers each with a fixed HTTP response. */
let server: net.Server;
let port: number;
let connections = 0;
let answer = "HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok";
let isSilent = false;

beforeAll(async () => {
  server = net.createServer((socket) => {
    connections++;
    socket.on("error", () => undefined);
    socket.once("data", () => {
      if (!isSilent) socket.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  connections = 0;
  isSilent = false;
  answer = "HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok";
});

/** A rebinding DNS server: a public address for the first question, loopback after that. */
function rebindingDns(): Resolve & { questions: number } {
  const resolve = Object.assign(
    async () => {
      resolve.questions++;
      return [{ address: resolve.questions === 1 ? "93.184.215.14" : "127.0.0.1", family: 4 }];
    },
    { questions: 0 },
  );
  return resolve;
}

const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("the call went through"), (error: unknown) => error as OutboundError);

describe("outboundFetch", () => {
  it("re-checks at connect time: a name that answered a public address, then loopback (DNS rebinding), never connects", async () => {
    const resolve = rebindingDns();
    const policy: OutboundPolicy = { allowedHosts: [], resolve };
    const url = new URL(`https://rebind.example.com:${port}/api/v2/tickets`);
    expect(await checkOutboundUrl(url, policy)).toBeNull();

    const error = await failure(outboundFetch(url, { method: "POST", body: "{}", headers: { authorization: "Basic c2VjcmV0" } }, policy));
    expect(error).toBeInstanceOf(OutboundError);
    expect(error).toMatchObject({ failure: "address_refused", message: "Parley only calls public https addresses; rebind.example.com resolves to a loopback address." });
    expect(resolve.questions).toBe(2);
    expect(connections).toBe(0);
  });

  it("refuses when any of a name's addresses is not public", async () => {
    const resolve: Resolve = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "::ffff:127.0.0.1", family: 6 },
    ];
    const error = await failure(outboundFetch(`https://two.example.com:${port}/`, { method: "GET" }, { allowedHosts: [], resolve }));
    expect(error).toMatchObject({ failure: "address_refused", message: expect.stringContaining("two.example.com resolves to a loopback address") });
    expect(connections).toBe(0);
  });

  it("refuses IP literals before connecting, in any spelling", async () => {
    const resolve: Resolve = async () => expect.unreachable("an IP literal is not looked up");
    for (const host of ["127.0.0.1", "127.1", "2130706433", "0x7f000001", "017700000001", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]"]) {
      const error = await failure(outboundFetch(`https://${host}:${port}/`, { method: "GET" }, { allowedHosts: [], resolve }));
      expect(error).toMatchObject({ failure: "address_refused", message: expect.stringContaining("is a loopback address") });
    }
    expect(connections).toBe(0);
  });

  it("calls an allow-listed host, over http too (the listener above really answers)", async () => {
    const res = await outboundFetch(`http://127.0.0.1:${port}/`, { method: "GET" }, { allowedHosts: [{ hostname: "127.0.0.1", port }], resolve: rebindingDns() });
    expect(res).toMatchObject({ status: 200, statusText: "OK", text: "ok" });
    expect(connections).toBe(1);
  });

  it("gives the standard reason phrase, not the remote's", async () => {
    answer = "HTTP/1.1 500 SECRET-REASON\r\ncontent-length: 11\r\nconnection: close\r\n\r\nSECRET-BODY";
    const res = await outboundFetch(`http://127.0.0.1:${port}/`, { method: "GET" }, { allowedHosts: [{ hostname: "127.0.0.1", port: null }], resolve: rebindingDns() });
    expect(res.status).toBe(500);
    expect(res.statusText).toBe("Internal Server Error");
  });

  it("says the same to people whether the port is closed or the call timed out; the detail is for the log", async () => {
    const policy: OutboundPolicy = { allowedHosts: [{ hostname: "127.0.0.1", port: null }], resolve: rebindingDns() };
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const refused = await failure(outboundFetch(`http://127.0.0.1:${closedPort}/`, { method: "GET" }, policy));
    isSilent = true;
    const timedOut = await failure(outboundFetch(`http://127.0.0.1:${port}/`, { method: "GET", signal: AbortSignal.timeout(200) }, policy));
    expect(refused).toMatchObject({ failure: "unreachable", detail: "ECONNREFUSED" });
    expect(timedOut).toMatchObject({ failure: "unreachable", detail: "timeout", isTimeout: true });
    expect(refused.message).toBe(timedOut.message);
    expect(refused.userReason).toBe(timedOut.userReason);
  });

  it("stops reading an answer past its size limit", async () => {
    answer = `HTTP/1.1 200 OK\r\ncontent-length: 5000\r\nconnection: close\r\n\r\n${"x".repeat(5000)}`;
    const error = await failure(outboundFetch(`http://127.0.0.1:${port}/`, { method: "GET", maxBodyBytes: 1000 }, { allowedHosts: [{ hostname: "127.0.0.1", port: null }], resolve: rebindingDns() }));
    expect(error).toMatchObject({ failure: "unreachable" });
  });
});
