/**
 * Issue 15, findings 1 and 3, through tRPC as Settings → Helpdesk calls it:
 * - a saved secret goes only to the address it was saved with: changing a connector's address with
 *   the secret left blank is refused (save and test), for every connector;
 * - the outbound address policy: loopback, private, link-local and internal addresses in any
 *   spelling are refused with a field error and nothing is sent; a brand sees the status and a
 *   generic reason, never the remote's body.
 * Loopback servers stand for the helpdesk ("A"), the attacker's listener ("B") and internal ports.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { resetEnvForTests } from "../env";
import { createBrand, createMember, createShopper } from "../testing/fixtures";
import { addFrontInbox, newNonconformingRequests, refusedUrl, startHelpdeskLoopback, type HelpdeskLoopback, type HelpdeskService } from "../testing/helpdesk-loopback";
import { createHandoffTicket } from "./create-handoff-ticket";
import { deliverHandoffAttempt } from "./deliver-handoff";
import { verifyParleyWebhook } from "./webhook-signature";

const db = getDb();
const loopbacks: HelpdeskLoopback[] = [];
afterAll(async () => {
  await Promise.all(loopbacks.map((l) => l.close()));
});
// Every request that reached a helpdesk is one its service documents (server/helpdesk/conformance).
afterEach(() => {
  expect(newNonconformingRequests(loopbacks)).toEqual([]);
});

async function loopback(service: HelpdeskService, opts: Parameters<typeof startHelpdeskLoopback>[1] = {}) {
  const l = await startHelpdeskLoopback(service, opts);
  loopbacks.push(l);
  return l;
}

async function signedInCaller() {
  const brand = await createBrand(db, { name: "Wren Outfitters" });
  return { brandId: brand.id, caller: createCaller(createApiContext(await createMember(db, brand.id))) };
}

/** The field errors of a refused call (tRPC puts the AppError in `cause`). */
async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => expect.unreachable("the call was not refused"),
    (e: unknown) => e as { code?: string; cause?: { fields?: Record<string, string> } },
  );
  expect(error.code).toBe("BAD_REQUEST");
  return error.cause?.fields ?? {};
}

const everyHeaderAndBody = (l: HelpdeskLoopback) => JSON.stringify(l.requests.map((r) => [r.headers, r.rawBody]));

type Case = {
  service: Exclude<HelpdeskService, "webhook">;
  config: (url: string) => Record<string, string>;
  secretField: string;
  secrets: Record<string, string>;
  auth: Parameters<typeof startHelpdeskLoopback>[1];
  label: string;
};
const TOKEN = "saved-token-7f3e9a1b";
const cases: Case[] = [
  { service: "zendesk", config: (url) => ({ baseUrl: url, email: "agent@wren.example" }), secretField: "apiToken", secrets: { apiToken: TOKEN }, auth: { auth: { basic: { user: "agent@wren.example/token", password: TOKEN } } }, label: "API token" },
  { service: "kustomer", config: (url) => ({ baseUrl: url }), secretField: "apiKey", secrets: { apiKey: TOKEN }, auth: { auth: { bearer: TOKEN } }, label: "API key" },
  { service: "front", config: (url) => ({ baseUrl: url, inboxId: "inb_sms1" }), secretField: "apiToken", secrets: { apiToken: TOKEN, appSecret: "front-app-secret-1234" }, auth: { auth: { bearer: TOKEN } }, label: "API token" },
  { service: "gorgias", config: (url) => ({ baseUrl: url, email: "ops@wren.example" }), secretField: "apiKey", secrets: { apiKey: TOKEN }, auth: { auth: { basic: { user: "ops@wren.example", password: TOKEN } } }, label: "API key" },
];

