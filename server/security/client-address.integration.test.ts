/**
 * Which address a sign-in counts against, through HTTP: a server built like `npm start`'s
 * (withClientAddress in front of the handler) passing each request to next-auth's own handler.
 * A client picks its real source address (127.0.0.x on loopback) and writes whatever
 * X-Forwarded-For it likes.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { createBrand, createMember } from "../testing/fixtures";
import { signInOverHttp } from "../testing/next-auth-http";
import { clientIpOf, withClientAddress } from "./client-ip";

type SignInAttempt = Awaited<ReturnType<typeof signInOverHttp>>;
type Server = { url: string; close: () => Promise<void> };

/** The server: stamps the address, then signs in with the request's JSON and the stamped headers. */
async function startServer(trustedProxies: number): Promise<Server> {
  const server = http.createServer(
    withClientAddress(trustedProxies, (req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", async () => {
        const { email, password } = JSON.parse(body) as { email: string; password: string };
        const attempt = await signInOverHttp(new Map(), email, password, clientIpOf((name) => req.headers[name] as string | undefined));
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(attempt));
      });
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** POST from a chosen loopback source address with chosen headers. */
function signInFrom(server: Server, from: string, body: { email: string; password: string }, headers: Record<string, string> = {}): Promise<SignInAttempt> {
  return new Promise((resolve, reject) => {
    const req = http.request(server.url, { method: "POST", localAddress: from, headers: { "content-type": "application/json", ...headers } }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve(JSON.parse(text) as SignInAttempt));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

let email: string;
beforeAll(async () => {
  ({ email } = await createMember(getDb(), (await createBrand(getDb())).id));
});

describe("without TRUST_PROXY, X-Forwarded-For is not believed", () => {
  let server: Server;
  beforeAll(async () => (server = await startServer(0)));
  afterAll(() => server.close());

  it("20 wrong passwords under rotating forged addresses lock out only the guessing address, not the account", async () => {
    const outcomes: (string | null)[] = [];
    for (let i = 0; i < 20; i++) outcomes.push((await signInFrom(server, "127.0.0.3", { email, password: "guess" }, { "x-forwarded-for": `203.0.113.${i}` })).error);
    // The forged addresses changed nothing: the sixth try from the same socket is refused.
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("CredentialsSignin"));
    expect(outcomes.slice(5).every((e) => e?.startsWith("TooManyAttempts:"))).toBe(true);
    // The account's owner, from their own address, still signs in.
    expect(await signInFrom(server, "127.0.0.4", { email, password: "correct-horse" })).toMatchObject({ isSignedIn: true, error: null });
  });

  it("a client trying many emails can't escape the per-address limit by forging the header", async () => {
    const errors: (string | null)[] = [];
    for (let i = 0; i < 51; i++) {
      errors.push((await signInFrom(server, "127.0.0.5", { email: `nobody-${i}@test.dev`, password: "x" }, { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `192.0.2.${i}` })).error);
    }
    expect(errors.slice(0, 50).every((e) => e === "CredentialsSignin")).toBe(true);
    expect(errors[50]).toMatch(/^TooManyAttempts:/);
  });
});

describe("with TRUST_PROXY=1, the address the proxy appended is believed, never one the client wrote", () => {
  let server: Server;
  beforeAll(async () => (server = await startServer(1)));
  afterAll(() => server.close());

  it("counts per real client behind the proxy", async () => {
    // The proxy (127.0.0.6) appends the client's address to whatever the client sent.
    const viaProxy = (client: string, forged?: string) => ({ "x-forwarded-for": forged ? `${forged}, ${client}` : client });
    for (let i = 0; i < 5; i++) await signInFrom(server, "127.0.0.6", { email, password: "guess" }, viaProxy("203.0.113.80", `10.9.9.${i}`));
    expect((await signInFrom(server, "127.0.0.6", { email, password: "correct-horse" }, viaProxy("203.0.113.80", "10.9.9.99"))).error).toMatch(/^TooManyAttempts:/);
    // Another client behind the same proxy is someone else.
    expect(await signInFrom(server, "127.0.0.6", { email, password: "correct-horse" }, viaProxy("203.0.113.81"))).toMatchObject({ isSignedIn: true });
  });
});
