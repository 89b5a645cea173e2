import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb, type Db } from "../db";
import { resetEnvForTests } from "../env";
import { startWorker, stopWorker } from "../jobs";
import { queueOutbound } from "../outbound";
import { createBrand, createMember, createShopper, eventually, twilioCredentials } from "../testing/fixtures";
import { startTwilioLoopback, type TwilioLoopback } from "../testing/twilio-loopback";
import { campaignForReply } from "./campaign-for-reply";
import { campaignIdempotencyKey, runCampaign } from "./run-campaign";
import { STOP_FOOTER } from "./compose-campaign-text";

let loopback: TwilioLoopback;
const noSleep = async () => undefined;

beforeAll(async () => {
  loopback = await startTwilioLoopback();
  process.env.TWILIO_API_BASE_URL = loopback.url;
  resetEnvForTests();
  await startWorker();
});
afterAll(() => loopback.close());

/** Texts Twilio received for this number. */
const textsTo = (phone: string) => loopback.requests.filter((r) => r.path.endsWith("/Messages.json") && r.form.To === phone);

/** A number in the given area code no other test uses. */
function phoneIn(areaCode: string): string {
  return `+1${areaCode}${String(crypto.randomInt(2_000_000, 9_999_999))}`;
}

async function brandWithCaller(opts: { twilio?: boolean } = {}) {
  const db = getDb();
  const brand = await createBrand(db, opts.twilio === false ? {} : { twilio: twilioCredentials() });
  const member = await createMember(db, brand.id);
  return { brand, caller: createCaller(createApiContext(member)) };
}

/** A segment of the profiles tagged `tag` (profiles get the tag through `tagged`). */
async function taggedSegment(db: Db, brandId: string, tag: string) {
  return db.segment.create({ data: { brandId, name: `Tag ${tag}`, definition: { type: "property", key: "tag", operator: "equals", value: tag } } });
}

async function shopper(db: Db, brandId: string, tag: string, opts: { phone?: string; consent?: "subscribed" | "unsubscribed" | "never_subscribed"; firstName?: string } = {}) {
  const p = await createShopper(db, brandId, { phone: opts.phone, consent: opts.consent, firstName: opts.firstName });
  return db.profile.update({ where: { id: p.id }, data: { properties: { tag } } });
}

/** A campaign row ready to start at `at`, with no job in the queue: the test drives runCampaign itself. */
async function scheduledCampaign(db: Db, brandId: string, segmentIds: string[], at: Date, body = 'Hi {{ first_name | default: "there" }}, new arrivals are in!') {
  return db.campaign.create({ data: { brandId, name: `Campaign ${crypto.randomBytes(2).toString("hex")}`, body, segmentIds, status: "scheduled", scheduledAt: at } });
}

async function quietHoursOff(db: Db, brandId: string) {
  await db.complianceSettings.upsert({ where: { brandId }, update: { quietHoursEnabled: false }, create: { brandId, quietHoursEnabled: false } });
}

