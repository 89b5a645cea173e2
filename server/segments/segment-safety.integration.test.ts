/**
 * Segments that other things depend on, segments too large to look at, and property names every
 * JavaScript object already has. Each case goes through tRPC (createCaller) or HTTP, as a user would.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { handleTrpcRequest } from "../api/http-handler";
import { createApiContext } from "../api/trpc";
import { runCampaign } from "../campaigns/run-campaign";
import { getDb, type Db } from "../db";
import { resetEnvForTests } from "../env";
import { startWorker } from "../jobs";
import { createBrand, createMember, createShopper, eventually, twilioCredentials } from "../testing/fixtures";
import { startTwilioLoopback, type TwilioLoopback } from "../testing/twilio-loopback";
import { MAX_SEGMENTS_PER_BRAND } from "./segments";

let loopback: TwilioLoopback;
const noSleep = async () => undefined;

beforeAll(async () => {
  loopback = await startTwilioLoopback();
  process.env.TWILIO_API_BASE_URL = loopback.url;
  resetEnvForTests();
  await startWorker();
});
afterAll(() => loopback.close());

const textsTo = (phone: string) => loopback.requests.filter((r) => r.path.endsWith("/Messages.json") && r.form.To === phone);

async function brandWithCaller(opts: { twilio?: boolean } = {}) {
  const db = getDb();
  const brand = await createBrand(db, opts.twilio ? { twilio: twilioCredentials() } : {});
  const member = await createMember(db, brand.id);
  return { brand, member, caller: createCaller(createApiContext(member)) };
}

async function tagged(db: Db, brandId: string, tag: string, properties: Record<string, unknown> = {}) {
  const p = await createShopper(db, brandId);
  return db.profile.update({ where: { id: p.id }, data: { properties: { tag, ...properties } } });
}

const hasTag = (tag: string) => ({ type: "property", key: "tag", operator: "equals", value: tag });
const isPhone = (phone: string) => ({ type: "property", key: "$phone", operator: "equals", value: phone });

describe("a segment something depends on", () => {
  it("can't be deleted while a scheduled campaign excludes it, and the send keeps its audience as scheduled", { timeout: 60_000 }, async () => {
    const db = getDb();
    const { brand, caller } = await brandWithCaller({ twilio: true });
    await db.complianceSettings.upsert({ where: { brandId: brand.id }, update: { quietHoursEnabled: false }, create: { brandId: brand.id, quietHoursEnabled: false } });
    const kept = await tagged(db, brand.id, "spring");
    const left = await tagged(db, brand.id, "spring");
    const everyone = await caller.segments.create({ name: "Spring shoppers", definition: hasTag("spring") });
    const excluded = await caller.segments.create({ name: "Already bought", definition: isPhone(left.phone) });

    const draft = await caller.campaigns.create({ name: "Spring sale", body: "Spring sale: 20% off today", segmentIds: [everyone.id], excludedSegmentIds: [excluded.id] });
    const at = new Date(Date.now() + 3_600_000);
    await caller.campaigns.schedule({ id: draft.id, at });

    // The exclusion is refused deletion, with its user named; an edit can't widen the campaign either.
    await expect(caller.segments.delete({ id: excluded.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining('Used by campaign "Spring sale" (scheduled)'),
    });
    await caller.segments.update({ id: excluded.id, name: "Already bought", definition: isPhone("+15550000000") });
    expect(await db.segment.count({ where: { id: excluded.id } })).toBe(1);

    await runCampaign(db, draft.id, { now: () => new Date(at.getTime() + 1000), sleep: noSleep });
    await eventually(async () => textsTo(kept.phone).length === 1, 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(textsTo(left.phone)).toHaveLength(0);
    expect(await db.campaignRecipient.findMany({ where: { campaignId: draft.id }, select: { profileId: true } })).toEqual([{ profileId: kept.id }]);
  });

  it("names every user: campaigns (included or excluded, scheduled or sending) and agent eligibility", async () => {
    const db = getDb();
    const { brand, caller } = await brandWithCaller();
    await tagged(db, brand.id, "vip");
    const vips = await caller.segments.create({ name: "VIPs", definition: hasTag("vip") });
    await db.campaign.create({ data: { brandId: brand.id, name: "Spring sale", body: "Hi", segmentIds: [vips.id], status: "scheduled", scheduledAt: new Date(Date.now() + 3_600_000) } });
    await db.campaign.create({ data: { brandId: brand.id, name: "Old news", body: "Hi", segmentIds: [vips.id], status: "sent" } });
    await db.agentSettings.update({ where: { brandId: brand.id }, data: { eligibilityMode: "segments_in", eligibilityRules: { segmentIds: [vips.id] } } });
    const refusal = await caller.segments.delete({ id: vips.id }).catch((e: unknown) => e as { code: string; message: string });
    expect(refusal).toMatchObject({ code: "CONFLICT" });
    expect((refusal as { message: string }).message).toMatch(/Used by campaign "Spring sale" \(scheduled\) and by agent eligibility/);
    expect((refusal as { message: string }).message).not.toContain("Old news");

    // Nothing depends on it any more: it goes.
    await db.agentSettings.update({ where: { brandId: brand.id }, data: { eligibilityMode: "everyone", eligibilityRules: {} } });
    await db.campaign.updateMany({ where: { brandId: brand.id, status: "scheduled" }, data: { status: "cancelled" } });
    await caller.segments.delete({ id: vips.id });
    expect(await db.segment.count({ where: { id: vips.id } })).toBe(0);
  });

  it("a scheduled campaign whose excluded segment is gone anyway is stopped, not sent wider", async () => {
    const db = getDb();
    const { brand } = await brandWithCaller({ twilio: true });
    await db.complianceSettings.upsert({ where: { brandId: brand.id }, update: { quietHoursEnabled: false }, create: { brandId: brand.id, quietHoursEnabled: false } });
    const shopper = await tagged(db, brand.id, "gone");
    const all = await db.segment.create({ data: { brandId: brand.id, name: "All", definition: hasTag("gone") } });
    const ex = await db.segment.create({ data: { brandId: brand.id, name: "Ex", definition: isPhone(shopper.phone) } });
    // Scheduled before snapshots existed (no audienceSnapshot), then the exclusion deleted behind its back.
    const campaign = await db.campaign.create({ data: { brandId: brand.id, name: "Legacy", body: "Hi", segmentIds: [all.id], excludedSegmentIds: [ex.id], status: "scheduled", scheduledAt: new Date(Date.now() - 1000) } });
    await db.segment.delete({ where: { id: ex.id } });

    expect(await runCampaign(db, campaign.id, { sleep: noSleep })).toMatchObject({ outcome: "idle", handedOver: 0 });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ status: "cancelled", stopReason: expect.stringContaining("no longer exists") });
    expect(await db.campaignRecipient.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(textsTo(shopper.phone)).toHaveLength(0);
  });
});

/** An `and` of `n` empty `or` groups: empty groups are no conditions, but they are nodes. */
const emptyGroups = (n: number) => ({ type: "and", children: Array.from({ length: n }, () => ({ type: "or", children: [] })) });
function nested(depth: number): unknown {
  let node: unknown = hasTag("deep");
  for (let i = 0; i < depth; i++) node = { type: "not", child: node };
  return node;
}

