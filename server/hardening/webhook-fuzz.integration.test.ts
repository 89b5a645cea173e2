/**
 * Every public webhook route, called through its exported POST with hostile requests: random
 * bytes, broken percent-encoding, bodies past the limit (up to several MB), bad UTF-8, missing,
 * duplicated and empty fields, wrong content types, wrong / missing / another brand's signatures,
 * and correctly signed requests whose fields are malformed. Every answer must be a 2xx or a 4xx
 * with a JSON reason, never a 5xx, and a refused request must leave every table's row count as it was.
 *
 * Seeded: FUZZ_SEED=<n> replays a run, FUZZ_CASES=<n> sets the cases per route.
 */
import crypto from "node:crypto";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as frontPOST } from "@/app/api/helpdesk/front/[connectionId]/route";
import { POST as shopifyPOST } from "@/app/api/shopify/orders-create/route";
import { POST as inboundPOST } from "@/app/api/twilio/inbound/route";
import { POST as statusPOST } from "@/app/api/twilio/status/route";
import { POST as apiPOST } from "@/app/api/v1/conversations/[id]/messages/route";
import { encryptSecret } from "../channels/secret-box";
import { getDb } from "../db";
import { publicUrl, resetEnvForTests } from "../env";
import { frontSignature, generateApiKey, updateHelpdeskSettings } from "../helpdesk";
import { countRows, deeplyNested, describeValue, diffCounts, fuzzCases, fuzzSeed, nastyStrings, pollutionJson, randomValue, Rng, type RowCounts } from "../testing/fuzz";
import { createBrand, createShopper, messageSid, twilioCredentials } from "../testing/fixtures";
import { startHelpdeskLoopback, type HelpdeskLoopback } from "../testing/helpdesk-loopback";

const seed = fuzzSeed();
const casesPerRoute = fuzzCases(300);
const shopifySecret = "shpss_fuzz_secret";
const frontSecret = "front-fuzz-app-secret";
const actor = { userId: null as unknown as string, name: "Fuzz" };

type Brand = { id: string; number: string; creds: { accountSid: string; authToken: string }; conversationId: string; outboundSid: string; connectionId: string; apiKey: string; frontConversationId: string; shop: string };
let a: Brand;
let b: Brand;
let front: HelpdeskLoopback;

type Body = string | Uint8Array | ReadableStream<Uint8Array> | null;
/** One request to send, and what it may get back: "reject" must be a 4xx, "any" a 2xx or a 4xx. */
type Case = { label: string; expect: "reject" | "any"; url: string; headers: Record<string, string>; body: Body; routeParam?: string };

async function setUpBrand(name: string, shop: string): Promise<Brand> {
  const db = getDb();
  const creds = twilioCredentials();
  const brand = await createBrand(db, { name, twilio: creds });
  // Each brand's shop signs with its own secret; alpha's is the one the fuzzer signs with.
  const webhookSecret = name === "alpha" ? shopifySecret : `${shopifySecret}-${name}`;
  await db.brand.update({ where: { id: brand.id }, data: { commercePlatform: "shopify", shopifyDomain: shop, shopifyWebhookSecret: encryptSecret(webhookSecret) } });
  const shopper = await createShopper(db, brand.id);
  const conversation = await db.conversation.create({ data: { brandId: brand.id, profileId: shopper.id, windowEndsAt: new Date(Date.now() + 86_400_000), status: "escalated" } });
  const outboundSid = messageSid();
  await db.message.create({
    data: { brandId: brand.id, profileId: shopper.id, conversationId: conversation.id, direction: "outbound", author: "agent", body: "Hi", encoding: "GSM-7", segments: 1, status: "sent", providerSid: outboundSid, fromNumber: brand.smsNumber, toNumber: shopper.phone },
  });
  await updateHelpdeskSettings(db, brand.id, actor, { kind: "front", config: { baseUrl: front.url, inboxId: "inb_fuzz" }, secrets: { apiToken: "front-token", appSecret: `${frontSecret}-${name}` } });
  const connection = await db.helpdeskConnection.findUniqueOrThrow({ where: { brandId: brand.id } });
  const frontConversationId = `cnv_${name}`;
  await db.handoffTicket.create({
    data: { brandId: brand.id, conversationId: conversation.id, profileId: shopper.id, reason: "asked for a person", summary: "s", sentiment: "neutral", transcript: [], destination: "front", deliveryStatus: "delivered", externalId: frontConversationId },
  });
  const { apiKey } = await generateApiKey(db, brand.id, actor);
  return { id: brand.id, number: brand.smsNumber, creds, conversationId: conversation.id, outboundSid, connectionId: connection.id, apiKey, frontConversationId, shop };
}

