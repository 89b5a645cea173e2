/**
 * Every metric on the performance page, asserted exactly on events with known timestamps.
 * The brand is in New York; the period is Jan 10–16, 2026 (EST, UTC−5), the previous one Jan 3–9.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../api/root";
import { createApiContext } from "../../api/trpc";
import { getDb, type Db } from "../../db";
import { createBrand, createMember, createShopper } from "../../testing/fixtures";
import { emitEvent, EventName } from "../emit-event";
import { recordPlacedOrder } from "../attribution/record-placed-order";
import { median } from "./median";

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

let db: Db;
let brandId: string;
let otherBrandId: string;
let caller: ReturnType<typeof createCaller>;
let otherCaller: ReturnType<typeof createCaller>;
let campaignId: string;
let seq = 0;

const period = { from: "2026-01-10", to: "2026-01-16", channel: "sms" as const };

async function event(brand: string, profileId: string | null, name: string, occurredAt: Date, properties: Record<string, unknown> = {}) {
  await emitEvent(db, { brandId: brand, profileId, name, occurredAt, properties, dedupeKey: `test:${++seq}` });
}

/** A conversation as the pipeline records it: the shopper's text, Started, the agent's first reply, an outcome. */
async function conversation(
  brand: string,
  profileId: string,
  opts: {
    textAt: Date;
    replyAfterSeconds?: number;
    segments?: number;
    outcome?: { kind: "resolved" } | { kind: "escalated"; outcome: "escalated" | "closed_out" | "failed" };
    skill?: string | null;
    sourceCampaignId?: string | null;
  },
) {
  const conversationId = `conv-${++seq}`;
  await event(brand, profileId, EventName.receivedSms, opts.textAt, { messageId: `in-${seq}` });
  const startedAt = plus(opts.textAt, 1000);
  await event(brand, profileId, EventName.conversationStarted, startedAt, { conversationId, channel: "sms", sourceCampaignId: opts.sourceCampaignId ?? null });
  let replyAt: Date | null = null;
  if (opts.replyAfterSeconds !== undefined) {
    replyAt = plus(opts.textAt, opts.replyAfterSeconds * 1000);
    await event(brand, profileId, EventName.sentSms, replyAt, { messageId: `out-${seq}`, author: "agent", segments: opts.segments ?? 1 });
  }
  if (opts.outcome?.kind === "resolved") {
    await event(brand, profileId, EventName.conversationResolved, plus(opts.textAt, 10 * 60_000), { conversationId, channel: "sms", skill: opts.skill ?? null });
  } else if (opts.outcome?.kind === "escalated") {
    await event(brand, profileId, EventName.conversationEscalated, plus(opts.textAt, 10 * 60_000), { conversationId, channel: "sms", skill: opts.skill ?? null, outcome: opts.outcome.outcome, reason: "test" });
  }
  return { conversationId, replyAt: replyAt! };
}

function order(brand: string, profileId: string | null, number: string, placedAt: Date, totalCents: number) {
  return recordPlacedOrder(db, { brandId: brand, profileId, number, totalCents, placedAt, source: "builtin" });
}

