/**
 * Settings → Helpdesk through tRPC (validation, encrypted and masked secrets, history, test handoff,
 * delivery log, API key), the public reply API and Front's webhook through their route handlers, and
 * a handoff in the real pipeline delivered by the queue worker.
 */
import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as frontWebhookPOST } from "@/app/api/helpdesk/front/[connectionId]/route";
import { POST as apiReplyPOST } from "@/app/api/v1/conversations/[id]/messages/route";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { isEncryptedSecret } from "../channels/secret-box";
import { getDb } from "../db";
import { publicUrl } from "../env";
import { enqueueHandoffDelivery, startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { createBrand, createMember, createShopper, eventually } from "../testing/fixtures";
import { addFrontInbox, newNonconformingRequests, startHelpdeskLoopback, type HelpdeskLoopback } from "../testing/helpdesk-loopback";
import { deliverHandoffAttempt } from "./deliver-handoff";
import { frontSignature } from "./front-webhook";
import { hashApiKey } from "./helpdesk-settings";
import { requeuePendingHandoffs } from "./deliver-handoff";

const db = getDb();
let hook: HelpdeskLoopback;
let front: HelpdeskLoopback;
let brandId: string;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  hook = await startHelpdeskLoopback("webhook");
  front = await startHelpdeskLoopback("front", { auth: { bearer: "front-token" } });
  addFrontInbox(front, "inb_sms1");
  const brand = await createBrand(db, { name: "Wren Outfitters" });
  brandId = brand.id;
  caller = createCaller(createApiContext(await createMember(db, brandId)));
  await startWorker();
});
afterAll(async () => {
  await hook.close();
  await front.close();
});
// Every request sent to Front is one its documented API takes (server/helpdesk/conformance).
afterEach(() => {
  expect(newNonconformingRequests([front])).toEqual([]);
});
beforeEach(() => {
  hook.reset();
  front.reset();
});

const row = () => db.helpdeskConnection.findUniqueOrThrow({ where: { brandId } });