beforeAll(async () => {
  // No worker: a stored text stays queued, so only the request itself can change row counts.
  process.env.WORKER_MODE = "off";
  process.env.TWILIO_API_BASE_URL = "http://127.0.0.1:9";
  resetEnvForTests();
  // Front's API on loopback: an event without text makes Parley read the message there (unknown ids → 404).
  front = await startHelpdeskLoopback("front", { auth: { bearer: "front-token" } });
  a = await setUpBrand("alpha", "alpha-fuzz.myshopify.com");
  b = await setUpBrand("bravo", "bravo-fuzz.myshopify.com");
});

afterAll(async () => {
  await front.close();
  delete process.env.TWILIO_API_BASE_URL;
  process.env.WORKER_MODE = "embedded";
  resetEnvForTests();
});

// ---------- generic hostile bodies ----------

const contentTypes = [
  "application/x-www-form-urlencoded",
  "application/x-www-form-urlencoded; charset=utf-8",
  "application/json",
  "text/plain",
  "multipart/form-data; boundary=xyz",
  "application/octet-stream",
  "",
  "application/x-www-form-urlencoded; charset=latin1",
  "garbage/!!!",
];

function stream(chunks: number, chunkSize: number, rng: Rng): ReadableStream<Uint8Array> {
  const chunk = rng.bytes(chunkSize);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ >= chunks) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

/** An unsigned (or wrongly signed) hostile body; route-specific signing comes on top. */
function hostileBody(rng: Rng): { label: string; body: Body; type: string } {
  const type = rng.pick(contentTypes);
  switch (rng.int(0, 11)) {
    case 0:
      return { label: "random bytes", body: rng.bytes(rng.int(1, 4000)), type };
    case 1:
      return { label: "invalid percent-encoding", body: "Body=%E0%A4%A&To=%zz&%%%=1&From=%&MessageSid=%G1", type: "application/x-www-form-urlencoded" };
    case 2:
      return { label: "body just over 64 KB", body: "Body=" + rng.ascii(65 * 1024 + rng.int(0, 100_000)), type };
    case 3:
      // Rare and large: a multi-MB body sent as a stream with no Content-Length.
      return rng.chance(0.15) ? { label: "multi-MB stream", body: stream(rng.int(40, 80), 64 * 1024, rng), type } : { label: "200 KB", body: rng.bytes(200 * 1024), type };
    case 4:
      return { label: "bad UTF-8", body: new Uint8Array([0x42, 0x6f, 0x64, 0x79, 0x3d, 0xc3, 0x28, 0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]), type };
    case 5:
      return { label: "JSON", body: JSON.stringify(randomValue(rng)) ?? "null", type };
    case 6:
      return { label: "empty", body: rng.chance(0.5) ? "" : null, type };
    case 7:
      return { label: "prototype pollution JSON", body: pollutionJson(), type };
    case 8:
      return { label: "deep JSON", body: JSON.stringify(deeplyNested(rng.int(100, 3000))), type };
    case 9:
      return { label: "form of nasty strings", body: new URLSearchParams(Array.from({ length: rng.int(1, 8) }, () => [rng.pick(["To", "From", "Body", "MessageSid", "__proto__", ""]), rng.pick(nastyStrings)])).toString(), type };
    case 10:
      return { label: "NUL bytes", body: new Uint8Array(rng.int(1, 100)), type };
    default:
      return { label: "random ascii", body: rng.ascii(rng.int(0, 3000)), type };
  }
}