describe("sending a campaign through the queue", () => {
  it("an interrupted send, resumed, texts each recipient exactly once", { timeout: 90_000 }, async () => {
    const db = getDb();
    const { brand, caller } = await brandWithCaller();
    await quietHoursOff(db, brand.id);
    // One text a second: the send takes long enough to stop it halfway.
    await db.brand.update({ where: { id: brand.id }, data: { messagesPerSecond: 1 } });
    const segment = await taggedSegment(db, brand.id, "resume");
    const recipients: Awaited<ReturnType<typeof shopper>>[] = [];
    for (let i = 0; i < 8; i++) recipients.push(await shopper(db, brand.id, "resume", { firstName: `Shopper${i}` }));
    const unsubscribed = await shopper(db, brand.id, "resume", { consent: "unsubscribed" });

    const draft = await caller.campaigns.create({ name: "Resume me", body: 'Hi {{ first_name | default: "there" }}! Fleece is back.', segmentIds: [segment.id] });
    expect((await caller.campaigns.audienceCount({ segmentIds: [segment.id] })).recipients).toBe(8);
    await caller.campaigns.send({ id: draft.id });

    const sentSoFar = () => recipients.reduce((n, r) => n + textsTo(r.phone).length, 0);
    await eventually(async () => sentSoFar() >= 2, 20_000);
    await stopWorker();
    const sentBeforeRestart = sentSoFar();
    expect(sentBeforeRestart).toBeLessThan(8);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("sending");

    // The worst moments to die, made by hand: a recipient claimed but never queued, and one whose text
    // was queued but never linked back to it.
    const pending = await db.campaignRecipient.findMany({ where: { campaignId: draft.id, status: "pending" }, orderBy: { createdAt: "asc" } });
    expect(pending.length).toBeGreaterThanOrEqual(2);
    const [claimedOnly, queuedUnlinked] = pending;
    await db.campaignRecipient.update({ where: { id: claimedOnly!.id }, data: { status: "queued" } });
    await db.campaignRecipient.update({ where: { id: queuedUnlinked!.id }, data: { status: "queued" } });
    await queueOutbound(db, { brandId: brand.id, profileId: queuedUnlinked!.profileId, body: "Hi! Fleece is back.", author: "system", purpose: "campaign", idempotencyKey: campaignIdempotencyKey(draft.id, queuedUnlinked!.profileId) });

    await startWorker();
    await eventually(async () => (await db.campaign.findUniqueOrThrow({ where: { id: draft.id } })).status === "sent", 40_000);
    await eventually(async () => (await db.message.count({ where: { campaignId: draft.id, status: { in: ["queued", "sending"] } } })) === 0, 20_000);
    // Give a would-be duplicate time to show up.
    await new Promise((r) => setTimeout(r, 1500));

    for (const r of recipients) expect(textsTo(r.phone), r.phone).toHaveLength(1);
    expect(textsTo(unsubscribed.phone)).toHaveLength(0);
    // The hand-made crash's text went out as queued (once); everyone else got their personalised text.
    const unlinked = recipients.find((r) => r.id === queuedUnlinked!.profileId)!;
    expect(textsTo(unlinked.phone)[0]!.form.Body).toBe("Hi! Fleece is back.");
    for (const r of recipients.filter((x) => x !== unlinked)) expect(textsTo(r.phone)[0]!.form.Body).toBe(`Hi ${r.firstName}! Fleece is back.\n${STOP_FOOTER}`);
    const rows = await db.campaignRecipient.findMany({ where: { campaignId: draft.id } });
    expect(rows).toHaveLength(9);
    expect(new Set(rows.filter((r) => r.messageId).map((r) => r.messageId)).size).toBe(8);
    expect(rows.find((r) => r.profileId === unsubscribed.id)).toMatchObject({ status: "skipped", reason: "unsubscribed", messageId: null });
    expect(await db.message.count({ where: { campaignId: draft.id } })).toBe(8);

    const got = await caller.campaigns.get({ id: draft.id });
    expect(got.progress).toMatchObject({ total: 9, sent: 8, skipped: 1, pending: 0, queued: 0, failed: 0 });
    expect(got.finishedAt).not.toBeNull();

    // Replies within the window are attributed to it.
    const [first] = recipients;
    expect(await campaignForReply(db, { brandId: brand.id, profileId: first!.id, now: new Date() })).toEqual({ campaignId: draft.id });
    expect(await campaignForReply(db, { brandId: brand.id, profileId: first!.id, now: new Date(Date.now() + 25 * 3_600_000) })).toBeNull();
    expect(await campaignForReply(db, { brandId: brand.id, profileId: unsubscribed.id, now: new Date() })).toBeNull();
  });

  it("runs of two brands proceed side by side", { timeout: 60_000 }, async () => {
    const db = getDb();
    const a = await brandWithCaller();
    const b = await brandWithCaller();
    const people: { phone: string }[] = [];
    for (const { brand, caller } of [a, b]) {
      await quietHoursOff(db, brand.id);
      await db.brand.update({ where: { id: brand.id }, data: { messagesPerSecond: 20 } });
      const segment = await taggedSegment(db, brand.id, "pair");
      for (let i = 0; i < 3; i++) people.push(await shopper(db, brand.id, "pair"));
      const draft = await caller.campaigns.create({ name: "Pair", body: "Hello from us", segmentIds: [segment.id] });
      await caller.campaigns.send({ id: draft.id });
    }
    await eventually(async () => people.every((p) => textsTo(p.phone).length === 1), 30_000);
  });
});