describe("segment bounds", () => {
  it("refuses huge, node-heavy and deeply nested definitions through tRPC with a field error, storing nothing", async () => {
    const { caller } = await brandWithCaller();
    const refusals: [string, unknown, RegExp][] = [
      ["200,000 empty groups", emptyGroups(200_000), /at most 200 conditions and groups/],
      ["201 nodes", emptyGroups(200), /at most 200 conditions and groups/],
      ["nested 1,400 deep", nested(1400), /nested at most 6 deep/],
      ["nested 7 deep", nested(7), /nested at most 6 deep/],
      ["a 5 MB event filter list", { type: "event", name: "Placed Order", frequency: "at_least", count: 1, window: { kind: "ever" }, where: Array.from({ length: 100_000 }, () => ({ key: "sku", operator: "equals", value: "x".repeat(40) })) }, /too large to save/],
    ];
    for (const [label, definition, message] of refusals) {
      const error = await caller.segments.create({ name: label, definition }).catch((e: unknown) => e as { code: string; cause?: { fields?: Record<string, string> } });
      expect(error, label).toMatchObject({ code: "BAD_REQUEST" });
      expect(Object.values((error as { cause?: { fields?: Record<string, string> } }).cause?.fields ?? {}).join(" "), label).toMatch(message);
      await expect(caller.segments.preview({ definition }), label).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await caller.segments.list()).toEqual([]);
    // At the limits it is fine.
    await caller.segments.create({ name: "Six deep", definition: nested(6) });
    await caller.segments.create({ name: "199 groups", definition: emptyGroups(199) });
    expect((await caller.segments.list()).map((s) => s.name)).toEqual(["199 groups", "Six deep"]);
  });

  it("refuses the same over HTTP with a 400 and a message, not a stall or a 500", async () => {
    const { member } = await brandWithCaller();
    const post = (definition: unknown) =>
      handleTrpcRequest(
        new Request("http://localhost/api/trpc/segments.create", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: { name: "Big", description: "", definition } }) }),
        async () => createApiContext(member),
      );
    const big = JSON.stringify(emptyGroups(200_000));
    expect(big.length).toBeGreaterThan(5_000_000);
    for (const [label, definition] of [["5.6 MB of empty groups", emptyGroups(200_000)], ["nested 1,400 deep", nested(1400)]] as const) {
      const res = await post(definition);
      const text = await res.text();
      expect(res.status, `${label}: ${text.slice(0, 300)}`).toBe(400);
      expect(text).toMatch(/at most/);
    }
    const list = await handleTrpcRequest(new Request("http://localhost/api/trpc/segments.list"), async () => createApiContext(member));
    expect(list.status).toBe(200);
    expect((await list.json()) as unknown).toMatchObject({ result: { data: { json: [] } } });
  });

  it(`caps segments per brand at ${MAX_SEGMENTS_PER_BRAND}`, async () => {
    const db = getDb();
    const { brand, caller } = await brandWithCaller();
    await db.segment.createMany({ data: Array.from({ length: MAX_SEGMENTS_PER_BRAND }, (_, i) => ({ brandId: brand.id, name: `S${i}`, definition: hasTag(String(i)) })) });
    await expect(caller.segments.create({ name: "One more", definition: hasTag("x") })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`at most ${MAX_SEGMENTS_PER_BRAND} segments`),
    });
    expect(await db.segment.count({ where: { brandId: brand.id } })).toBe(MAX_SEGMENTS_PER_BRAND);
  });
});