function headersOf(type: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...(type ? { "content-type": type } : {}), ...extra };
}

// ---------- Twilio ----------

const inboundUrl = () => `${publicUrl()}/api/twilio/inbound`;
const statusUrl = () => `${publicUrl()}/api/twilio/status`;

function twilioSignature(authToken: string, url: string, pairs: [string, string][]): string {
  const params: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const prev = params[k];
    params[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

function mutateFields(rng: Rng, pairs: [string, string][]): { label: string; pairs: [string, string][] } {
  const out = pairs.map(([k, v]) => [k, v] as [string, string]);
  const i = rng.int(0, out.length - 1);
  switch (rng.int(0, 7)) {
    case 0:
      out.splice(i, 1);
      return { label: `missing ${pairs[i]![0]}`, pairs: out };
    case 1:
      out.push([out[i]![0], rng.pick(nastyStrings)]);
      return { label: `duplicated ${pairs[i]![0]}`, pairs: out };
    case 2:
      out[i] = [out[i]![0], ""];
      return { label: `empty ${pairs[i]![0]}`, pairs: out };
    case 3:
      out[i] = [out[i]![0], rng.pick(nastyStrings)];
      return { label: `nasty ${pairs[i]![0]}`, pairs: out };
    case 4:
      out[i] = [out[i]![0], rng.ascii(rng.int(1_000, 40_000))];
      return { label: `huge ${pairs[i]![0]}`, pairs: out };
    case 5:
      out.push([rng.pick(["__proto__", "constructor", "", "Body[]", "To[0]"]), rng.pick(nastyStrings)]);
      return { label: "odd extra key", pairs: out };
    case 6:
      out[i] = [out[i]![0], `${out[i]![1]}\u0000`];
      return { label: `NUL in ${pairs[i]![0]}`, pairs: out };
    default:
      return { label: "valid", pairs: out };
  }
}

function twilioCase(rng: Rng, url: string, valid: () => [string, string][]): Case {
  const roll = rng.int(0, 9);
  if (roll <= 2) {
    const h = hostileBody(rng);
    const signature = rng.pick([null, "", "bm90LWEtc2lnbmF0dXJl", crypto.randomBytes(20).toString("base64"), "\u00e9t\u00e9"]);
    const extra: Record<string, string> = signature === null ? {} : { "x-twilio-signature": encodeURIComponent(signature) };
    return { label: `unsigned ${h.label}`, expect: "reject", url, headers: headersOf(h.type, extra), body: h.body };
  }
  const m = mutateFields(rng, valid());
  const body = new URLSearchParams(m.pairs).toString();
  if (roll === 3) {
    // Signed by brand B's token, or signed over another URL, or with A's number but B's signature.
    const which = rng.int(0, 2);
    const sig = which === 0 ? twilioSignature(b.creds.authToken, url, m.pairs) : which === 1 ? twilioSignature(a.creds.authToken, `${url}?x=1`, m.pairs) : twilioSignature(a.creds.authToken, url, [...m.pairs, ["extra", "1"]]);
    return { label: `wrong signature (${which}) ${m.label}`, expect: "reject", url, headers: headersOf("application/x-www-form-urlencoded", { "x-twilio-signature": sig }), body };
  }
  const signature = twilioSignature(a.creds.authToken, url, m.pairs);
  return { label: `signed ${m.label}`, expect: "any", url, headers: headersOf(rng.chance(0.9) ? "application/x-www-form-urlencoded" : "application/x-www-form-urlencoded; charset=utf-8", { "x-twilio-signature": signature }), body };
}

const inboundPairs = (rng: Rng) => (): [string, string][] => [
  ["MessageSid", messageSid()],
  ["AccountSid", a.creds.accountSid],
  ["From", `+1555${rng.int(2_000_000, 9_999_999)}`],
  ["To", a.number],
  ["Body", rng.pick(["where is my order", "STOP", "", "💩", rng.ascii(rng.int(0, 300))])],
  ["NumMedia", "0"],
  ...(rng.chance(0.2) ? ([["OptOutType", rng.pick(["STOP", "START", "HELP", "junk"])]] as [string, string][]) : []),
];

const statusPairs = (rng: Rng) => (): [string, string][] => [
  ["MessageSid", rng.chance(0.7) ? a.outboundSid : rng.chance(0.5) ? b.outboundSid : messageSid()],
  ["MessageStatus", rng.pick(["queued", "sent", "delivered", "undelivered", "failed", "read", "nonsense", ""])],
  ["From", a.number],
  ["To", "+15555550123"],
  ...(rng.chance(0.3) ? ([["ErrorCode", rng.pick(["30003", "", "x".repeat(500)])]] as [string, string][]) : []),
];

// ---------- Front ----------

function frontEvent(rng: Rng, brand: Brand): unknown {
  const base = {
    type: "outbound_sent",
    authorization: { id: "cmp_1" },
    payload: {
      type: "out_reply",
      conversation: { id: brand.frontConversationId },
      target: { _meta: { type: "message" }, data: { id: `msg_${crypto.randomBytes(4).toString("hex")}`, is_inbound: false, text: "Hello from Front", author: { id: "tea_1", first_name: "Dana" } } },
    },
  };
  const at = rng.pick(["type", "payload", "payload.type", "payload.conversation", "payload.conversation.id", "payload.target", "payload.target.data", "payload.target.data.id", "payload.target.data.text", "payload.target.data.body", "payload.target.data.author", "payload.target.data.author.first_name", "payload.target.data.is_inbound", "none"]);
  if (at === "none") return base;
  const parts = at.split(".");
  let node = base as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) node = node[p] as Record<string, unknown>;
  const junk = rng.chance(0.3) ? rng.pick(nastyStrings) : rng.chance(0.2) ? rng.ascii(rng.int(2000, 12_000)) : randomValue(rng);
  Object.defineProperty(node, parts.at(-1)!, { value: junk, enumerable: true, writable: true, configurable: true });
  return base;
}

function frontCase(rng: Rng): Case {
  const roll = rng.int(0, 9);
  const connectionId = roll === 0 ? rng.pick([b.connectionId, rng.id(), "", "%00", "../x", "a".repeat(500)]) : a.connectionId;
  const url = `${publicUrl()}/api/helpdesk/front/${encodeURIComponent(connectionId)}`;
  if (roll <= 2) {
    const h = hostileBody(rng);
    const ts = String(Date.now());
    const sig = rng.pick(["", "AAAA", crypto.randomBytes(32).toString("base64")]);
    return { label: `unsigned ${h.label}`, expect: "reject", url, routeParam: connectionId, headers: headersOf(h.type, { "x-front-request-timestamp": ts, "x-front-signature": sig }), body: h.body };
  }
  const raw = rng.chance(0.1) ? rng.pick(["{", "[]", "null", "\"s\"", "1e999", pollutionJson()]) : (JSON.stringify(frontEvent(rng, rng.chance(0.1) ? b : a)) ?? "null");
  const ts = roll === 3 ? rng.pick([String(Date.now() - 10 * 60_000), "NaN", "", "1e400", "-1"]) : String(Date.now());
  const secret = roll === 4 ? `${frontSecret}-bravo` : `${frontSecret}-alpha`;
  const headers: Record<string, string> = { "content-type": "application/json", "x-front-request-timestamp": ts, "x-front-signature": frontSignature(secret, ts, raw) };
  if (rng.chance(0.05)) headers["x-front-challenge"] = rng.pick(["abc", "x".repeat(5000)]);
  return { label: `signed front event (${roll})`, expect: roll <= 4 ? "reject" : "any", url, routeParam: connectionId, headers, body: raw };
}

// ---------- Shopify ----------

function shopifyOrder(rng: Rng): unknown {
  const order: Record<string, unknown> = {
    id: rng.int(1, 1e9),
    name: `#${rng.int(1000, 99999)}`,
    order_number: rng.int(1000, 99999),
    total_price: "19.99",
    currency: "USD",
    created_at: "2026-02-03T10:15:00-05:00",
    email: "x@example.com",
    customer: { phone: "(555) 520-0001" },
    line_items: [{ quantity: 1 }],
  };
  const key = rng.pick([...Object.keys(order), "none", "none"]);
  if (key !== "none") {
    Object.defineProperty(order, key, { value: rng.chance(0.5) ? rng.pick([...nastyStrings, ...[NaN, 1e308, -1, 2 ** 53, 1.5]]) : randomValue(rng), enumerable: true, writable: true, configurable: true });
  }
  return order;
}

function shopifyCase(rng: Rng): Case {
  const url = "http://localhost/api/shopify/orders-create";
  const roll = rng.int(0, 9);
  if (roll <= 2) {
    const h = hostileBody(rng);
    return { label: `unsigned ${h.label}`, expect: "reject", url, headers: headersOf(h.type, { "x-shopify-hmac-sha256": rng.pick(["", "AAAA", crypto.randomBytes(32).toString("base64")]), "x-shopify-shop-domain": a.shop, "x-shopify-topic": "orders/create" }), body: h.body };
  }
  const raw = rng.chance(0.1) ? rng.pick(["{", "[]", "null", "1e999", pollutionJson(), JSON.stringify(deeplyNested(1500))]) : JSON.stringify(shopifyOrder(rng));
  const bytes = rng.chance(0.05) ? new Uint8Array([...Buffer.from(raw), 0xff, 0xfe]) : Buffer.from(raw);
  const secret = roll === 3 ? "someone-elses-secret" : shopifySecret;
  const hmac = crypto.createHmac("sha256", secret).update(bytes).digest("base64");
  const headers: Record<string, string> = {
    "content-type": rng.chance(0.9) ? "application/json" : rng.pick(contentTypes),
    "x-shopify-hmac-sha256": hmac,
    "x-shopify-shop-domain": rng.chance(0.8) ? a.shop : rng.pick([b.shop, "", "nobody.myshopify.com", "%%%", "x".repeat(3000), "::1"]),
  };
  if (rng.chance(0.9)) headers["x-shopify-topic"] = rng.chance(0.9) ? "orders/create" : rng.pick(["orders/paid", "", "x".repeat(1000)]);
  return { label: `signed order (${roll})`, expect: roll === 3 ? "reject" : "any", url, headers, body: bytes };
}

// ---------- public API ----------

function apiCase(rng: Rng): Case {
  const roll = rng.int(0, 9);
  const conversationId = roll === 0 ? rng.pick([b.conversationId, rng.id(), "", "%00", "x".repeat(1000)]) : a.conversationId;
  const url = `${publicUrl()}/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`;
  const authorization = roll === 1 ? rng.pick(["", "Bearer", "Bearer ", `Bearer ${b.apiKey}x`, `Basic ${a.apiKey}`, `Bearer ${"k".repeat(5000)}`, "Bearer \u00e9"]) : `Bearer ${roll === 2 && rng.chance(0.5) ? b.apiKey : a.apiKey}`;
  const headers: Record<string, string> = { "content-type": rng.chance(0.85) ? "application/json" : rng.pick(contentTypes), authorization };
  if (rng.chance(0.2)) headers["idempotency-key"] = rng.pick(["", " ", "k".repeat(rng.int(1, 20_000)), "%00", crypto.randomUUID()]);
  if (roll <= 3) {
    const h = hostileBody(rng);
    return { label: `hostile body ${h.label} (${roll})`, expect: roll <= 1 ? "reject" : "any", url, routeParam: conversationId, headers, body: h.body };
  }
  const body: Record<string, unknown> = { body: "Thanks for waiting!", authorName: "Dana" };
  const key = rng.pick(["body", "authorName", "author", "idempotencyKey", "none"]);
  if (key !== "none") body[key] = rng.chance(0.5) ? rng.pick(nastyStrings) : rng.chance(0.3) ? rng.ascii(rng.int(1000, 8000)) : randomValue(rng);
  return { label: `reply with ${key} fuzzed`, expect: roll === 2 ? "any" : "any", url, routeParam: conversationId, headers, body: JSON.stringify(body) };
}

// ---------- the runner ----------

type Route = { name: string; post: (req: Request, param?: string) => Promise<Response>; makeCase: (rng: Rng) => Case; regressions?: () => Case[] };

/** Bugs the fuzz found once, replayed under every seed. */
function signedTwilio(url: string, pairs: [string, string][], label: string): Case {
  return { label, expect: "reject", url, headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSignature(a.creds.authToken, url, pairs) }, body: new URLSearchParams(pairs).toString() };
}
const inboundRegressions = (): Case[] => {
  const ok = (): [string, string][] => [["MessageSid", messageSid()], ["From", "+15555550199"], ["To", a.number], ["Body", "hi"]];
  return [
    signedTwilio(inboundUrl(), ok().map(([k, v]) => [k, k === "From" ? `${v}\u0000` : v]), "NUL in From (was a 500)"),
    signedTwilio(inboundUrl(), ok().map(([k, v]) => [k, k === "Body" ? "a\u0000b" : v]), "NUL in Body (was a 500)"),
    signedTwilio(inboundUrl(), ok().map(([k, v]) => [k, k === "From" ? "9".repeat(20_000) : v]), "20,000-character From (was a 500 after storing the message)"),
    { ...signedTwilio(inboundUrl(), ok(), "NUL in To, unsigned"), body: new URLSearchParams([...ok(), ["To", "\u0000"]]).toString() },
  ];
};
const statusRegressions = (): Case[] =>
  ["constructor", "__proto__", "toString"].map((status) => signedTwilio(statusUrl(), [["MessageSid", a.outboundSid], ["MessageStatus", status], ["From", a.number]], `MessageStatus ${status} (was a 500)`)).map((c) => ({ ...c, expect: "any" as const }));
