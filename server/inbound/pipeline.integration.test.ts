import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { resetEnvForTests } from "../env";
import { startWorker } from "../jobs";
import { queueOutbound } from "../outbound";
import { sendSimulatedText, simulateText } from "../simulator";
import { segmentInfo } from "../sms";
import { createBrand, createShopper, eventually } from "../testing/fixtures";
import { DEMO, demoShopperPhone, seedDemo } from "../../prisma/seed";

let brandId: string;

beforeAll(async () => {
  await seedDemo(getDb(), { password: "parley-demo" });
  brandId = (await getDb().brand.findUniqueOrThrow({ where: { slug: DEMO.brandSlug } })).id;
  await startWorker();
});

const text = (from: string, body: string) => simulateText(getDb(), { brandId, from, body });

describe("the inbound pipeline on the demo brand", () => {
  it("answers WISMO by order number with the real seeded status and tracking, in one segment", async () => {
    const order = await getDb().order.findFirstOrThrow({ where: { brandId, number: "1001" } });
    const result = await text(demoShopperPhone(1), "where is my order #1001");
    expect(result.disposition).toBe("agent_replied");
    expect(result.replies).toHaveLength(1);
    const reply = result.replies[0]!;
    expect(reply.body).toContain("#1001");
    expect(reply.body).toContain("shipped");
    expect(reply.body).toContain(order.trackingUrl!);
    expect(reply.segments).toBe(1);
    expect(segmentInfo(reply.body).segments).toBe(1);
    expect(result.events).toEqual(expect.arrayContaining(["Received SMS", "Started Customer Agent Conversation", "Sent SMS"]));
  });

  it("finds the shopper's latest order by phone when no number is given", async () => {
    const result = await text(demoShopperPhone(2), "where's my package?");
    expect(result.replies[0]!.body).toMatch(/Order #1002 is being packed/);
  });

  it("never invents an order that does not exist", async () => {
    const result = await text(demoShopperPhone(5), "status of order #999999");
    expect(result.replies[0]!.body).toContain("couldn't find order #999999");
  });

  it("continues the conversation within its window and resolves it on thanks, with the Resolved event", async () => {
    const phone = demoShopperPhone(3);
    const first = await text(phone, "where is order #1003");
    expect(first.replies[0]!.body).toContain("was delivered");
    const second = await text(phone, "thank you!");
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.disposition).toBe("agent_replied");
    expect(second.events).toContain("Resolved Customer Agent Conversation");
    const conversation = await getDb().conversation.findUniqueOrThrow({ where: { id: first.conversationId! } });
    expect(conversation.status).toBe("resolved");
    expect(conversation.skill).toBe("order_status");
  });

  it("escalates when the shopper asks for a person, then stays silent in that conversation", async () => {
    const phone = demoShopperPhone(4);
    const result = await text(phone, "can I talk to a real person please");
    expect(result.disposition).toBe("escalated");
    expect(result.events).toContain("Escalated Customer Agent Conversation");
    const event = await getDb().event.findFirstOrThrow({ where: { brandId, name: "Escalated Customer Agent Conversation", properties: { path: ["conversationId"], equals: result.conversationId! } } });
    expect(event.properties).toMatchObject({ reason: "shopper_requested" });
    const after = await text(phone, "hello? anyone?");
    expect(after.disposition).toBe("human");
    expect(after.replies).toHaveLength(0);
  });

  it("STOP opts out at once with one confirmation, and the agent then stays silent until START", async () => {
    const phone = demoShopperPhone(6);
    const stop = await text(phone, "STOP");
    expect(stop.disposition).toBe("opt_out");
    expect(stop.replies).toHaveLength(1);
    const profile = await getDb().profile.findUniqueOrThrow({ where: { brandId_phone: { brandId, phone } } });
    expect(profile.smsConsent).toBe("unsubscribed");
    const ledger = await getDb().consentChange.findMany({ where: { profileId: profile.id, source: "keyword" } });
    expect(ledger.map((c) => [c.from, c.to])).toEqual([["subscribed", "unsubscribed"]]);
    const ignored = await text(phone, "where is my order");
    expect(ignored.disposition).toBe("not_subscribed");
    expect(ignored.replies).toHaveLength(0);
    const start = await text(phone, "START");
    expect(start.disposition).toBe("opt_in");
    const again = await text(phone, "where is my order");
    expect(again.disposition).toBe("agent_replied");
  });

  it("does not answer a number that never subscribed, and does not subscribe it", async () => {
    const result = await text("+15555559876", "where is my order");
    expect(result.disposition).toBe("not_subscribed");
    expect(result.replies).toHaveLength(0);
    const profile = await getDb().profile.findUniqueOrThrow({ where: { brandId_phone: { brandId, phone: "+15555559876" } } });
    expect(profile.smsConsent).toBe("never_subscribed");
  });

  it("gives noise no reply and starts no conversation", async () => {
    const result = await text(demoShopperPhone(8), "👍");
    expect(result.disposition).toMatch(/^noise:/);
    expect(result.replies).toHaveLength(0);
    expect(result.conversationId).toBeNull();
  });

  it("hands off after repeated misunderstanding instead of texting on", async () => {
    const phone = demoShopperPhone(10);
    const a = await text(phone, "do you like pizza");
    expect(a.disposition).toBe("agent_replied");
    const b = await text(phone, "what about the weather");
    expect(b.disposition).toBe("escalated");
  });
});

