import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { changeConsent } from "../consent";
import { emitEvent } from "../analytics";
import { createSegment } from "../segments";
import { createBrand, createMember } from "../testing/fixtures";

let brandId: string;
let caller: ReturnType<typeof createCaller>;
let otherCaller: ReturnType<typeof createCaller>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const db = getDb();
  brandId = (await createBrand(db, { name: "Wren" })).id;
  caller = createCaller(createApiContext(await createMember(db, brandId)));
  const other = await createBrand(db, { name: "Other" });
  otherCaller = createCaller(createApiContext(await createMember(db, other.id)));
  await db.profile.create({ data: { brandId: other.id, phone: "+15555550101", firstName: "Ava", smsConsent: "subscribed" } });

  const people = [
    { phone: "+15555550101", firstName: "Ava", lastName: "Chen", email: "ava.chen@example.com", smsConsent: "subscribed" as const, properties: { city: "Portland", vip: true } },
    { phone: "+15555550102", firstName: "Ben", lastName: "Okafor", email: "ben@shop.test", smsConsent: "unsubscribed" as const, properties: {} },
    { phone: "+15555550103", firstName: "Cara", lastName: "Avalos", email: null, smsConsent: "never_subscribed" as const, properties: {} },
  ];
  for (const [i, p] of people.entries()) {
    const created = await db.profile.create({ data: { brandId, ...p, createdAt: new Date(Date.UTC(2026, 0, 1 + i)) } });
    ids[p.firstName] = created.id;
  }
  for (let i = 0; i < 27; i++) {
    await db.profile.create({ data: { brandId, phone: `+1555555${String(2000 + i)}`, createdAt: new Date(Date.UTC(2025, 0, 1 + i)) } });
  }
});

describe("profiles.list", () => {
  it("pages newest first with the total count", async () => {
    const first = await caller.profiles.list({ pageSize: 10 });
    expect(first).toMatchObject({ total: 30, page: 1, pageSize: 10, pageCount: 3 });
    expect(first.items.map((p) => p.firstName).slice(0, 3)).toEqual(["Cara", "Ben", "Ava"]);
    const last = await caller.profiles.list({ pageSize: 10, page: 3 });
    expect(last.items).toHaveLength(10);
    const all = new Set([...first.items, ...(await caller.profiles.list({ pageSize: 10, page: 2 })).items, ...last.items].map((p) => p.id));
    expect(all.size).toBe(30);
    expect((await caller.profiles.list({ pageSize: 10, page: 4 })).items).toEqual([]);
  });

  it("searches phones however they are typed", async () => {
    for (const search of ["+1 (555) 555-0102", "555-0102", "5550102", "+15555550102"]) {
      expect((await caller.profiles.list({ search })).items.map((p) => p.firstName)).toEqual(["Ben"]);
    }
  });

  it("searches names and email by every word, ignoring case", async () => {
    expect((await caller.profiles.list({ search: "ava chen" })).items.map((p) => p.firstName)).toEqual(["Ava"]);
    // "ava" is in Ava's first name and in Cara's last name (Avalos).
    expect((await caller.profiles.list({ search: "AVA" })).items.map((p) => p.firstName)).toEqual(["Cara", "Ava"]);
    expect((await caller.profiles.list({ search: "shop.test" })).items.map((p) => p.firstName)).toEqual(["Ben"]);
    expect((await caller.profiles.list({ search: "nobody" })).total).toBe(0);
  });

  it("filters by consent, together with search", async () => {
    expect((await caller.profiles.list({ consent: "subscribed" })).items.map((p) => p.firstName)).toEqual(["Ava"]);
    expect((await caller.profiles.list({ consent: "unsubscribed" })).total).toBe(1);
    expect((await caller.profiles.list({ consent: "never_subscribed" })).total).toBe(28);
    expect((await caller.profiles.list({ consent: "never_subscribed", search: "ava" })).items.map((p) => p.firstName)).toEqual(["Cara"]);
  });

  it("shows only the brand's own profiles", async () => {
    const theirs = await otherCaller.profiles.list({});
    expect(theirs.total).toBe(1);
    expect(theirs.items[0]!.id).not.toBe(ids.Ava);
  });
});