function signedFront(event: unknown, label: string): Case {
  const raw = JSON.stringify(event);
  const ts = String(Date.now());
  return { label, expect: "reject", url: `${publicUrl()}/api/helpdesk/front/${a.connectionId}`, routeParam: a.connectionId, headers: { "content-type": "application/json", "x-front-request-timestamp": ts, "x-front-signature": frontSignature(`${frontSecret}-alpha`, ts, raw) }, body: raw };
}
const frontRegressions = (): Case[] => {
  const event = (conversation: unknown, data: unknown) => ({ type: "outbound_sent", payload: { type: "out_reply", conversation, target: { data } } });
  return [
    signedFront(event({ id: 123 }, { id: "msg_1", text: "hi" }), "conversation id is a number (was a 500)"),
    signedFront(event({ id: a.frontConversationId }, { id: "msg_2", text: "hi", author: { username: { x: 1 } } }), "author name is an object (was a 500)"),
    signedFront(event({ id: a.frontConversationId }, { id: "msg_\u0000", text: "hi" }), "NUL in the message id (was a 500)"),
    signedFront(event({ id: a.frontConversationId }, { id: "msg_3", text: "a\u0000b" }), "NUL in the text (was a 500)"),
  ];
};
function apiRequest(body: unknown, label: string, headers: Record<string, string> = {}): Case {
  return { label, expect: "reject", url: `${publicUrl()}/api/v1/conversations/${a.conversationId}/messages`, routeParam: a.conversationId, headers: { "content-type": "application/json", authorization: `Bearer ${a.apiKey}`, ...headers }, body: JSON.stringify(body) };
}
const apiRegressions = (): Case[] => [
  apiRequest({ body: "hi\u0000" }, "NUL in the body (was a 500)"),
  apiRequest({ body: "hi", authorName: "\u0000" }, "NUL in the author (was a 500)"),
  apiRequest({ body: "hi" }, "20,000-character Idempotency-Key (was a 500)", { "idempotency-key": "k".repeat(20_000) }),
];