describe("helpdesk settings", () => {
  it("starts with the built-in inbox only", async () => {
    expect(await caller.helpdesk.get()).toEqual({
      kind: "none",
      config: {},
      secrets: {},
      secretsProblem: null,
      apiKeyLast4: null,
      replyUrlTemplate: `${publicUrl()}/api/v1/conversations/{conversationId}/messages`,
      frontWebhookUrl: null,
    });
  });

  it("refuses wrong fields with each field's message and saves nothing", async () => {
    await expect(caller.helpdesk.update({ kind: "zendesk", config: { baseUrl: "http://acme.zendesk.com", email: "not-an-email" }, secrets: {} })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        fields: {
          baseUrl: "“http://acme.zendesk.com” isn’t an address Parley can call. Use an https:// address, e.g. https://acme.zendesk.com.",
          email: "“not-an-email” isn’t an email address.",
          apiToken: "Enter a Zendesk API token (Admin Center → Apps and integrations → Zendesk API).",
        },
      },
    });
    await expect(caller.helpdesk.update({ kind: "front", config: { inboxId: "team-inbox" }, secrets: { apiToken: "t" } })).rejects.toMatchObject({
      cause: { fields: { inboxId: "“team-inbox” isn’t a Front inbox id; they start with inb_, e.g. inb_55c8c149.", appSecret: expect.stringContaining("signing secret") } },
    });
    expect(await db.helpdeskConnection.findUnique({ where: { brandId } })).toBeNull();
    expect(await caller.settings.history()).toEqual([]);
  });

  it("saves Zendesk with the token encrypted, shows it only masked, keeps it when left blank, and records the history", async () => {
    const saved = await caller.helpdesk.update({ kind: "zendesk", config: { baseUrl: "https://acme.zendesk.com/", email: "agent@wren.example" }, secrets: { apiToken: "zendesk-token-9a8b" } });
    expect(saved).toMatchObject({ kind: "zendesk", config: { baseUrl: "https://acme.zendesk.com", email: "agent@wren.example" }, secrets: { apiToken: "••••••••9a8b" } });
    expect(JSON.stringify(saved)).not.toContain("zendesk-token-9a8b");
    const stored = (await row()).secrets!;
    expect(isEncryptedSecret(stored)).toBe(true);
    expect(stored).not.toContain("zendesk-token");

    const again = await caller.helpdesk.update({ kind: "zendesk", config: { baseUrl: "https://acme.zendesk.com", email: "lead@wren.example" }, secrets: { apiToken: "" } });
    expect(again.secrets).toEqual({ apiToken: "••••••••9a8b" });

    const history = await caller.settings.history();
    expect(history.map((h) => [h.area, h.before, h.after])).toEqual([
      ["helpdesk", { email: "agent@wren.example" }, { email: "lead@wren.example" }],
      ["helpdesk", { kind: "none", baseUrl: null, email: null, apiToken: null }, { kind: "zendesk", baseUrl: "https://acme.zendesk.com", email: "agent@wren.example", apiToken: "••••9a8b" }],
    ]);
  });

  it("the generic webhook gets a signing secret; switching helpdesks forgets the previous credentials", async () => {
    const saved = await caller.helpdesk.update({ kind: "webhook", config: { url: `${hook.url}/hooks/parley` }, secrets: {} });
    expect(saved.kind).toBe("webhook");
    const { signingSecret } = await caller.helpdesk.revealSigningSecret();
    expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(saved.secrets).toEqual({ signingSecret: `••••••••${signingSecret.slice(-4)}` });
    expect(JSON.stringify(await row())).not.toContain(signingSecret);
    // Back to Zendesk: the token from before is gone.
    await expect(caller.helpdesk.update({ kind: "zendesk", config: { baseUrl: "https://acme.zendesk.com", email: "a@wren.example" }, secrets: {} })).rejects.toMatchObject({
      cause: { fields: { apiToken: expect.any(String) } },
    });
    const rotated = await caller.helpdesk.rotateSigningSecret();
    expect(rotated.signingSecret).not.toBe(signingSecret);
    expect((await caller.helpdesk.revealSigningSecret()).signingSecret).toBe(rotated.signingSecret);
  });

  it("sends a test handoff through the saved connector and logs it as a test", async () => {
    await caller.helpdesk.update({ kind: "webhook", config: { url: `${hook.url}/hooks/parley` }, secrets: {} });
    hook.setWebhookAnswer(201, { id: "T-1" });
    const ok = await caller.helpdesk.sendTest();
    expect(ok).toEqual({ outcome: "succeeded", connector: "webhook", httpStatus: 201, externalId: "T-1", error: null });
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0]!.headers["x-parley-event"]).toBe("handoff.test");
    expect(hook.requests[0]!.body).toMatchObject({ event: "handoff.test", profile: { phone: "+15555550199", firstName: "Test" }, brand: { id: brandId, name: "Wren Outfitters" } });

    hook.failNext(500);
    const failed = await caller.helpdesk.sendTest();
    expect(failed).toEqual({ outcome: "failed", connector: "webhook", httpStatus: 500, externalId: null, error: "The webhook answered 500 Internal Server Error." });

    const log = await caller.helpdesk.deliveries({ page: 1, pageSize: 1 });
    expect(log.total).toBeGreaterThanOrEqual(2);
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]).toMatchObject({ connector: "webhook", outcome: "test", httpStatus: 500, error: expect.stringContaining("500"), ticket: null });
    const page2 = await caller.helpdesk.deliveries({ page: 2, pageSize: 1 });
    expect(page2.rows[0]).toMatchObject({ outcome: "test", httpStatus: 201, externalId: "T-1" });
  });

  it("a brand cannot test without choosing a helpdesk, and never sees another brand's log", async () => {
    const other = await createBrand(db, { name: "Kestrel" });
    const otherCaller = createCaller(createApiContext(await createMember(db, other.id)));
    await expect(otherCaller.helpdesk.sendTest()).rejects.toMatchObject({ message: "Choose a helpdesk and save it first; the built-in inbox needs no test." });
    expect(await otherCaller.helpdesk.deliveries({ page: 1, pageSize: 20 })).toMatchObject({ total: 0, rows: [] });
  });
});