describe("finding 1: a saved secret goes only to the address it was saved with", () => {
  it("Zendesk: a new address with the token left blank is refused on save and on test; server B receives nothing", async () => {
    const a = await loopback("zendesk", { auth: { basic: { user: "agent@wren.example/token", password: TOKEN } } });
    const b = await loopback("zendesk");
    const { caller } = await signedInCaller();
    await caller.helpdesk.update({ kind: "zendesk", config: { baseUrl: a.url, email: "agent@wren.example" }, secrets: { apiToken: TOKEN } });

    // The attack: point the saved connector at B, keep the token ("leave blank to keep"), press test.
    const moved = { kind: "zendesk" as const, config: { baseUrl: b.url, email: "agent@wren.example" }, secrets: { apiToken: "" } };
    expect(await fieldErrorsOf(caller.helpdesk.update(moved))).toEqual({ apiToken: "Enter the API token again: it is only sent to the address it was saved with." });
    await caller.helpdesk.sendTest();
    // The same with the form's unsaved values.
    expect(await fieldErrorsOf(caller.helpdesk.sendTest(moved))).toEqual({ apiToken: "Enter the API token again: it is only sent to the address it was saved with." });

    expect(b.requests).toEqual([]);
    expect(a.requests.length).toBeGreaterThan(0);
    expect(a.requests.every((r) => r.authorized)).toBe(true);
    expect((await caller.helpdesk.get()).config.baseUrl).toBe(a.url);
  });

  it.each(cases)("$service: save and test refuse a moved address without the secret; with a new one typed, only the new one is sent", async ({ service, config, secretField, secrets, auth, label }) => {
    const a = await loopback(service, auth);
    const b = await loopback(service, { auth: { bearer: "new-token-for-b-5c2d" } });
    if (service === "front") addFrontInbox(a, "inb_sms1");
    const { caller } = await signedInCaller();
    await caller.helpdesk.update({ kind: service, config: config(a.url), secrets });
    const message = `Enter the ${label} again: it is only sent to the address it was saved with.`;

    // Blank secrets, new address: refused on save and on test.
    const moved = { kind: service, config: config(b.url), secrets: {} };
    expect(await fieldErrorsOf(caller.helpdesk.update(moved))).toEqual({ [secretField]: message });
    expect(await fieldErrorsOf(caller.helpdesk.sendTest(moved))).toEqual({ [secretField]: message });
    // The same address in another spelling (trailing slash) is the same address: the secret is kept.
    expect((await caller.helpdesk.update({ kind: service, config: config(`${a.url}/`), secrets: {} })).secrets[secretField]).toBe(`••••••••${TOKEN.slice(-4)}`);

    // A test of unsaved values with a new secret typed in sends that one, and never the saved one.
    const typed = { kind: service, config: config(b.url), secrets: { [secretField]: "new-token-for-b-5c2d" } };
    const result = await caller.helpdesk.sendTest(typed);
    expect(b.requests.length).toBeGreaterThan(0);
    expect(result.connector).toBe(service);
    expect(everyHeaderAndBody(b)).not.toContain(TOKEN);
    expect(everyHeaderAndBody(b)).not.toContain(Buffer.from(TOKEN).toString("base64").slice(0, 12));
    // Nothing was saved by the test.
    expect((await caller.helpdesk.get()).config.baseUrl).toBe(a.url);

    // Saving the new address with the new secret works; Front keeps its app secret, which never leaves Parley.
    const saved = await caller.helpdesk.update(typed);
    expect(saved.config.baseUrl).toBe(b.url);
    if (service === "front") expect(saved.secrets.appSecret).toBe("••••••••1234");
  });

  it("the generic webhook: a new URL gets a new signing secret, never the one saved for the old URL", async () => {
    const a = await loopback("webhook");
    const b = await loopback("webhook");
    const { caller } = await signedInCaller();
    await caller.helpdesk.update({ kind: "webhook", config: { url: `${a.url}/hooks` }, secrets: {} });
    const { signingSecret: old } = await caller.helpdesk.revealSigningSecret();
    const moved = { kind: "webhook" as const, config: { url: `${b.url}/hooks` }, secrets: {} };

    // A test to the unsaved new URL is signed, but not with the old URL's secret.
    await caller.helpdesk.sendTest(moved);
    expect(b.requests.length).toBeGreaterThan(0);
    for (const request of b.requests) {
      expect(verifyParleyWebhook(old, request.rawBody, request.headers["x-parley-signature"])).toBe(false);
      expect(everyHeaderAndBody(b)).not.toContain(old);
    }
    // Saving the new URL (another path on the same server counts too) creates a new secret.
    await caller.helpdesk.update(moved);
    const { signingSecret: atB } = await caller.helpdesk.revealSigningSecret();
    expect(atB).not.toBe(old);
    await caller.helpdesk.update({ kind: "webhook", config: { url: `${b.url}/other` }, secrets: {} });
    expect((await caller.helpdesk.revealSigningSecret()).signingSecret).not.toBe(atB);
    // A secret typed with the new URL is used as typed.
    const saved = await caller.helpdesk.update({ ...moved, secrets: { signingSecret: "whsec_a-brand-new-secret-for-b" } });
    expect(saved.secrets.signingSecret).toBe("••••••••or-b");
  });
});

