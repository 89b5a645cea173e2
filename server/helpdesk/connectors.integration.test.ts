/**
 * Every connector against a loopback server speaking its service's documented API: the exact
 * requests each helpdesk receives, retries (500 twice, then success), resuming a half-done
 * delivery, and the fallback to the inbox when the helpdesk is down or unreachable.
 * Attempts are run the way the queue worker runs them (deliverHandoffAttempt, one per job run).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb, type Db } from "../db";
import { decryptSecret } from "../channels/secret-box";
import { createBrand, createMember, createShopper } from "../testing/fixtures";
import { addFrontInbox, newNonconformingRequests, refusedUrl, startHelpdeskLoopback, type HelpdeskLoopback, type RecordedHelpdeskRequest } from "../testing/helpdesk-loopback";
import { createHandoffTicket } from "./create-handoff-ticket";
import { deliverHandoffAttempt, getHandoffDelivery } from "./deliver-handoff";
import { updateHelpdeskSettings, type HelpdeskSettingsInput } from "./helpdesk-settings";
import { verifyParleyWebhook } from "./webhook-signature";
import { AgentTag, setAgentTag } from "./agent-tags";

const db: Db = getDb();
const loopbacks: HelpdeskLoopback[] = [];
afterAll(async () => {
  await Promise.all(loopbacks.map((l) => l.close()));
});
// Conformance: every request a test sent is one its service documents (our hand-written Front and
// Zendesk definitions, Kustomer's and Gorgias's documented constraints: server/helpdesk/conformance).
afterEach(() => {
  expect(newNonconformingRequests(loopbacks)).toEqual([]);
});

async function loopback(...args: Parameters<typeof startHelpdeskLoopback>) {
  const l = await startHelpdeskLoopback(...args);
  loopbacks.push(l);
  return l;
}

/** A brand with a helpdesk connected, as a teammate would save it in Settings. */
async function brandWith(input: HelpdeskSettingsInput) {
  const brand = await createBrand(db, { name: "Juniper Test" });
  const member = await createMember(db, brand.id);
  await updateHelpdeskSettings(db, brand.id, { userId: member.userId, name: member.name }, input);
  return brand;
}

const minutes = (n: number) => new Date(Date.UTC(2026, 4, 1, 14, n));

/** A shopper's conversation that the agent handed off: three texts, then the handoff ticket. */
async function handoff(brandId: string, opts: { phone?: string; email?: string | null; tag?: "agent_automated" | "agent_failure" } = {}) {
  const profile = await createShopper(db, brandId, { phone: opts.phone, firstName: "Sam" });
  if (opts.email !== null) await db.profile.update({ where: { id: profile.id }, data: { lastName: "Rivera", email: opts.email ?? "sam@example.com" } });
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId } });
  const conversation = await db.conversation.create({
    data: { brandId, profileId: profile.id, status: "escalated", startedAt: minutes(0), lastMessageAt: minutes(2), windowEndsAt: new Date(Date.now() + 86_400_000), escalationReason: "shopper_requested" },
  });
  const texts: [string, "inbound" | "outbound", string][] = [
    ["shopper", "inbound", "Where is my order #1001? It's late!!"],
    ["agent", "outbound", "Order #1001 shipped with UPS and should arrive Friday."],
    ["shopper", "inbound", "I want to talk to a person"],
  ];
  for (const [i, [author, direction, body]] of texts.entries()) {
    await db.message.create({
      data: {
        brandId,
        profileId: profile.id,
        conversationId: conversation.id,
        direction,
        author: author as "shopper" | "agent",
        body,
        encoding: "GSM-7",
        segments: 1,
        status: direction === "inbound" ? "received" : "sent",
        fromNumber: direction === "inbound" ? profile.phone : brand.smsNumber,
        toNumber: direction === "inbound" ? brand.smsNumber : profile.phone,
        createdAt: minutes(i),
      },
    });
  }
  await setAgentTag(db, conversation.id, opts.tag ?? AgentTag.automated);
  const ticket = await createHandoffTicket(db, { conversationId: conversation.id, reason: "shopper_requested" });
  return { profile, conversation, ticket, brand };
}