describe("property names every object already has", () => {
  const reserved = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype", "isPrototypeOf"];

  it("refuses them in segment conditions and event filters with a field error", async () => {
    const { caller } = await brandWithCaller();
    for (const key of reserved) {
      await expect(caller.segments.create({ name: `Key ${key}`, definition: { type: "property", key, operator: "exists" } }), key).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: { fields: { "definition.key": expect.stringContaining("reserved name") } },
      });
    }
    const filter = { type: "event", name: "Placed Order", frequency: "at_least", count: 1, window: { kind: "ever" }, where: [{ key: "constructor", operator: "exists" }] };
    await expect(caller.segments.create({ name: "Filter", definition: filter })).rejects.toMatchObject({ cause: { fields: { "definition.where.0.key": expect.stringContaining("reserved name") } } });
    expect(await caller.segments.list()).toEqual([]);
  });

  it("refuses them as profile import columns", async () => {
    const { caller } = await brandWithCaller();
    for (const key of ["constructor", "__proto__", "toString"]) {
      const preview = await caller.profiles.previewImport({ csv: `phone,${key}\n+15555550111,x\n` });
      expect(preview.canImport, key).toBe(false);
      expect(preview.errors[0]?.message, key).toContain("reserved name");
    }
  });

  it("a segment stored with such a key anyway doesn't break member counts or member lists", async () => {
    const db = getDb();
    const { brand, caller } = await brandWithCaller();
    const vip = await tagged(db, brand.id, "vip", { constructor: "yes" });
    await tagged(db, brand.id, "other");
    const good = await caller.segments.create({ name: "VIPs", definition: hasTag("vip") });
    const bad = await Promise.all(
      ["constructor", "toString", "hasOwnProperty", "__proto__"].map((key, i) => db.segment.create({ data: { brandId: brand.id, name: `Bad ${i}`, definition: { type: "property", key, operator: "exists" } } })),
    );
    const { counts } = await caller.segments.memberCounts();
    expect(counts[good.id]).toBe(1);
    // Only the profile that has its own "constructor" property is in the first; nobody has the others.
    expect(bad.map((s) => counts[s.id])).toEqual([1, 0, 0, 0]);
    expect((await caller.segments.members({ id: bad[0]!.id })).members.map((m) => m.id)).toEqual([vip.id]);
    expect((await caller.segments.members({ id: bad[1]!.id })).members).toEqual([]);
    // The profile page's "segments this profile is in" uses the evaluator: it agrees.
    expect((await caller.profiles.get({ id: vip.id })).segments.map((s: { name: string }) => s.name).sort()).toEqual(["Bad 0", "VIPs"]);
  });
});