describe("profiles.get and profiles.timeline", () => {
  it("returns the profile with its consent history, segments and counts", async () => {
    const db = getDb();
    await changeConsent(db, { brandId, profileId: ids.Ava!, to: "unsubscribed", source: "keyword" });
    await changeConsent(db, { brandId, profileId: ids.Ava!, to: "subscribed", source: "keyword" });
    const vip = await createSegment(db, brandId, { name: "VIPs", description: "", definition: { type: "property", key: "vip", operator: "equals", value: true } });
    await createSegment(db, brandId, { name: "Denver", description: "", definition: { type: "property", key: "city", operator: "equals", value: "Denver" } });

    const detail = await caller.profiles.get({ id: ids.Ava! });
    expect(detail.profile).toMatchObject({ phone: "+15555550101", firstName: "Ava", properties: { city: "Portland", vip: true } });
    expect(detail.consentHistory.map((c) => [c.from, c.to, c.source])).toEqual([
      ["unsubscribed", "subscribed", "keyword"],
      ["subscribed", "unsubscribed", "keyword"],
    ]);
    expect(detail.segments).toEqual([{ id: vip.id, name: "VIPs" }]);
    expect(detail.stats).toEqual({ conversations: 0, messages: 0, lastMessageAt: null });
  });

  it("is NOT_FOUND for another brand's profile", async () => {
    await expect(otherCaller.profiles.get({ id: ids.Ava! })).rejects.toMatchObject({ code: "NOT_FOUND", message: "That profile does not exist." });
    await expect(otherCaller.profiles.timeline({ id: ids.Ava! })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("merges texts and events newest first, pages without gaps or repeats, and leaves out events that mirror texts", async () => {
    const db = getDb();
    const profileId = ids.Ben!;
    const conversation = await db.conversation.create({ data: { brandId, profileId, windowEndsAt: new Date(Date.UTC(2026, 5, 2)) } });
    const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 12, minute));
    const base = { brandId, profileId, encoding: "GSM-7", segments: 1, fromNumber: "+15555550102", toNumber: "+15555550100", conversationId: conversation.id };
    for (let i = 0; i < 5; i++) {
      const m = await db.message.create({ data: { ...base, direction: "inbound", author: "shopper", body: `text ${i}`, status: "received", createdAt: at(i * 2) } });
      await emitEvent(db, { brandId, profileId, name: "Received SMS", properties: { messageId: m.id }, dedupeKey: `received:${m.id}`, occurredAt: at(i * 2) });
      await emitEvent(db, { brandId, profileId, name: "Placed Order", properties: { orderId: `#${i}`, total: 10 * i }, dedupeKey: `order:${i}`, occurredAt: at(i * 2 + 1) });
    }
    // Two entries at the same instant: the page boundary falls between them.
    await emitEvent(db, { brandId, profileId, name: "Viewed Product", properties: {}, dedupeKey: "viewed", occurredAt: at(4) });

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.profiles.timeline>> = await caller.profiles.timeline({ id: profileId, limit: 3, cursor });
      pages.push(page.items.map((e) => (e.kind === "message" ? e.message.body : e.event.name)));
      cursor = page.nextCursor;
    } while (cursor);
    const all = pages.flat();
    expect(all).toHaveLength(11);
    expect(all.filter((x) => x === "Received SMS")).toEqual([]);
    expect(all.slice(0, 3)).toEqual(["Placed Order", "text 4", "Placed Order"]);
    expect(all.filter((x) => x.startsWith("text"))).toEqual(["text 4", "text 3", "text 2", "text 1", "text 0"]);
    expect(all.filter((x) => x === "Viewed Product")).toHaveLength(1);

    const first = await caller.profiles.timeline({ id: profileId, limit: 1 });
    expect(first.items[0]).toMatchObject({ kind: "event", event: { name: "Placed Order", properties: { orderId: "#4", total: 40 } } });
    const firstText = (await caller.profiles.timeline({ id: profileId, limit: 2 })).items[1];
    expect(firstText).toMatchObject({ kind: "message", message: { conversationId: conversation.id, direction: "inbound" } });
  });
});