describe("finding 3: the outbound address policy", () => {
  /** A listener standing for an internal service: it counts every connection, TLS or not. */
  let internal: net.Server;
  let port: number;
  let connections = 0;
  const savedAllowList = process.env.OUTBOUND_ALLOWED_HOSTS;

  beforeAll(async () => {
    internal = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
    port = (internal.address() as AddressInfo).port;
    // A deployment with nothing allow-listed (the test setup allows 127.0.0.1 for the loopback helpdesks).
    process.env.OUTBOUND_ALLOWED_HOSTS = "";
    resetEnvForTests();
  });
  afterAll(async () => {
    process.env.OUTBOUND_ALLOWED_HOSTS = savedAllowList;
    resetEnvForTests();
    await new Promise<void>((resolve) => internal.close(() => resolve()));
  });

  const spellings = (): [url: string, reason: string][] => [
    [`https://127.0.0.1:${port}`, "127.0.0.1 is a loopback address"],
    [`https://127.1:${port}`, "127.0.0.1 is a loopback address"],
    [`https://2130706433:${port}`, "127.0.0.1 is a loopback address"],
    [`https://0x7f000001:${port}`, "127.0.0.1 is a loopback address"],
    [`https://017700000001:${port}`, "127.0.0.1 is a loopback address"],
    [`https://[::1]:${port}`, "::1 is a loopback address"],
    [`https://[::ffff:127.0.0.1]:${port}`, "::ffff:7f00:1 is a loopback address"],
    [`https://[::ffff:7f00:1]:${port}`, "::ffff:7f00:1 is a loopback address"],
    [`https://0.0.0.0:${port}`, "0.0.0.0 is an unspecified address"],
    [`https://localhost:${port}`, "localhost is a name inside a private network"],
    [`https://parley.localhost:${port}`, "parley.localhost is a name inside a private network"],
    ["https://169.254.169.254", "169.254.169.254 is a link-local address"],
    ["https://metadata.google.internal", "metadata.google.internal is a name inside a private network"],
    ["https://10.0.0.1", "10.0.0.1 is a private address"],
    ["https://192.168.1.1", "192.168.1.1 is a private address"],
    ["https://172.16.0.1", "172.16.0.1 is a private address"],
    ["https://100.64.0.1", "100.64.0.1 is a shared (CGNAT) address"],
    ["https://[fd00::1]", "fd00::1 is a private address"],
    ["https://[fe80::1]", "fe80::1 is a link-local address"],
    ["https://224.0.0.251", "224.0.0.251 is a multicast address"],
  ];

  it("refuses every spelling of an internal address on save and on test, with a field error, and sends nothing", async () => {
    const { brandId, caller } = await signedInCaller();
    for (const [url, reason] of spellings()) {
      const expected = `Parley only calls public https addresses; ${reason}.`;
      const zendesk = { kind: "zendesk" as const, config: { baseUrl: url, email: "agent@wren.example" }, secrets: { apiToken: TOKEN } };
      expect(await fieldErrorsOf(caller.helpdesk.update(zendesk)), url).toEqual({ baseUrl: expected });
      expect(await fieldErrorsOf(caller.helpdesk.sendTest(zendesk)), url).toEqual({ baseUrl: expected });
      const webhook = { kind: "webhook" as const, config: { url: `${url}/hooks` }, secrets: {} };
      expect(await fieldErrorsOf(caller.helpdesk.update(webhook)), url).toEqual({ url: expected });
    }
    // Plain http is refused too (and only https is offered).
    expect(await fieldErrorsOf(caller.helpdesk.update({ kind: "webhook", config: { url: `http://127.0.0.1:${port}/hooks` }, secrets: {} }))).toEqual({
      url: `“http://127.0.0.1:${port}/hooks” isn’t an address Parley can call. Use an https:// address, e.g. https://support.example.com/parley/handoffs.`,
    });
    expect(connections).toBe(0);
    expect(await db.helpdeskConnection.findUnique({ where: { brandId } })).toBeNull();
    expect(await db.handoffDelivery.count({ where: { brandId } })).toBe(0);
  });

  it("a connection saved before (or while its host was allow-listed) is refused when called, before connecting", async () => {
    const { brandId, caller } = await signedInCaller();
    const saved = { kind: "webhook" as const, config: { url: `https://127.0.0.1:${port}/hooks` }, secrets: {} };
    process.env.OUTBOUND_ALLOWED_HOSTS = `127.0.0.1:${port}`;
    resetEnvForTests();
    await caller.helpdesk.update(saved);
    process.env.OUTBOUND_ALLOWED_HOSTS = "";
    resetEnvForTests();

    const test = await caller.helpdesk.sendTest();
    expect(test).toMatchObject({ outcome: "failed", httpStatus: null });
    expect(test.error).toBe("Parley only calls public https addresses; 127.0.0.1 is a loopback address. Change the address in Settings → Helpdesk.");

    const shopper = await createShopper(db, brandId);
    const conversation = await db.conversation.create({
      data: { brandId, profileId: shopper.id, status: "escalated", startedAt: new Date(), lastMessageAt: new Date(), windowEndsAt: new Date(Date.now() + 86_400_000), escalationReason: "shopper_requested" },
    });
    const ticket = await createHandoffTicket(db, { conversationId: conversation.id, reason: "shopper_requested" });
    // Not retryable: the address won't become allowed by waiting.
    expect(await deliverHandoffAttempt(db, ticket.id, { isLastAttempt: false })).toBe("fell_back");
    expect((await db.handoffTicket.findUniqueOrThrow({ where: { id: ticket.id } })).lastError).toContain("Parley only calls public https addresses");
    expect(connections).toBe(0);
  });
});