describe("who gets a campaign, and when", () => {
  it("skips shoppers who aren't subscribed, holds quiet-hours shoppers until their morning, then texts them", { timeout: 60_000 }, async () => {
    const db = getDb();
    const { brand, caller } = await brandWithCaller();
    await db.brand.update({ where: { id: brand.id }, data: { timeZone: "America/New_York", messagesPerSecond: 50 } });
    const segment = await taggedSegment(db, brand.id, "quiet");
    const newYork = await shopper(db, brand.id, "quiet", { phone: phoneIn("212"), firstName: "Nia" });
    const sanFrancisco = await shopper(db, brand.id, "quiet", { phone: phoneIn("415"), firstName: "Sol" });
    const unsubscribed = await shopper(db, brand.id, "quiet", { phone: phoneIn("213"), consent: "unsubscribed" });
    const neverSubscribed = await shopper(db, brand.id, "quiet", { phone: phoneIn("214"), consent: "never_subscribed" });
    const changesMind = await shopper(db, brand.id, "quiet", { phone: phoneIn("310") });

    // 10pm in New York, 7pm in California.
    const evening = new Date("2026-11-21T03:00:00Z");
    const campaign = await scheduledCampaign(db, brand.id, [segment.id], new Date(evening.getTime() - 60_000));
    // Start it (recipients written) without sending anyone yet.
    expect((await runCampaign(db, campaign.id, { now: () => evening, sleep: noSleep, maxSends: 0 })).outcome).toBe("more");
    expect(await db.campaignRecipient.count({ where: { campaignId: campaign.id } })).toBe(5);
    await db.profile.update({ where: { id: changesMind.id }, data: { smsConsent: "unsubscribed" } });

    const first = await runCampaign(db, campaign.id, { now: () => evening, sleep: noSleep });
    expect(first).toMatchObject({ outcome: "waiting", handedOver: 1 });
    expect(first.next?.toISOString()).toBe("2026-11-21T13:00:00.000Z"); // 8am in New York
    await eventually(async () => textsTo(sanFrancisco.phone).length === 1);

    const page = await caller.campaigns.recipients({ id: campaign.id, status: "waiting_quiet_hours" });
    expect(page.rows.map((r) => [r.profileId, r.sendAfter?.toISOString()])).toEqual([[newYork.id, "2026-11-21T13:00:00.000Z"]]);
    const skipped = await caller.campaigns.recipients({ id: campaign.id, status: "skipped" });
    expect(Object.fromEntries(skipped.rows.map((r) => [r.profileId, r.reason]))).toEqual({
      [unsubscribed.id]: "unsubscribed",
      [neverSubscribed.id]: "never_subscribed",
      [changesMind.id]: "unsubscribed",
    });
    expect((await caller.campaigns.get({ id: campaign.id })).progress).toMatchObject({ waiting_quiet_hours: 1, skipped: 3, total: 5 });

    // Not yet 8am: nothing happens. At 8am: Nia gets it, and the campaign is done.
    expect(await runCampaign(db, campaign.id, { now: () => new Date("2026-11-21T12:59:00Z"), sleep: noSleep })).toMatchObject({ outcome: "waiting", handedOver: 0 });
    expect(textsTo(newYork.phone)).toHaveLength(0);
    expect(await runCampaign(db, campaign.id, { now: () => new Date("2026-11-21T13:00:00Z"), sleep: noSleep })).toMatchObject({ outcome: "finished", handedOver: 1 });
    await eventually(async () => textsTo(newYork.phone).length === 1);
    expect(textsTo(newYork.phone)[0]!.form.Body).toBe(`Hi Nia, new arrivals are in!\n${STOP_FOOTER}`);
    for (const p of [unsubscribed, neverSubscribed, changesMind]) expect(textsTo(p.phone)).toHaveLength(0);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe("sent");
  });

  it("writes recipients once: someone who joins the segment later doesn't get it; two runs at once send once", async () => {
    const db = getDb();
    const { brand } = await brandWithCaller();
    await quietHoursOff(db, brand.id);
    await db.brand.update({ where: { id: brand.id }, data: { messagesPerSecond: 100 } });
    const segment = await taggedSegment(db, brand.id, "once");
    const early = [await shopper(db, brand.id, "once"), await shopper(db, brand.id, "once"), await shopper(db, brand.id, "once")];
    const campaign = await scheduledCampaign(db, brand.id, [segment.id], new Date(Date.now() - 1000), "Sale");
    await runCampaign(db, campaign.id, { sleep: noSleep, maxSends: 0 });
    const late = await shopper(db, brand.id, "once");
    const results = await Promise.all([runCampaign(db, campaign.id, { sleep: noSleep }), runCampaign(db, campaign.id, { sleep: noSleep })]);
    // Both runs may pass a recipient to queueOutbound; its idempotency key makes that one message.
    expect(results.reduce((n, r) => n + r.handedOver, 0)).toBeGreaterThanOrEqual(3);
    expect(await db.message.count({ where: { campaignId: campaign.id } })).toBe(3);
    await eventually(async () => early.every((p) => textsTo(p.phone).length === 1));
    await new Promise((r) => setTimeout(r, 500));
    for (const p of early) expect(textsTo(p.phone)).toHaveLength(1);
    expect(textsTo(late.phone)).toHaveLength(0);
    expect(await db.campaignRecipient.count({ where: { campaignId: campaign.id } })).toBe(3);
  });

  it("excludes members of excluded segments", async () => {
    const db = getDb();
    const { brand, caller } = await brandWithCaller({ twilio: false });
    const everyone = await taggedSegment(db, brand.id, "all");
    const a = await shopper(db, brand.id, "all");
    await shopper(db, brand.id, "all");
    await shopper(db, brand.id, "all", { consent: "never_subscribed" });
    const vips = await db.segment.create({ data: { brandId: brand.id, name: "One", definition: { type: "property", key: "$phone", operator: "equals", value: a.phone } } });
    const estimate = await caller.campaigns.audienceCount({ segmentIds: [everyone.id], excludedSegmentIds: [vips.id], body: "Hi {{ first_name }}" });
    expect(estimate).toMatchObject({ recipients: 1, notSubscribed: 1, totalSegments: 1, isExact: true, segmentCostCents: 0.79 });
    expect(estimate.costCents).toBeCloseTo(0.79);
    expect(estimate.sample.map((m) => m.id)).not.toContain(a.id);
  });
});