beforeAll(async () => {
  db = getDb();
  const brand = await createBrand(db, { name: "Larch" });
  brandId = brand.id;
  await db.brand.update({ where: { id: brandId }, data: { timeZone: "America/New_York", segmentCostCents: 0.79, attributionWindowHours: 24 } });
  caller = createCaller(createApiContext(await createMember(db, brandId)));
  const s = await Promise.all(Array.from({ length: 9 }, (_, i) => createShopper(db, brandId, { phone: `+1555010${String(i + 1).padStart(4, "0")}` })));
  const [s1, s2, s3, s4, s5, s6, s7, s8, s9] = s.map((p) => p.id) as [string, string, string, string, string, string, string, string, string];

  const campaign = await db.campaign.create({ data: { brandId, name: "Winter sale", body: "Winter sale! Reply to chat.", status: "sent" } });
  campaignId = campaign.id;
  await db.campaign.create({ data: { brandId, name: "Draft, never sent", body: "…" } });
  // The campaign went to shoppers 1, 3 and 9 at 13:00 UTC on Jan 12.
  for (const profileId of [s1, s3, s9]) {
    const sentAt = at("2026-01-12T13:00:00Z");
    const m = await db.message.create({
      data: { brandId, profileId, direction: "outbound", author: "system", purpose: "campaign", campaignId, body: "Winter sale!", encoding: "GSM-7", segments: 1, status: "delivered", fromNumber: brand.smsNumber, toNumber: "+15550000000", createdAt: sentAt },
    });
    await event(brandId, profileId, EventName.sentSms, plus(sentAt, 1000), { messageId: m.id, author: "system", segments: 1 });
  }

  // --- The period, Jan 10–16 ---
  // G: starts at the very first instant of Jan 10 in New York (05:00 UTC); still open.
  await event(brandId, s7, EventName.conversationStarted, at("2026-01-10T05:00:00Z"), { conversationId: "conv-g", channel: "sms" });
  // A: a reply to the campaign, answered in 5 s, resolved (WISMO).
  const a = await conversation(brandId, s1, { textAt: at("2026-01-12T14:00:00Z"), replyAfterSeconds: 5, outcome: { kind: "resolved" }, skill: "order_status", sourceCampaignId: campaignId });
  // B: answered in 11 s with a two-segment reply, escalated (FAQ); a teammate's reply doesn't count as the agent's.
  const b = await conversation(brandId, s2, { textAt: at("2026-01-12T15:00:00Z"), replyAfterSeconds: 11, segments: 2, outcome: { kind: "escalated", outcome: "escalated" }, skill: "faq" });
  await event(brandId, s2, EventName.sentSms, at("2026-01-12T15:30:00Z"), { messageId: "human-1", author: "human", segments: 1 });
  // C: answered in 20 s, closed out (no skill). The shopper also texted 27 h after the campaign: not a campaign reply.
  const c = await conversation(brandId, s3, { textAt: at("2026-01-13T16:00:00Z"), replyAfterSeconds: 20, outcome: { kind: "escalated", outcome: "closed_out" }, skill: null });
  // D: 22:30 on Jan 13 in New York (03:30 UTC on Jan 14); answered in 30 s, failed (recommendation).
  await conversation(brandId, s4, { textAt: at("2026-01-14T03:30:00Z"), replyAfterSeconds: 30, outcome: { kind: "escalated", outcome: "failed" }, skill: "product_recommendation" });
  // E: never answered, still open.
  await conversation(brandId, s5, { textAt: at("2026-01-15T12:00:00Z") });
  // F: a workflow's conversation, answered in 8 s, resolved.
  const f = await conversation(brandId, s6, { textAt: at("2026-01-16T12:00:00Z"), replyAfterSeconds: 8, outcome: { kind: "resolved" }, skill: "workflow:Returns" });
  // H: starts at the first instant of Jan 17 in New York: outside the period.
  await event(brandId, s8, EventName.conversationStarted, at("2026-01-17T05:00:00Z"), { conversationId: "conv-h", channel: "sms" });

  // Orders: 23 h after A's reply (credited), twice; 25 h after B's (not); 14 h after C's (credited,
  // Jan 14 local); one with no shopper; one placed an hour before F's reply (not).
  expect(await order(brandId, s1, "2001", plus(a.replyAt, 23 * HOUR), 5000)).toBe(true);
  expect(await order(brandId, s1, "#2001", plus(a.replyAt, 23 * HOUR), 5000)).toBe(false);
  await order(brandId, s2, "2002", plus(b.replyAt, 25 * HOUR), 3000);
  await order(brandId, s3, "2003", plus(c.replyAt, 14 * HOUR), 1999);
  await order(brandId, null, "2004", at("2026-01-15T18:00:00Z"), 1000);
  await order(brandId, s6, "2005", plus(f.replyAt, -HOUR), 2500);

  // --- The previous period, Jan 3–9 ---
  const p1 = await conversation(brandId, s1, { textAt: at("2026-01-05T12:00:00Z"), replyAfterSeconds: 4, outcome: { kind: "resolved" }, skill: "order_status" });
  // 23:30 on Jan 9 in New York is 04:30 UTC on Jan 10: still the previous period.
  await conversation(brandId, s2, { textAt: at("2026-01-10T04:30:00Z"), replyAfterSeconds: 6, outcome: { kind: "resolved" }, skill: "faq" });
  await order(brandId, s1, "1990", plus(p1.replyAt, HOUR), 4000);

  // Another brand with the same kind of activity in the same days: never counted here.
  const other = await createBrand(db, { name: "Other" });
  otherBrandId = other.id;
  otherCaller = createCaller(createApiContext(await createMember(db, otherBrandId)));
  const o1 = await createShopper(db, otherBrandId, { phone: "+15550100001" });
  const oa = await conversation(otherBrandId, o1.id, { textAt: at("2026-01-12T14:00:00Z"), replyAfterSeconds: 3, outcome: { kind: "resolved" }, skill: "order_status" });
  await order(otherBrandId, o1.id, "2001", plus(oa.replyAt, HOUR), 99_900);
  await db.campaign.create({ data: { brandId: otherBrandId, name: "Other brand's campaign", body: "x", status: "sent" } });
});