const routes: Route[] = [
  { name: "POST /api/twilio/inbound", post: (req) => inboundPOST(req), makeCase: (rng) => twilioCase(rng, inboundUrl(), inboundPairs(rng)), regressions: inboundRegressions },
  { name: "POST /api/twilio/status", post: (req) => statusPOST(req), makeCase: (rng) => twilioCase(rng, statusUrl(), statusPairs(rng)), regressions: statusRegressions },
  { name: "POST /api/helpdesk/front/[connectionId]", post: (req, p) => frontPOST(req, { params: Promise.resolve({ connectionId: p ?? "" }) }), makeCase: frontCase, regressions: frontRegressions },
  { name: "POST /api/shopify/orders-create", post: (req) => shopifyPOST(req), makeCase: shopifyCase },
  { name: "POST /api/v1/conversations/[id]/messages", post: (req, p) => apiPOST(req, { params: Promise.resolve({ id: p ?? "" }) }), makeCase: apiCase, regressions: apiRegressions },
];

function toRequest(c: Case): Request {
  const init: RequestInit & { duplex?: "half" } = { method: "POST", headers: c.headers };
  if (c.body !== null) {
    init.body = c.body as BodyInit;
    if (c.body instanceof ReadableStream) init.duplex = "half";
  }
  return new Request(c.url, init);
}