describe("composing, scheduling and cancelling", () => {
  it("estimates cost from each recipient's own text and previews it per shopper", async () => {
    const db = getDb();
    const { brand, caller } = await brandWithCaller({ twilio: false });
    await db.brand.update({ where: { id: brand.id }, data: { segmentCostCents: 1.5 } });
    const segment = await taggedSegment(db, brand.id, "cost");
    // About 145 characters of body: the opt-out line pushes it past one segment for everyone.
    const body = `{{ first_name | default: "there" }} ${"x".repeat(140)}`;
    const ava = await shopper(db, brand.id, "cost", { firstName: "Ava" });
    await shopper(db, brand.id, "cost", { firstName: "Bo" });
    const estimate = await caller.campaigns.audienceCount({ segmentIds: [segment.id], body });
    expect(estimate).toMatchObject({ recipients: 2, totalSegments: 4, costCents: 6 });
    const preview = await caller.campaigns.preview({ body: 'Hi {{ first_name | default: "there" }}!', linkUrl: "https://juniper.example/x", profileId: ava.id });
    expect(preview).toMatchObject({ text: `Hi Ava!\nhttps://juniper.example/x\n${STOP_FOOTER}`, segments: 1, encoding: "GSM-7" });
    expect((await caller.campaigns.preview({ body: 'Hi {{ first_name | default: "there" }}!' })).text).toBe(`Hi there!\n${STOP_FOOTER}`);
  });

  it("validates drafts and sends with field errors", async () => {
    const db = getDb();
    const { brand, caller } = await brandWithCaller({ twilio: false });
    await expect(caller.campaigns.create({ name: "", body: "Hi {{ nme }}", linkUrl: "nope" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fields: { name: expect.stringContaining("Name the campaign"), body: expect.stringContaining("there is no “nme”"), linkUrl: expect.stringContaining("isn’t a web address") } },
    });
    const draft = await caller.campaigns.create({ name: "Half done", body: "" });
    await expect(caller.campaigns.send({ id: draft.id })).rejects.toMatchObject({ cause: { fields: { body: expect.any(String), segmentIds: expect.any(String) } } });
    const empty = await taggedSegment(db, brand.id, "nobody");
    await caller.campaigns.update({ id: draft.id, name: "Half done", body: "Hello", segmentIds: [empty.id] });
    await expect(caller.campaigns.send({ id: draft.id })).rejects.toMatchObject({ cause: { fields: { segmentIds: expect.stringContaining("No one in this audience is subscribed") } } });
    expect((await caller.campaigns.get({ id: draft.id })).status).toBe("draft");
  });

  it("schedules for later, starts only when due, can go back to draft, and cancels", async () => {
    const db = getDb();
    const { brand, caller } = await brandWithCaller({ twilio: false });
    await quietHoursOff(db, brand.id);
    const segment = await taggedSegment(db, brand.id, "later");
    await shopper(db, brand.id, "later");
    await shopper(db, brand.id, "later");
    const draft = await caller.campaigns.create({ name: "Later", body: "Weekend sale", segmentIds: [segment.id] });

    await expect(caller.campaigns.schedule({ id: draft.id, at: new Date(Date.now() - 60_000) })).rejects.toMatchObject({ cause: { fields: { scheduledAt: expect.stringContaining("at least a minute from now") } } });
    const at = new Date(Date.now() + 3_600_000);
    const scheduled = await caller.campaigns.schedule({ id: draft.id, at });
    expect(scheduled).toMatchObject({ status: "scheduled", scheduledAt: at });
    await expect(caller.campaigns.update({ id: draft.id, name: "Later", body: "Changed", segmentIds: [segment.id] })).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await runCampaign(db, draft.id, { sleep: noSleep })).toMatchObject({ outcome: "not_due", next: at });
    expect(await db.campaignRecipient.count({ where: { campaignId: draft.id } })).toBe(0);

    expect((await caller.campaigns.unschedule({ id: draft.id })).status).toBe("draft");
    expect(await runCampaign(db, draft.id, { sleep: noSleep })).toMatchObject({ outcome: "idle" });
    await caller.campaigns.schedule({ id: draft.id, at });

    // The time comes: it starts; cancelling mid-way skips whoever hasn't been handed over.
    const result = await runCampaign(db, draft.id, { now: () => new Date(at.getTime() + 1000), sleep: noSleep, maxSends: 1 });
    expect(result).toMatchObject({ outcome: "more", handedOver: 1 });
    const cancelled = await caller.campaigns.cancel({ id: draft.id });
    expect(cancelled.status).toBe("cancelled");
    expect(await runCampaign(db, draft.id, { sleep: noSleep })).toMatchObject({ outcome: "idle", handedOver: 0 });
    const rows = await db.campaignRecipient.findMany({ where: { campaignId: draft.id } });
    expect(rows.map((r) => r.status).sort()).toEqual(["queued", "skipped"]);
    expect(rows.find((r) => r.status === "skipped")?.reason).toBe("cancelled");
    await expect(caller.campaigns.cancel({ id: draft.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(caller.campaigns.delete({ id: draft.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("sending rate: validated, saved on the brand and recorded in the settings history", async () => {
    const db = getDb();
    const { brand, caller } = await brandWithCaller({ twilio: false });
    expect(await caller.campaigns.sendingRate()).toEqual({ senderType: "long_code", messagesPerSecond: 1, segmentCostCents: 0.79 });
    await expect(caller.campaigns.updateSendingRate({ senderType: "toll_free", messagesPerSecond: 0, segmentCostCents: -1 })).rejects.toMatchObject({
      cause: { fields: { messagesPerSecond: expect.any(String), segmentCostCents: expect.any(String) } },
    });
    await caller.campaigns.updateSendingRate({ senderType: "toll_free", messagesPerSecond: 3, segmentCostCents: 0.83 });
    expect(await db.brand.findUniqueOrThrow({ where: { id: brand.id } })).toMatchObject({ senderType: "toll_free", messagesPerSecond: 3, segmentCostCents: 0.83 });
    expect(await db.settingsChange.findFirst({ where: { brandId: brand.id, area: "channels" } })).toMatchObject({ after: { senderType: "toll_free", messagesPerSecond: 3, segmentCostCents: 0.83 } });
  });
});

describe("brand isolation", () => {
  it("one brand can't see, change, send or count with another brand's campaigns and segments", async () => {
    const db = getDb();
    const mine = await brandWithCaller({ twilio: false });
    const theirs = await brandWithCaller({ twilio: false });
    const segment = await taggedSegment(db, mine.brand.id, "iso");
    const member = await shopper(db, mine.brand.id, "iso");
    const campaign = await mine.caller.campaigns.create({ name: "Mine", body: "Hello", segmentIds: [segment.id] });

    const other = theirs.caller.campaigns;
    await expect(other.get({ id: campaign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.update({ id: campaign.id, name: "Stolen", body: "Hi", segmentIds: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.send({ id: campaign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.cancel({ id: campaign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.delete({ id: campaign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.recipients({ id: campaign.id })).resolves.toEqual({ rows: [], total: 0 });
    expect(await other.list()).toEqual([]);
    await expect(other.preview({ body: "Hi {{ first_name }}", profileId: member.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await other.audienceCount({ segmentIds: [segment.id] })).toMatchObject({ recipients: 0, sample: [], missingSegmentIds: [segment.id] });
    await expect(other.create({ name: "Borrowed", body: "Hi", segmentIds: [segment.id] })).rejects.toMatchObject({ cause: { fields: { segmentIds: expect.stringContaining("no longer exists") } } });
    expect((await mine.caller.campaigns.get({ id: campaign.id })).name).toBe("Mine");
    expect(await campaignForReply(db, { brandId: theirs.brand.id, profileId: member.id, now: new Date() })).toBeNull();
  });
});