describe("brand settings in the pipeline", () => {
  it("sends the closeout message instead of a handoff when the brand chose closeout", async () => {
    const db = getDb();
    const brand = await createBrand(db);
    await db.agentSettings.update({ where: { brandId: brand.id }, data: { handoffMode: "closeout", closeoutMessage: "We're closed now; we'll text you tomorrow." } });
    const shopper = await createShopper(db, brand.id);
    const result = await simulateText(db, { brandId: brand.id, from: shopper.phone, body: "talk to a human" });
    expect(result.disposition).toBe("closed_out");
    expect(result.replies.map((r) => r.body)).toEqual(["We're closed now; we'll text you tomorrow."]);
  });

  it("escalates at the reply cap rather than sending more", async () => {
    const db = getDb();
    const brand = await createBrand(db);
    await db.agentSettings.update({ where: { brandId: brand.id }, data: { maxRepliesPerConversation: 2 } });
    const shopper = await createShopper(db, brand.id);
    const dispositions = [];
    for (const body of ["hi", "hello", "hey there"]) dispositions.push((await simulateText(db, { brandId: brand.id, from: shopper.phone, body })).disposition);
    expect(dispositions).toEqual(["agent_replied", "agent_replied", "escalated"]);
    const conv = await db.conversation.findFirstOrThrow({ where: { brandId: brand.id, profileId: shopper.id } });
    expect(conv.escalationReason).toBe("cap_reached");
  });

  it("leaves the agent silent when it is switched off", async () => {
    const db = getDb();
    const brand = await createBrand(db);
    await db.agentSettings.update({ where: { brandId: brand.id }, data: { enabled: false } });
    const shopper = await createShopper(db, brand.id);
    const result = await simulateText(db, { brandId: brand.id, from: shopper.phone, body: "where is my order" });
    expect(result.disposition).toBe("ineligible:agent_off");
    expect(result.replies).toHaveLength(0);
  });

  it("processes two quick texts from one shopper in the order they arrived, answering them as one turn", async () => {
    const db = getDb();
    const brand = await createBrand(db);
    const shopper = await createShopper(db, brand.id);
    // Both stored before either is processed (the reply pause holds the first, as in production;
    // the tests' default of 0 left this to a race with the worker): the queue keeps arrival order.
    process.env.AGENT_REPLY_PAUSE_MS = "500";
    resetEnvForTests();
    let first: Awaited<ReturnType<typeof sendSimulatedText>>;
    let second: typeof first;
    try {
      first = await sendSimulatedText(db, brand.id, { from: shopper.phone, body: "hi" });
      second = await sendSimulatedText(db, brand.id, { from: shopper.phone, body: "can I speak to someone" });
    } finally {
      process.env.AGENT_REPLY_PAUSE_MS = "0";
      resetEnvForTests();
    }
    const done = await eventually(async () => {
      const rows = await db.message.findMany({ where: { id: { in: [first.messageId, second.messageId] } } });
      return rows.every((m) => m.processedAt) ? rows : undefined;
    });
    const byId = Object.fromEntries(done.map((m) => [m.id, m]));
    // The first waited for the second (one turn), which asked for a person: one handoff, one reply.
    expect(byId[first.messageId]!.disposition).toBe("combined");
    expect(byId[second.messageId]!.disposition).toBe("escalated");
    expect(await db.message.count({ where: { brandId: brand.id, direction: "outbound", author: "agent" } })).toBe(1);
    expect(byId[first.messageId]!.processedAt!.getTime()).toBeLessThanOrEqual(byId[second.messageId]!.processedAt!.getTime());
  });
});