describe("the metric cards", () => {
  it("counts every metric of the period exactly", async () => {
    const summary = await caller.performance.summary(period);
    expect(summary.current).toMatchObject({ from: "2026-01-10", to: "2026-01-16", days: 7 });
    expect(summary.current.metrics).toEqual({
      conversationsStarted: 7,
      resolved: 2,
      escalated: 2,
      failed: 1,
      closedOut: 1,
      open: 2,
      resolvedRate: 2 / 7,
      escalatedRate: 2 / 7,
      closedOutRate: 1 / 7,
      medianFirstResponseSeconds: median([5, 11, 20, 30, 8]),
      firstResponses: 5,
      agentReplies: 5,
      segments: 6,
      segmentCostCents: 4.74,
      attributedRevenueCents: 5000 + 1999,
      attributedOrders: 2,
      averageOrderValueCents: 3500,
      allOrders: 5,
      allRevenueCents: 5000 + 3000 + 1999 + 1000 + 2500,
    });
    expect(summary.current.metrics.medianFirstResponseSeconds).toBe(11);
    expect(summary.attribution).toEqual({ windowHours: 24, model: "last_touch" });
    expect(summary.currency).toBe("USD");
  });

  it("compares with the previous period of equal length", async () => {
    const summary = await caller.performance.summary(period);
    expect(summary.previous).toMatchObject({ from: "2026-01-03", to: "2026-01-09", days: 7 });
    expect(summary.previous.metrics).toMatchObject({
      conversationsStarted: 2,
      resolved: 2,
      escalated: 0,
      closedOut: 0,
      open: 0,
      resolvedRate: 1,
      medianFirstResponseSeconds: 5,
      agentReplies: 2,
      segments: 2,
      attributedRevenueCents: 4000,
      attributedOrders: 1,
      averageOrderValueCents: 4000,
      allOrders: 1,
    });
  });

  it("credits an order once however often it arrives, and follows the attribution window", async () => {
    // The same order again, from another source: still one order.
    expect(await recordPlacedOrder(db, { brandId, profileId: null, number: "2001", totalCents: 5000, placedAt: new Date(), source: "shopify" })).toBe(false);
    expect((await caller.performance.summary(period)).current.metrics.attributedOrders).toBe(2);

    // A 48-hour window also credits the order placed 25 h after B's reply.
    await caller.performance.updateAttributionSettings({ windowHours: 48, model: "last_touch" });
    const wider = await caller.performance.summary(period);
    expect(wider.current.metrics).toMatchObject({ attributedOrders: 3, attributedRevenueCents: 5000 + 3000 + 1999 });
    await caller.performance.updateAttributionSettings({ windowHours: 24, model: "last_touch" });
    expect((await caller.performance.summary(period)).current.metrics.attributedOrders).toBe(2);
  });

  it("refuses a range it can't show, with the field to fix", async () => {
    await expect(caller.performance.summary({ from: "2026-01-16", to: "2026-01-10", channel: "sms" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fields: { to: "The end date is before the start date." } },
    });
    await expect(caller.performance.series({ from: "2026-02-30", to: "2026-03-01", channel: "sms" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the charts", () => {
  it("has one row per local day, conversations by the day they started and revenue by the day of the order", async () => {
    const { days } = await caller.performance.series(period);
    expect(days.map((d) => d.day)).toEqual(["2026-01-10", "2026-01-11", "2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16"]);
    const byDay = Object.fromEntries(days.map((d) => [d.day, d]));
    expect(byDay["2026-01-10"]).toMatchObject({ started: 1, open: 1, resolvedRate: 0 });
    expect(byDay["2026-01-11"]).toEqual({ day: "2026-01-11", started: 0, resolved: 0, escalated: 0, closedOut: 0, failed: 0, open: 0, resolvedRate: null, attributedRevenueCents: 0, attributedOrders: 0 });
    expect(byDay["2026-01-12"]).toMatchObject({ started: 2, resolved: 1, escalated: 1, resolvedRate: 0.5, attributedRevenueCents: 0 });
    // D started at 22:30 on Jan 13 in New York (Jan 14 in UTC); order 2001 was placed on Jan 13 local.
    expect(byDay["2026-01-13"]).toMatchObject({ started: 2, closedOut: 1, failed: 1, resolved: 0, attributedRevenueCents: 5000, attributedOrders: 1 });
    expect(byDay["2026-01-14"]).toMatchObject({ started: 0, attributedRevenueCents: 1999, attributedOrders: 1 });
    expect(byDay["2026-01-15"]).toMatchObject({ started: 1, open: 1 });
    expect(byDay["2026-01-16"]).toMatchObject({ started: 1, resolved: 1, resolvedRate: 1 });
    expect(days.reduce((n, d) => n + d.started, 0)).toBe(7);
  });
});

describe("the tables", () => {
  it("groups conversations by skill, with workflows and the still-open ones in their own rows", async () => {
    const rows = await caller.performance.bySkill(period);
    expect(rows).toEqual([
      { key: "wismo", workflowName: null, conversations: 1, resolved: 1, escalated: 0, closedOut: 0, resolvedRate: 1 },
      { key: "recommendation", workflowName: null, conversations: 1, resolved: 0, escalated: 1, closedOut: 0, resolvedRate: 0 },
      { key: "faq", workflowName: null, conversations: 1, resolved: 0, escalated: 1, closedOut: 0, resolvedRate: 0 },
      { key: "other", workflowName: null, conversations: 1, resolved: 0, escalated: 0, closedOut: 1, resolvedRate: 0 },
      { key: "workflow", workflowName: "Returns", conversations: 1, resolved: 1, escalated: 0, closedOut: 0, resolvedRate: 1 },
      { key: "open", workflowName: null, conversations: 2, resolved: 0, escalated: 0, closedOut: 0, resolvedRate: 0 },
    ]);
  });

  it("shows each campaign that sent in the period: sent, replies in the window, conversations and revenue", async () => {
    const rows = await caller.performance.byCampaign(period);
    expect(rows).toEqual([
      {
        id: campaignId,
        name: "Winter sale",
        status: "sent",
        firstSentAt: new Date("2026-01-12T13:00:01Z"),
        sent: 3,
        replies: 1,
        replyRate: 1 / 3,
        conversations: 1,
        attributedRevenueCents: 5000,
        attributedOrders: 1,
      },
    ]);
    // A period before the campaign: no campaigns (the page shows an empty state).
    expect(await caller.performance.byCampaign({ from: "2026-01-03", to: "2026-01-09", channel: "sms" })).toEqual([]);
  });
});

describe("brand isolation", () => {
  it("another brand sees only its own numbers", async () => {
    const summary = await otherCaller.performance.summary(period);
    expect(summary.current.metrics).toMatchObject({ conversationsStarted: 1, resolved: 1, attributedOrders: 1, attributedRevenueCents: 99_900, agentReplies: 1, allOrders: 1 });
    expect(summary.previous.metrics.conversationsStarted).toBe(0);
    expect(await otherCaller.performance.byCampaign(period)).toEqual([]);
    const skills = await otherCaller.performance.bySkill(period);
    expect(skills.find((r) => r.key === "wismo")?.conversations).toBe(1);
    expect(skills.reduce((n, r) => n + r.conversations, 0)).toBe(1);
    // The same order number in two brands is two orders.
    expect((await caller.performance.summary(period)).current.metrics.attributedRevenueCents).toBe(6999);
    expect(otherBrandId).not.toBe(brandId);
  });
});