describe("finding 3: what a brand is told when a call fails", () => {
  it("the status and a generic reason, never the remote's body; a closed port reads like any other unreachable address", async () => {
    const hook = await loopback("webhook");
    const { caller } = await signedInCaller();
    await caller.helpdesk.update({ kind: "webhook", config: { url: `${hook.url}/hooks` }, secrets: {} });
    hook.failNext(500, 1, { body: { message: "SECRET-BODY: connect ECONNREFUSED 10.0.0.5:5432 (postgres password hunter2)" } });
    const failed = await caller.helpdesk.sendTest();
    expect(failed).toEqual({ outcome: "failed", connector: "webhook", httpStatus: 500, externalId: null, error: "The webhook answered 500 Internal Server Error." });
    const log = await caller.helpdesk.deliveries({ page: 1, pageSize: 5 });
    expect(JSON.stringify(log)).not.toContain("SECRET-BODY");

    const closed = await refusedUrl();
    await caller.helpdesk.update({ kind: "webhook", config: { url: `${closed}/hooks` }, secrets: {} }).catch(() => undefined);
    // A new URL needs the signing secret again: type one.
    await caller.helpdesk.update({ kind: "webhook", config: { url: `${closed}/hooks` }, secrets: { signingSecret: "whsec_closed-port-secret-123" } });
    const unreachable = await caller.helpdesk.sendTest();
    expect(unreachable.error).toBe(`Couldn’t reach the webhook at ${closed}. Check the address in Settings → Helpdesk; Parley tries again.`);
    expect(unreachable.error).not.toMatch(/ECONNREFUSED|refused|timed? ?out/i);
  });
});