describe(`webhook fuzzing (seed ${seed}, ${casesPerRoute} cases per route)`, () => {
  for (const [index, route] of routes.entries()) {
    it(`${route.name}: never a 5xx; a refusal is a 4xx with a JSON reason and stores nothing`, { timeout: 600_000 }, async () => {
      console.log(`[webhook-fuzz] ${route.name}: seed ${seed} (set FUZZ_SEED to replay), ${casesPerRoute} cases`);
      const rng = new Rng(seed + index * 7919);
      const db = getDb();
      let counts: RowCounts = await countRows(db);
      const statuses: Record<number, number> = {};
      const failures: string[] = [];
      const regressions = route.regressions?.() ?? [];
      for (let i = 0; i < regressions.length + casesPerRoute; i++) {
        const c = regressions[i] ?? route.makeCase(rng);
        const res = await route.post(toRequest(c), c.routeParam);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const text = await res.text();
        const where = `case ${i} (${c.label}) → ${res.status} ${text.slice(0, 200)}`;
        if (res.status >= 500) failures.push(`5xx: ${where}`);
        else if (c.expect === "reject" && res.status < 400) failures.push(`accepted a request that must be refused: ${where}`);
        if (res.status >= 400) {
          let reason: unknown;
          try {
            reason = (JSON.parse(text) as { message?: unknown }).message;
          } catch {
            reason = undefined;
          }
          if (typeof reason !== "string" || !reason.trim()) failures.push(`refusal without a JSON reason: ${where}`);
          const after = await countRows(db);
          const changed = diffCounts(counts, after);
          if (Object.keys(changed).length) failures.push(`refused but stored rows ${describeValue(changed)}: ${where}`);
          counts = after;
        } else {
          counts = await countRows(db);
        }
        if (failures.length >= 25) break;
      }
      console.log(`[webhook-fuzz] ${route.name}: statuses ${describeValue(statuses)}`);
      if (failures.length) console.log(`[webhook-fuzz] ${route.name} failures:\n${failures.join("\n")}`);
      expect(failures, `seed ${seed}`).toEqual([]);
      // The fuzz must reach past the front door: some requests were accepted, some refused.
      expect(Object.keys(statuses).some((s) => Number(s) < 300)).toBe(true);
      expect(Object.keys(statuses).some((s) => Number(s) >= 400)).toBe(true);
    });
  }
});