describe("public reply API", () => {
  const post = (conversationId: string, body: unknown, headers: Record<string, string> = {}) =>
    apiReplyPOST(new Request(`${publicUrl()}/api/v1/conversations/${conversationId}/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }), {
      params: Promise.resolve({ id: conversationId }),
    });

  it("shows the key once, stores only its SHA-256, and sends an authorised reply to the shopper as SMS, once per idempotency key", async () => {
    const { apiKey, last4 } = await caller.helpdesk.generateApiKey();
    expect(apiKey).toMatch(/^prl_[A-Za-z0-9_-]{32}$/);
    expect(last4).toBe(apiKey.slice(-4));
    const stored = await row();
    expect(stored.apiKeyHash).toBe(crypto.createHash("sha256").update(apiKey).digest("hex"));
    expect(stored.apiKeyHash).toBe(hashApiKey(apiKey));
    expect(JSON.stringify(stored)).not.toContain(apiKey);
    expect((await caller.helpdesk.get()).apiKeyLast4).toBe(last4);
    expect((await caller.settings.history())[0]).toMatchObject({ area: "helpdesk", before: { publicApiKey: null }, after: { publicApiKey: `••••${last4}` } });

    const shopper = await createShopper(db, brandId);
    const conversation = await db.conversation.create({ data: { brandId, profileId: shopper.id, status: "escalated", windowEndsAt: new Date(Date.now() + 3_600_000) } });

    const res = await post(conversation.id, { body: "Hi Sam, Dana here. Your refund is on its way.", authorName: "Dana (Support)" }, { authorization: `Bearer ${apiKey}`, "idempotency-key": "zd-comment-77" });
    expect(res.status).toBe(201);
    const sent = (await res.json()) as { id: string; status: string; authorName: string };
    expect(sent).toMatchObject({ conversationId: conversation.id, body: "Hi Sam, Dana here. Your refund is on its way.", authorName: "Dana (Support)" });
    const message = await db.message.findUniqueOrThrow({ where: { id: sent.id } });
    expect(message).toMatchObject({ direction: "outbound", author: "human", purpose: "human", toNumber: shopper.phone, authorName: "Dana (Support)" });
    await eventually(async () => ["sent", "delivered"].includes((await db.message.findUniqueOrThrow({ where: { id: sent.id } })).status));

    // The helpdesk retried the call: same message, nothing sent twice.
    const again = await post(conversation.id, { body: "Hi Sam, Dana here. Your refund is on its way.", authorName: "Dana (Support)" }, { authorization: `Bearer ${apiKey}`, "idempotency-key": "zd-comment-77" });
    expect(((await again.json()) as { id: string }).id).toBe(sent.id);
    expect(await db.message.count({ where: { conversationId: conversation.id, author: "human" } })).toBe(1);
  });

  it("refuses a missing or replaced key (401), another brand's conversation (404) and a bad body (400)", async () => {
    const { apiKey: oldKey } = await caller.helpdesk.generateApiKey();
    const { apiKey } = await caller.helpdesk.generateApiKey();
    const shopper = await createShopper(db, brandId);
    const conversation = await db.conversation.create({ data: { brandId, profileId: shopper.id, status: "escalated", windowEndsAt: new Date(Date.now() + 3_600_000) } });

    const none = await post(conversation.id, { body: "hi" });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="parley"');
    const replaced = await post(conversation.id, { body: "hi" }, { authorization: `Bearer ${oldKey}` });
    expect(replaced.status).toBe(401);
    expect(await replaced.json()).toEqual({ error: "UNAUTHORIZED", message: "That API key is not valid (it may have been replaced). Generate a new one in Settings → Helpdesk." });

    const other = await createBrand(db);
    const stranger = await createShopper(db, other.id);
    const theirs = await db.conversation.create({ data: { brandId: other.id, profileId: stranger.id, status: "escalated", windowEndsAt: new Date(Date.now() + 3_600_000) } });
    expect((await post(theirs.id, { body: "hi" }, { authorization: `Bearer ${apiKey}` })).status).toBe(404);

    const bad = await post(conversation.id, { text: "hi" }, { authorization: `Bearer ${apiKey}` });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "BAD_REQUEST", fields: { body: "Send the reply text as “body”." } });
    expect(await db.message.count({ where: { conversationId: conversation.id } })).toBe(0);
  });
});

describe("Front: handoff out, a rep's reply back as SMS", () => {
  const appSecret = "front-app-signing-secret";

  async function frontRequest(connectionId: string, event: unknown, opts: { secret?: string; timestamp?: number; challenge?: string } = {}) {
    const raw = JSON.stringify(event);
    const timestamp = String(opts.timestamp ?? Date.now());
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-front-request-timestamp": timestamp,
      "x-front-signature": frontSignature(opts.secret ?? appSecret, timestamp, raw),
      ...(opts.challenge ? { "x-front-challenge": opts.challenge } : {}),
    };
    return frontWebhookPOST(new Request(`${publicUrl()}/api/helpdesk/front/${connectionId}`, { method: "POST", headers, body: raw }), { params: Promise.resolve({ connectionId }) });
  }

  const outboundSent = (conversationId: string, messageId: string, text: string, author: Record<string, string>) => ({
    type: "outbound_sent",
    authorization: { id: "cmp_123" },
    payload: {
      _links: { self: `https://api2.frontapp.com/events/evt_${messageId}` },
      id: `evt_${messageId}`,
      type: "out_reply",
      emitted_at: Date.now() / 1000,
      conversation: { id: conversationId, subject: "" },
      source: { _meta: { type: "teammates" }, data: [] },
      target: { _meta: { type: "message" }, data: { id: messageId, type: "sms", is_inbound: false, body: `<p>${text}</p>`, text, author } },
    },
  });

  it("the handoff lands in Front; Front's signed outbound_sent reaches the shopper once; forged, stale and foreign events do nothing", async () => {
    const brand = await createBrand(db, { name: "Front Brand" });
    const member = await createMember(db, brand.id);
    const frontCaller = createCaller(createApiContext(member));
    const settings = await frontCaller.helpdesk.update({
      kind: "front",
      config: { baseUrl: front.url, inboxId: "inb_sms1", aiTeammateId: "tea_ai" },
      secrets: { apiToken: "front-token", appSecret },
    });
    const connection = await db.helpdeskConnection.findUniqueOrThrow({ where: { brandId: brand.id } });
    expect(settings.frontWebhookUrl).toBe(`${publicUrl()}/api/helpdesk/front/${connection.id}`);

    // A real handoff through the pipeline, delivered by the worker.
    const phone = `+1555${crypto.randomInt(2_000_000, 9_999_999)}`;
    await createShopper(db, brand.id, { phone });
    const handed = await simulateText(db, { brandId: brand.id, from: phone, body: "can I talk to a real person please" });
    expect(handed.disposition).toBe("escalated");
    const ticket = await eventually(async () => {
      const t = await db.handoffTicket.findUnique({ where: { conversationId: handed.conversationId! } });
      return t?.deliveryStatus === "delivered" ? t : undefined;
    });
    const frontConversation = front.store.conversations!.at(-1)!;
    expect(ticket.externalId).toBe(frontConversation.id);
    expect(frontConversation.assignee).toBeNull();

    // Front checks the webhook address when it is saved.
    const challenge = await frontRequest(connection.id, { type: "sync", authorization: { id: "cmp_123" } }, { challenge: "abc123" });
    expect(challenge.status).toBe(200);
    expect(await challenge.json()).toEqual({ challenge: "abc123" });

    const event = outboundSent(frontConversation.id as string, "msg_rep_1", "Hi! Dana from Front Brand here. What can I do?", { id: "tea_dana", email: "dana@frontbrand.example", first_name: "Dana", last_name: "Lee" });
    const res = await frontRequest(connection.id, event);
    expect(res.status).toBe(200);
    const result = (await res.json()) as { type: string; messageId: string };
    expect(result).toMatchObject({ type: "sent", conversationId: handed.conversationId });
    const reply = await db.message.findUniqueOrThrow({ where: { id: result.messageId } });
    expect(reply).toMatchObject({ body: "Hi! Dana from Front Brand here. What can I do?", author: "human", purpose: "human", authorName: "Dana Lee", toNumber: phone });
    await eventually(async () => ["sent", "delivered"].includes((await db.message.findUniqueOrThrow({ where: { id: result.messageId } })).status));

    // Front re-delivers the same event: the shopper gets one text.
    expect(((await (await frontRequest(connection.id, event)).json()) as { messageId: string }).messageId).toBe(result.messageId);
    expect(await db.message.count({ where: { conversationId: handed.conversationId!, author: "human" } })).toBe(1);

    // Forged (wrong secret) and replayed (ten minutes old) requests are refused.
    expect((await frontRequest(connection.id, outboundSent(frontConversation.id as string, "msg_x", "x", {}), { secret: "guess" })).status).toBe(403);
    expect((await frontRequest(connection.id, outboundSent(frontConversation.id as string, "msg_y", "y", {}), { timestamp: Date.now() - 10 * 60_000 })).status).toBe(403);
    // The AI teammate's own messages and conversations Parley never handed off are ignored.
    expect(await (await frontRequest(connection.id, outboundSent(frontConversation.id as string, "msg_ai", "imported", { id: "tea_ai" }))).json()).toMatchObject({ type: "ignored" });
    expect(await (await frontRequest(connection.id, outboundSent("cnv_elsewhere", "msg_z", "z", { id: "tea_dana" }))).json()).toMatchObject({ type: "ignored", reason: "not a conversation Parley handed off" });
    expect(await db.message.count({ where: { conversationId: handed.conversationId!, author: "human" } })).toBe(1);
  });
});