const attempt = (ticketId: string, isLastAttempt = false) => deliverHandoffAttempt(db, ticketId, { isLastAttempt });
const deliveriesOf = (ticketId: string) => db.handoffDelivery.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" } });
const ticketOf = (id: string) => db.handoffTicket.findUniqueOrThrow({ where: { id } });
const summary = (r: RecordedHelpdeskRequest) => `${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ""} → ${r.status}`;

describe("generic webhook", () => {
  let hook: HelpdeskLoopback;
  beforeEach(async () => {
    hook ??= await loopback("webhook");
    hook.reset();
    hook.setWebhookAnswer(200, { id: "HD-42" });
  });

  it("posts the signed handoff JSON once and records the delivery; a repeated job sends nothing", async () => {
    const brand = await brandWith({ kind: "webhook", config: { url: `${hook.url}/parley/handoffs` }, secrets: {} });
    const { ticket, profile, conversation } = await handoff(brand.id);
    expect(ticket.deliveryStatus).toBe("pending");
    expect(ticket.destination).toBe("webhook");

    expect(await attempt(ticket.id)).toBe("delivered");
    expect(hook.requests.map(summary)).toEqual(["POST /parley/handoffs → 200"]);
    const [req] = hook.requests;
    const secret = (JSON.parse(decryptSecret((await db.helpdeskConnection.findUniqueOrThrow({ where: { brandId: brand.id } })).secrets!)) as { signingSecret: string }).signingSecret;
    expect(req!.headers["content-type"]).toBe("application/json");
    expect(req!.headers["x-parley-event"]).toBe("handoff.created");
    expect(req!.headers["x-parley-delivery"]).toBe(ticket.id);
    expect(req!.headers["x-parley-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyParleyWebhook(secret, req!.rawBody, req!.headers["x-parley-signature"])).toBe(true);
    expect(verifyParleyWebhook(secret, `${req!.rawBody} `, req!.headers["x-parley-signature"])).toBe(false);
    expect(verifyParleyWebhook("whsec_wrong", req!.rawBody, req!.headers["x-parley-signature"])).toBe(false);
    // A captured request replayed ten minutes later is refused by the receiver.
    expect(verifyParleyWebhook(secret, req!.rawBody, req!.headers["x-parley-signature"], { nowSeconds: Math.floor(Date.now() / 1000) + 600 })).toBe(false);

    expect(req!.body).toEqual({
      event: "handoff.created",
      id: ticket.id,
      createdAt: ticket.createdAt.toISOString(),
      brand: { id: brand.id, name: "Juniper Test", smsNumber: brand.smsNumber },
      conversation: { id: conversation.id, status: "escalated", startedAt: minutes(0).toISOString(), tags: ["agent_automated"] },
      profile: { id: profile.id, phone: profile.phone, email: "sam@example.com", firstName: "Sam", lastName: "Rivera" },
      escalationReason: "shopper_requested",
      summary: ticket.summary,
      sentiment: "negative",
      transcript: [
        { at: minutes(0).toISOString(), direction: "inbound", author: "shopper", body: "Where is my order #1001? It's late!!" },
        { at: minutes(1).toISOString(), direction: "outbound", author: "agent", body: "Order #1001 shipped with UPS and should arrive Friday." },
        { at: minutes(2).toISOString(), direction: "inbound", author: "shopper", body: "I want to talk to a person" },
      ],
      reply: { method: "POST", url: expect.stringMatching(new RegExp(`/api/v1/conversations/${conversation.id}/messages$`)) },
    });
    expect(ticket.summary).toContain("asked for a person");

    const after = await ticketOf(ticket.id);
    expect(after).toMatchObject({ deliveryStatus: "delivered", destination: "webhook", externalId: "HD-42", lastError: null });
    expect(after.deliveredAt).toBeInstanceOf(Date);
    expect((await deliveriesOf(ticket.id)).map((d) => [d.attempt, d.outcome, d.httpStatus, d.externalId])).toEqual([[1, "succeeded", 200, "HD-42"]]);

    // The queue ran the job again (a retry after the success was recorded): nothing is sent twice.
    expect(await attempt(ticket.id)).toBe("noop");
    expect(hook.requests).toHaveLength(1);
  });

  it("retries a 500 twice with the same delivery id, then succeeds on the third attempt", async () => {
    const brand = await brandWith({ kind: "webhook", config: { url: hook.url }, secrets: {} });
    const { ticket } = await handoff(brand.id);
    hook.failNext(500, 2);

    expect(await attempt(ticket.id)).toBe("retry");
    expect(await ticketOf(ticket.id)).toMatchObject({ deliveryStatus: "pending", lastError: expect.stringContaining("The webhook answered 500") });
    expect(await attempt(ticket.id)).toBe("retry");
    expect(await attempt(ticket.id)).toBe("delivered");

    expect(hook.requests.map(summary)).toEqual(["POST / → 500", "POST / → 500", "POST / → 200"]);
    expect(new Set(hook.requests.map((r) => r.headers["x-parley-delivery"]))).toEqual(new Set([ticket.id]));
    expect(new Set(hook.requests.map((r) => r.rawBody)).size).toBe(1);
    expect((await deliveriesOf(ticket.id)).map((d) => [d.attempt, d.outcome, d.httpStatus])).toEqual([
      [1, "failed", 500],
      [2, "failed", 500],
      [3, "succeeded", 200],
    ]);
    expect(await ticketOf(ticket.id)).toMatchObject({ deliveryStatus: "delivered", lastError: null });
  });

  it("falls back to the inbox when the helpdesk stays down: ticket failed with the error, conversation still escalated", async () => {
    const brand = await brandWith({ kind: "webhook", config: { url: hook.url }, secrets: {} });
    const { ticket, conversation } = await handoff(brand.id);
    hook.setDown(503);

    expect(await attempt(ticket.id)).toBe("retry");
    expect(await attempt(ticket.id)).toBe("retry");
    expect(await attempt(ticket.id, true)).toBe("fell_back");
    expect(hook.requests.map(summary)).toEqual(["POST / → 503", "POST / → 503", "POST / → 503"]);

    const after = await ticketOf(ticket.id);
    expect(after).toMatchObject({ deliveryStatus: "failed", destination: "webhook", externalId: null, deliveredAt: null });
    expect(after.lastError).toBe("The webhook answered 503 Service Unavailable.");
    expect((await deliveriesOf(ticket.id)).map((d) => [d.attempt, d.outcome])).toEqual([
      [1, "failed"],
      [2, "failed"],
      [3, "failed"],
      [3, "fell_back"],
    ]);
    expect((await deliveriesOf(ticket.id)).at(-1)!.error).toMatch(/^Kept in the built-in inbox \(3 attempts failed\): The webhook answered 503/);
    // The built-in inbox still has it.
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe("escalated");
    // A job run after giving up changes nothing.
    expect(await attempt(ticket.id)).toBe("noop");
  });

  it("connection refused: retried, then kept in the inbox with the reason", async () => {
    const brand = await brandWith({ kind: "webhook", config: { url: await refusedUrl() }, secrets: {} });
    const { ticket } = await handoff(brand.id);
    expect(await attempt(ticket.id)).toBe("retry");
    expect(await attempt(ticket.id, true)).toBe("fell_back");
    const after = await ticketOf(ticket.id);
    expect(after.deliveryStatus).toBe("failed");
    // The same words for a closed port as for a timeout: which it was would say which ports are open.
    expect(after.lastError).toMatch(/^Couldn’t reach the webhook at http:\/\/127\.0\.0\.1:\d+\. Check the address in Settings → Helpdesk; Parley tries again\.$/);
  });

  it("does not retry what retrying cannot fix (401): kept in the inbox after one attempt", async () => {
    const brand = await brandWith({ kind: "webhook", config: { url: hook.url }, secrets: {} });
    const { ticket } = await handoff(brand.id);
    hook.failNext(401);
    expect(await attempt(ticket.id)).toBe("fell_back");
    expect(hook.requests).toHaveLength(1);
    expect((await ticketOf(ticket.id)).lastError).toBe(
      "The webhook answered 401 Unauthorized. The receiver refused the request; check that it verifies X-Parley-Signature with the signing secret shown in Settings → Helpdesk.",
    );
  });

  it("a brand without a helpdesk keeps the ticket in the built-in inbox and queues nothing", async () => {
    const brand = await createBrand(db);
    const { ticket } = await handoff(brand.id);
    expect(ticket).toMatchObject({ deliveryStatus: "inbox", destination: "inbox" });
    expect(await attempt(ticket.id)).toBe("noop");
    expect(await deliveriesOf(ticket.id)).toEqual([]);
  });
});

describe("Kustomer", () => {
  let k: HelpdeskLoopback;
  const apiKey = "kustomer-api-key-123";
  beforeEach(async () => {
    k ??= await loopback("kustomer", { auth: { bearer: apiKey } });
    k.reset();
  });

  it("finds or creates the customer by phone, opens a conversation in the configured queue with the agent tags, posts the transcript and a note", async () => {
    const brand = await brandWith({ kind: "kustomer", config: { baseUrl: k.url, queueId: "queue_sms_team" }, secrets: { apiKey } });
    const { ticket, profile, conversation } = await handoff(brand.id);
    expect(await attempt(ticket.id)).toBe("delivered");

    const phonePath = `/v1/customers/phone=${profile.phone}`;
    expect(k.requests.map(summary)).toEqual([
      `GET ${phonePath} → 404`,
      "POST /v1/customers → 201",
      "POST /v1/customers/cus_0001/conversations → 201",
      "POST /v1/conversations/conv_0002/tags → 200",
      "POST /v1/conversations/conv_0002/messages → 201",
      "POST /v1/conversations/conv_0002/messages → 201",
      "POST /v1/conversations/conv_0002/messages → 201",
      "POST /v1/conversations/conv_0002/notes → 201",
    ]);
    expect(k.requests.every((r) => r.headers.authorization === `Bearer ${apiKey}`)).toBe(true);
    const bodies = k.requests.map((r) => r.body);
    expect(bodies[1]).toEqual({ name: "Sam Rivera", phones: [{ type: "mobile", phone: profile.phone }], emails: [{ type: "home", email: "sam@example.com" }] });
    expect(bodies[2]).toEqual({ name: "SMS handoff: shopper requested", externalId: `parley-${conversation.id}`, status: "open", direction: "in", queue: { id: "queue_sms_team" } });
    expect(bodies[3]).toEqual({ tags: ["agent_automated"] });
    expect(bodies[4]).toEqual({
      channel: "sms",
      app: "parley",
      direction: "in",
      preview: "Where is my order #1001? It's late!!",
      meta: { body: "Where is my order #1001? It's late!!", author: "shopper" },
      externalId: `parley-${ticket.id}-0`,
      sentAt: minutes(0).toISOString(),
    });
    expect((bodies[5] as { direction: string }).direction).toBe("out");
    expect((bodies[7] as { body: string }).body).toContain("Sentiment: negative");
    expect((bodies[7] as { body: string }).body).toContain(`Summary: ${ticket.summary}`);
    expect(await ticketOf(ticket.id)).toMatchObject({ deliveryStatus: "delivered", externalId: "conv_0002" });

    // The shopper's next handoff finds them by phone and updates them instead of creating a duplicate.
    k.reset();
    const conv2 = await db.conversation.create({ data: { brandId: brand.id, profileId: profile.id, status: "failed", windowEndsAt: new Date(Date.now() + 3_600_000), tags: ["agent_failure"] } });
    const t2 = await createHandoffTicket(db, { conversationId: conv2.id, reason: "agent_failure" });
    expect(await attempt(t2.id)).toBe("delivered");
    expect(k.requests.slice(0, 3).map(summary)).toEqual([`GET ${phonePath} → 200`, "PUT /v1/customers/cus_0001 → 200", "POST /v1/customers/cus_0001/conversations → 201"]);
    expect(k.requests[3]!.body).toEqual({ tags: ["agent_failure"] });
    expect(k.store.customers).toHaveLength(1);
  });

  it("a retry after a failure half-way resumes the same conversation and skips texts already posted", async () => {
    const brand = await brandWith({ kind: "kustomer", config: { baseUrl: k.url }, secrets: { apiKey } });
    const { ticket } = await handoff(brand.id);
    const known = { conversations: k.store.conversations?.length ?? 0, messages: k.store.messages?.length ?? 0, notes: k.store.notes?.length ?? 0 };
    // Tags and the first text go through; the second text gets a 500.
    k.failNext(500, 1, { path: "/v1/conversations/", skip: 2 });

    expect(await attempt(ticket.id)).toBe("retry");
    const conv = k.store.conversations!.at(-1)!.id as string;
    const [failed] = await deliveriesOf(ticket.id);
    expect(failed).toMatchObject({ outcome: "failed", httpStatus: 500, externalId: conv });

    k.requests.length = 0;
    expect(await attempt(ticket.id)).toBe("delivered");
    expect(k.requests.map(summary)).toEqual([
      expect.stringMatching(/^GET \/v1\/customers\/phone=\+1555\d{7} → 200$/),
      expect.stringMatching(/^PUT \/v1\/customers\/cus_\d+ → 200$/),
      `POST /v1/conversations/${conv}/tags → 200`,
      `GET /v1/conversations/${conv}/messages?page=1&pageSize=100 → 200`,
      `POST /v1/conversations/${conv}/messages → 201`,
      `POST /v1/conversations/${conv}/messages → 201`,
      `POST /v1/conversations/${conv}/notes → 201`,
    ]);
    // One conversation, each text once, one note.
    expect(k.store.conversations).toHaveLength(known.conversations + 1);
    expect(k.store.messages!.slice(known.messages).map((m) => m.externalId)).toEqual([0, 1, 2].map((i) => `parley-${ticket.id}-${i}`));
    expect(k.store.notes).toHaveLength(known.notes + 1);
    expect(await ticketOf(ticket.id)).toMatchObject({ deliveryStatus: "delivered", externalId: conv });
  });

  it("resuming reads the conversation's texts page by page, at most 100 a page as Kustomer documents, and skips those on any page", async () => {
    const brand = await brandWith({ kind: "kustomer", config: { baseUrl: k.url }, secrets: { apiKey } });
    const { ticket } = await handoff(brand.id);
    k.failNext(500, 1, { path: "/v1/conversations/", skip: 2 });
    expect(await attempt(ticket.id)).toBe("retry");
    const conv = k.store.conversations!.at(-1)!.id as string;
    // 150 older texts on the conversation (an agent's earlier thread): the one Parley posted is on page 2.
    const others = Array.from({ length: 150 }, (_, i) => ({ id: `msg_old${i}`, conversation: conv, externalId: `other-${i}` }));
    k.store.messages!.splice(0, 0, ...others);

    k.requests.length = 0;
    expect(await attempt(ticket.id)).toBe("delivered");
    expect(k.requests.map(summary).slice(3)).toEqual([
      `GET /v1/conversations/${conv}/messages?page=1&pageSize=100 → 200`,
      `GET /v1/conversations/${conv}/messages?page=2&pageSize=100 → 200`,
      `POST /v1/conversations/${conv}/messages → 201`,
      `POST /v1/conversations/${conv}/messages → 201`,
      `POST /v1/conversations/${conv}/notes → 201`,
    ]);
    const ours = k.store.messages!.filter((m) => m.conversation === conv && String(m.externalId).startsWith("parley-"));
    expect(ours.map((m) => m.externalId)).toEqual([0, 1, 2].map((i) => `parley-${ticket.id}-${i}`));
  });

  it("a wrong API key is not retried: 401 on the first request, kept in the inbox", async () => {
    const brand = await brandWith({ kind: "kustomer", config: { baseUrl: k.url }, secrets: { apiKey: "revoked-key" } });
    const { ticket } = await handoff(brand.id);
    expect(await attempt(ticket.id)).toBe("fell_back");
    expect(k.requests.map(summary)).toEqual([expect.stringMatching(/^GET \/v1\/customers\/phone=.* → 401$/)]);
    expect((await ticketOf(ticket.id)).lastError).toBe("Kustomer answered 401 Unauthorized. Check the Kustomer credentials in Settings → Helpdesk.");
  });
});

describe("Front", () => {
  let f: HelpdeskLoopback;
  const apiToken = "front-api-token";
  beforeEach(async () => {
    f ??= await loopback("front", { auth: { bearer: apiToken } });
    f.reset();
    addFrontInbox(f, "inb_sms1");
  });

  it("imports the transcript into the shopper's SMS thread, unassigns the AI teammate and comments the summary", async () => {
    const brand = await brandWith({ kind: "front", config: { baseUrl: f.url, inboxId: "inb_sms1", aiTeammateId: "tea_ai" }, secrets: { apiToken, appSecret: "front-app-secret" } });
    const { ticket, profile } = await handoff(brand.id);
    expect(await attempt(ticket.id)).toBe("delivered");

    expect(f.requests.map(summary)).toEqual([
      "POST /inboxes/inb_sms1/imported_messages → 202",
      "POST /inboxes/inb_sms1/imported_messages → 202",
      "POST /inboxes/inb_sms1/imported_messages → 202",
      expect.stringMatching(/^GET \/messages\/alt:uid:uid_\d+ → 200$/),
      expect.stringMatching(/^PUT \/conversations\/cnv_\d+\/assignee → 204$/),
      expect.stringMatching(/^POST \/conversations\/cnv_\d+\/comments → 201$/),
    ]);
    expect(f.requests.every((r) => r.headers.authorization === `Bearer ${apiToken}`)).toBe(true);
    expect(f.requests[0]!.body).toEqual({
      sender: { handle: profile.phone, name: "Sam Rivera" },
      to: [brand.smsNumber],
      body: "Where is my order #1001? It's late!!",
      external_id: `parley-${ticket.id}-0`,
      created_at: minutes(0).getTime() / 1000,
      type: "sms",
      metadata: { is_inbound: true, is_archived: false, should_skip_rules: true, thread_ref: `parley-${profile.id}` },
    });
    expect(f.requests[1]!.body).toMatchObject({ sender: { handle: brand.smsNumber, name: "Juniper Test", author_id: "tea_ai" }, to: [profile.phone], metadata: { is_inbound: false } });
    expect(f.requests[4]!.body).toEqual({ assignee_id: null });
    const comment = f.requests[5]!.body as { body: string; author_id: string };
    expect(comment.author_id).toBe("tea_ai");
    expect(comment.body).toContain("Sentiment: negative");
    expect(comment.body).toContain(`Summary: ${ticket.summary}`);

    const conversations = f.store.conversations!;
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({ thread_ref: `parley-${profile.id}`, assignee: null });
    expect(await ticketOf(ticket.id)).toMatchObject({ deliveryStatus: "delivered", externalId: conversations[0]!.id });
  });

  it("an unknown inbox is a 404 that retrying cannot fix", async () => {
    const brand = await brandWith({ kind: "front", config: { baseUrl: f.url, inboxId: "inb_gone" }, secrets: { apiToken, appSecret: "s" } });
    const { ticket } = await handoff(brand.id);
    expect(await attempt(ticket.id)).toBe("fell_back");
    expect((await ticketOf(ticket.id)).lastError).toBe("Front answered 404 Not Found. Check the Front address and ids in Settings → Helpdesk.");
  });
});

describe("Zendesk", () => {
  let z: HelpdeskLoopback;
  const auth = { user: "agent@juniper.example/token", password: "zd-token" };
  beforeEach(async () => {
    z ??= await loopback("zendesk", { auth: { basic: auth } });
    z.reset();
  });

  it("saves the shopper with their phone and creates one ticket with the transcript, even when a retry repeats it", async () => {
    const brand = await brandWith({ kind: "zendesk", config: { baseUrl: z.url, email: "agent@juniper.example" }, secrets: { apiToken: "zd-token" } });
    const { ticket, profile, conversation } = await handoff(brand.id);
    // Zendesk created the ticket but the answer was lost (a 502 from a proxy): the retry replays the same Idempotency-Key.
    z.failNext(502, 1, { path: "/api/v2/tickets" });
    expect(await attempt(ticket.id)).toBe("retry");
    expect(await attempt(ticket.id)).toBe("delivered");

    expect(z.requests.map(summary)).toEqual([
      "POST /api/v2/users/create_or_update → 201",
      "POST /api/v2/tickets → 502",
      "POST /api/v2/users/create_or_update → 200",
      "POST /api/v2/tickets → 201",
    ]);
    expect(z.requests.every((r) => r.headers.authorization === `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString("base64")}`)).toBe(true);
    expect(z.requests[0]!.body).toEqual({ user: { name: "Sam Rivera", phone: profile.phone, external_id: `parley-${profile.id}`, role: "end-user", email: "sam@example.com" } });
    expect(z.requests[3]!.headers["idempotency-key"]).toBe(`parley-${ticket.id}`);
    const created = (z.requests[3]!.body as { ticket: Record<string, unknown> }).ticket;
    expect(created).toMatchObject({
      subject: "SMS from Sam Rivera: shopper requested",
      requester_id: (z.store.users![0] as { id: number }).id,
      external_id: `parley-${conversation.id}`,
      priority: "high",
      tags: ["parley", "sms", "agent_automated"],
      comment: { public: false },
    });
    const body = (created.comment as { body: string }).body;
    expect(body).toContain(`Shopper: Sam Rivera, ${profile.phone}, sam@example.com`);
    expect(body).toContain("[2026-05-01 14:00 UTC] Shopper: Where is my order #1001? It's late!!");
    expect(body).toContain("[2026-05-01 14:01 UTC] Agent: Order #1001 shipped with UPS and should arrive Friday.");
    expect(z.store.tickets).toHaveLength(1);
    expect(await ticketOf(ticket.id)).toMatchObject({ deliveryStatus: "delivered", externalId: String((z.store.tickets![0] as { id: number }).id) });
  });
  it("a 429 with Retry-After is waited out within the attempt; a longer wait fails the attempt for the queue to retry later", async () => {
    const brand = await brandWith({ kind: "zendesk", config: { baseUrl: z.url, email: "agent@juniper.example" }, secrets: { apiToken: "zd-token" } });
    // A shopper with no email: create_or_update matches them on external_id alone.
    const { ticket, profile } = await handoff(brand.id, { email: null });
    z.rateLimitNext(1, 1, { path: "/api/v2/tickets" });
    expect(await attempt(ticket.id)).toBe("delivered");
    expect(z.requests.map(summary)).toEqual(["POST /api/v2/users/create_or_update → 201", "POST /api/v2/tickets → 429", "POST /api/v2/tickets → 201"]);
    expect(Date.parse(z.requests[2]!.at) - Date.parse(z.requests[1]!.at)).toBeGreaterThanOrEqual(950);
    expect(z.requests[0]!.body).toEqual({ user: { name: "Sam", phone: profile.phone, external_id: `parley-${profile.id}`, role: "end-user" } });
    expect(await deliveriesOf(ticket.id)).toEqual([expect.objectContaining({ outcome: "succeeded", httpStatus: 201 })]);

    // Asked to wait two minutes: more than an attempt waits. The attempt fails, retryable, and says so.
    const second = await handoff(brand.id);
    z.reset();
    z.rateLimitNext(120, 1, { path: "/api/v2/users" });
    expect(await attempt(second.ticket.id)).toBe("retry");
    expect(z.requests.map(summary)).toEqual(["POST /api/v2/users/create_or_update → 429"]);
    const [failed] = await deliveriesOf(second.ticket.id);
    expect(failed).toMatchObject({ outcome: "failed", httpStatus: 429, error: expect.stringContaining("asked Parley to wait 120 s") });
    expect(await attempt(second.ticket.id)).toBe("delivered");
  });

  it("a ticket Zendesk finds invalid is its 422 and is not retried", async () => {
    const brand = await brandWith({ kind: "zendesk", config: { baseUrl: z.url, email: "agent@juniper.example" }, secrets: { apiToken: "zd-token" } });
    const { ticket } = await handoff(brand.id);
    // Zendesk validates the requester: one it doesn't know is RecordInvalid.
    z.failNext(422, 1, { path: "/api/v2/tickets", body: { error: "RecordInvalid", description: "Record validation errors", details: { requester: [{ description: "Requester is invalid" }] } } });
    expect(await attempt(ticket.id)).toBe("fell_back");
    expect(await ticketOf(ticket.id)).toMatchObject({ deliveryStatus: "failed", lastError: expect.stringContaining("Zendesk answered 422") });
  });
});

describe("Gorgias", () => {
  let g: HelpdeskLoopback;
  const auth = { user: "ops@juniper.example", password: "gorgias-key" };
  beforeEach(async () => {
    g ??= await loopback("gorgias", { auth: { basic: auth } });
    g.reset();
  });

  it("creates the customer with a phone channel once and a ticket with the transcript for each handoff", async () => {
    const brand = await brandWith({ kind: "gorgias", config: { baseUrl: g.url, email: auth.user }, secrets: { apiKey: auth.password } });
    const { ticket, profile } = await handoff(brand.id, { email: null });
    expect(await attempt(ticket.id)).toBe("delivered");
    expect(g.requests.map(summary)).toEqual([`GET /api/customers?external_id=parley-${profile.id} → 200`, "POST /api/customers → 201", "POST /api/tickets → 201"]);
    expect(g.requests[1]!.body).toEqual({ name: "Sam", external_id: `parley-${profile.id}`, channels: [{ type: "phone", address: profile.phone, preferred: true }] });
    const customerId = (g.store.customers![0] as { id: number }).id;
    expect(g.requests[2]!.body).toMatchObject({
      customer: { id: customerId },
      channel: "api",
      via: "api",
      from_agent: false,
      status: "open",
      subject: "SMS from Sam: shopper requested",
      external_id: `parley-${ticket.id}`,
      tags: [{ name: "parley" }, { name: "agent_automated" }],
      messages: [{ channel: "api", via: "api", from_agent: false, sender: { id: customerId }, source: { type: "api", from: { address: profile.phone, name: "Sam" } } }],
    });
    expect((g.requests[2]!.body as { messages: { body_text: string }[] }).messages[0]!.body_text).toContain("[2026-05-01 14:02 UTC] Shopper: I want to talk to a person");

    // A second handoff from the same shopper reuses the customer.
    g.reset();
    const conv2 = await db.conversation.create({ data: { brandId: brand.id, profileId: profile.id, status: "escalated", windowEndsAt: new Date(Date.now() + 3_600_000) } });
    const t2 = await createHandoffTicket(db, { conversationId: conv2.id, reason: "out_of_scope" });
    expect(await attempt(t2.id)).toBe("delivered");
    expect(g.requests.map(summary)).toEqual([`GET /api/customers?external_id=parley-${profile.id} → 200`, "POST /api/tickets → 201"]);
    expect(g.store.customers).toHaveLength(1);
  });
});

describe("the conversation page's view of a handoff", () => {
  it("says where it went, whether it was delivered, and why not", async () => {
    const hook = await loopback("webhook");
    const brand = await brandWith({ kind: "webhook", config: { url: hook.url }, secrets: {} });
    const { ticket, conversation } = await handoff(brand.id);
    hook.setDown(500);
    await attempt(ticket.id);
    await attempt(ticket.id, true);
    expect(await getHandoffDelivery(db, brand.id, conversation.id)).toEqual({
      id: ticket.id,
      destination: "webhook",
      deliveryStatus: "failed",
      externalId: null,
      deliveredAt: null,
      lastError: "The webhook answered 500 Internal Server Error.",
      attempts: 2,
    });
    // Another brand reads nothing.
    expect(await getHandoffDelivery(db, (await createBrand(db)).id, conversation.id)).toBeNull();
  });
});