describe("the agent's reply pause", () => {
  it("answers quick texts once, after the pause; a STOP is honoured at once and takes the waiting texts with it, in order", async () => {
    const db = getDb();
    const brand = await createBrand(db);
    const shopper = await createShopper(db, brand.id);
    process.env.AGENT_REPLY_PAUSE_MS = "20000";
    resetEnvForTests();
    try {
      const question = await sendSimulatedText(db, brand.id, { from: shopper.phone, body: "do you have a waterproof rain jacket?" });
      const stop = await sendSimulatedText(db, brand.id, { from: shopper.phone, body: "STOP" });
      const done = await eventually(async () => {
        const rows = await db.message.findMany({ where: { id: { in: [question.messageId, stop.messageId] } } });
        return rows.every((m) => m.processedAt) ? rows : undefined;
      }, 15_000);
      const byId = Object.fromEntries(done.map((m) => [m.id, m]));
      const [q, s] = [byId[question.messageId]!, byId[stop.messageId]!];
      expect(s.disposition).toBe("opt_out");
      // Well inside the 20 s pause: the STOP did not wait, and the question before it ran first.
      expect(s.processedAt!.getTime() - s.createdAt.getTime()).toBeLessThan(20_000);
      expect(q.processedAt!.getTime()).toBeLessThanOrEqual(s.processedAt!.getTime());
      // The question was answered on its own (a STOP never swallows it); its reply met the opt-out at send.
      expect(q.disposition).toBe("agent_replied");
    } finally {
      process.env.AGENT_REPLY_PAUSE_MS = "0";
      resetEnvForTests();
    }
  });
});

describe("the send layer", () => {
  it("refuses to text an unsubscribed profile even when asked directly", async () => {
    const db = getDb();
    const brand = await createBrand(db);
    const shopper = await createShopper(db, brand.id, { consent: "unsubscribed" });
    await expect(
      queueOutbound(db, { brandId: brand.id, profileId: shopper.id, body: "Big sale!", author: "human", purpose: "human", idempotencyKey: `t:${shopper.id}` }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.message.count({ where: { brandId: brand.id, direction: "outbound" } })).toBe(0);
  });

  it("queues one message per idempotency key", async () => {
    const db = getDb();
    const brand = await createBrand(db);
    const shopper = await createShopper(db, brand.id);
    const input = { brandId: brand.id, profileId: shopper.id, body: "Hello", author: "human" as const, purpose: "human" as const, idempotencyKey: `once:${shopper.id}` };
    const a = await queueOutbound(db, input);
    const b = await queueOutbound(db, input);
    expect(b.id).toBe(a.id);
    expect(await db.message.count({ where: { brandId: brand.id, direction: "outbound" } })).toBe(1);
  });
});