describe("the pipeline and the queue", () => {
  it("a handoff is tagged, delivered by the worker to the webhook, and a pending one is requeued at start", async () => {
    const brand = await createBrand(db, { name: "Queue Brand" });
    const member = await createMember(db, brand.id);
    await createCaller(createApiContext(member)).helpdesk.update({ kind: "webhook", config: { url: hook.url }, secrets: {} });
    const phone = `+1555${crypto.randomInt(2_000_000, 9_999_999)}`;
    await createShopper(db, brand.id, { phone });

    const first = await simulateText(db, { brandId: brand.id, from: phone, body: "where is my order" });
    expect(first.disposition).toBe("agent_replied");
    expect((await db.conversation.findUniqueOrThrow({ where: { id: first.conversationId! } })).tags).toEqual(["agent_automating"]);

    const handed = await simulateText(db, { brandId: brand.id, from: phone, body: "let me talk to a human" });
    expect(handed.disposition).toBe("escalated");
    expect((await db.conversation.findUniqueOrThrow({ where: { id: handed.conversationId! } })).tags).toEqual(["agent_automated"]);
    const delivered = await eventually(async () => {
      const t = await db.handoffTicket.findUnique({ where: { conversationId: handed.conversationId! } });
      return t?.deliveryStatus === "delivered" ? t : undefined;
    });
    expect(hook.requests.filter((r) => r.headers["x-parley-delivery"] === delivered.id)).toHaveLength(1);
    expect(hook.requests.at(-1)!.body).toMatchObject({ conversation: { id: handed.conversationId, tags: ["agent_automated"] }, escalationReason: "shopper_requested" });

    // A ticket left pending (the process died before queueing) is delivered after a restart's requeue.
    const shopper = await createShopper(db, brand.id);
    const conv = await db.conversation.create({ data: { brandId: brand.id, profileId: shopper.id, status: "escalated", windowEndsAt: new Date(Date.now() + 3_600_000), tags: ["agent_automated"] } });
    const stranded = await db.handoffTicket.create({
      data: { brandId: brand.id, conversationId: conv.id, profileId: shopper.id, reason: "shopper_requested", summary: "s", sentiment: "neutral", transcript: [], destination: "webhook", deliveryStatus: "pending" },
    });
    expect(await requeuePendingHandoffs(db)).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await db.handoffTicket.findUniqueOrThrow({ where: { id: stranded.id } })).deliveryStatus === "delivered");
    // Queued twice more: one job per ticket, and a run after the success is a no-op.
    await enqueueHandoffDelivery(stranded.id);
    expect(await deliverHandoffAttempt(db, stranded.id, { isLastAttempt: false })).toBe("noop");
    await new Promise((r) => setTimeout(r, 1500));
    expect(hook.requests.filter((r) => r.headers["x-parley-delivery"] === stranded.id)).toHaveLength(1);
    expect(await db.handoffDelivery.count({ where: { ticketId: stranded.id } })).toBe(1);
  });

  it("a conversation tagged agent_automated or agent_failure is never answered by the agent again", async () => {
    const brand = await createBrand(db, { name: "Tag Brand" });
    const phone = `+1555${crypto.randomInt(2_000_000, 9_999_999)}`;
    await createShopper(db, brand.id, { phone });
    const first = await simulateText(db, { brandId: brand.id, from: phone, body: "where is my order" });
    expect(first.disposition).toBe("agent_replied");
    // A helpdesk (or teammate) marks the conversation as handled by people.
    await db.conversation.update({ where: { id: first.conversationId! }, data: { tags: ["vip", "agent_failure"] } });
    const second = await simulateText(db, { brandId: brand.id, from: phone, body: "where is my order now?" });
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.disposition).toBe("human");
    expect(second.replies).toHaveLength(0);
  });
});
