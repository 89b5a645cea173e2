import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { emitEvent, EventName } from "../analytics";
import { getDb } from "../db";
import { createBrand, createMember, createShopper } from "../testing/fixtures";
import type { SegmentNode } from "./definition";
import { isProfileInAnySegment, isProfileInSegment } from "./is-profile-in-segment";
import { segmentsContainingProfile } from "./segments";

let brandId: string;
let caller: ReturnType<typeof createCaller>;
let otherCaller: ReturnType<typeof createCaller>;
const profiles: string[] = [];

beforeAll(async () => {
  const db = getDb();
  brandId = (await createBrand(db)).id;
  caller = createCaller(createApiContext(await createMember(db, brandId)));
  const other = await createBrand(db);
  otherCaller = createCaller(createApiContext(await createMember(db, other.id)));
  for (let i = 0; i < 5; i++) {
    const p = await createShopper(db, brandId, { consent: i === 4 ? "unsubscribed" : "subscribed" });
    await db.profile.update({ where: { id: p.id }, data: { properties: { vip: i < 2 } } });
    profiles.push(p.id);
  }
  await emitEvent(db, { brandId, profileId: profiles[0], name: EventName.conversationEscalated, properties: { reason: "billing" }, dedupeKey: "e1" });
  await emitEvent(db, { brandId, profileId: profiles[2], name: EventName.conversationEscalated, properties: { reason: "shopper_asked" }, dedupeKey: "e2" });
});

const vip = { type: "property", key: "vip", operator: "equals", value: true };

describe("segments", () => {
  it("previews an unsaved definition: count and members", async () => {
    const preview = await caller.segments.preview({ definition: vip });
    expect(preview.count).toBe(2);
    expect(preview.members.map((m) => m.id).sort()).toEqual(profiles.slice(0, 2).sort());
    const escalatedForBilling = { type: "event", name: EventName.conversationEscalated, frequency: "at_least", count: 1, window: { kind: "last_days", days: 30 }, where: [{ key: "reason", operator: "equals", value: "billing" }] };
    expect((await caller.segments.preview({ definition: escalatedForBilling })).members.map((m) => m.id)).toEqual([profiles[0]]);
  });

  it("refuses bad definitions with the condition's path, and duplicate names", async () => {
    await expect(
      caller.segments.create({ name: "", definition: { type: "and", children: [vip, { type: "event", name: "Placed Order", frequency: "at_least", count: 0, window: { kind: "last_days", days: 0 }, where: [] }] } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fields: { name: "Name the segment.", "definition.children.1.window.days": "At least 1 day." } },
    });
    await expect(caller.segments.preview({ definition: { type: "property", key: "vip", operator: "greater_than", value: "ten" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await caller.segments.create({ name: "VIPs", definition: vip });
    await expect(caller.segments.create({ name: " VIPs ", definition: vip })).rejects.toMatchObject({ cause: { fields: { name: expect.stringContaining("already exists") } } });
    expect(await getDb().segment.count({ where: { brandId } })).toBe(1);
  });

  it("lists, counts members, pages members, updates, and answers which segments a profile is in", async () => {
    const escalated = await caller.segments.create({ name: "Escalated", definition: { type: "event", name: EventName.conversationEscalated, frequency: "at_least", count: 1, window: { kind: "ever" }, where: [] } });
    const list = await caller.segments.list();
    const { counts } = await caller.segments.memberCounts();
    expect(list.map((s) => [s.name, counts[s.id]])).toEqual([["Escalated", 2], ["VIPs", 2]]);
    expect((await otherCaller.segments.memberCounts()).counts).toEqual({});
    const page1 = await caller.segments.members({ id: escalated.id, limit: 1 });
    const page2 = await caller.segments.members({ id: escalated.id, limit: 1, afterId: page1.nextAfterId });
    expect([...page1.members, ...page2.members].map((m) => m.id).sort()).toEqual([profiles[0], profiles[2]].sort());
    expect(page2.nextAfterId).toBeNull();
    expect((await segmentsContainingProfile(getDb(), brandId, profiles[0]!)).map((s) => s.name)).toEqual(["Escalated", "VIPs"]);
    expect(await segmentsContainingProfile(getDb(), brandId, profiles[3]!)).toEqual([]);
    await caller.segments.update({ id: escalated.id, name: "Escalated, subscribed", definition: { type: "and", children: [escalated.definition, { type: "consent", operator: "is", status: "subscribed" }] } });
    expect((await caller.segments.get({ id: escalated.id })).name).toBe("Escalated, subscribed");
  });

  it("checks one profile the way the counts do: windows, event property filters, any of several segments", async () => {
    const db = getDb();
    const DAY = 86_400_000;
    const now = new Date();
    await emitEvent(db, { brandId, profileId: profiles[1], name: EventName.placedOrder, properties: { value: 40 }, dedupeKey: "order-old", occurredAt: new Date(now.getTime() - 40 * DAY) });
    await emitEvent(db, { brandId, profileId: profiles[1], name: EventName.placedOrder, properties: { value: 90 }, dedupeKey: "order-new", occurredAt: new Date(now.getTime() - 2 * DAY) });
    const ordered = (days: number | null, where: { key: string; operator: "greater_than"; value: number }[] = []): SegmentNode => ({
      type: "event", name: EventName.placedOrder, frequency: "at_least", count: 2, window: days === null ? { kind: "ever" } : { kind: "last_days", days }, where,
    });
    expect(await isProfileInSegment(db, brandId, profiles[1]!, ordered(null), now)).toBe(true);
    expect(await isProfileInSegment(db, brandId, profiles[1]!, ordered(30), now)).toBe(false);
    expect(await isProfileInSegment(db, brandId, profiles[1]!, ordered(null, [{ key: "value", operator: "greater_than", value: 50 }]), now)).toBe(false);
    expect(await isProfileInSegment(db, brandId, profiles[1]!, ordered(null, [{ key: "value", operator: "greater_than", value: 30 }]), now)).toBe(true);
    // Two conditions on the same event name with different windows: the wider one decides what is loaded.
    expect(await isProfileInAnySegment(db, brandId, profiles[1]!, [ordered(30), ordered(60)], now)).toBe(true);
    expect(await isProfileInAnySegment(db, brandId, profiles[1]!, [ordered(30), { type: "consent", operator: "is", status: "unsubscribed" }], now)).toBe(false);
    expect(await isProfileInAnySegment(db, brandId, profiles[1]!, [], now)).toBe(false);
  });

  it("offers the brand's event names and property keys, and keeps brands apart", async () => {
    const catalog = await caller.segments.catalog();
    expect(catalog.eventNames).toContain(EventName.conversationEscalated);
    expect(catalog.profilePropertyKeys).toEqual(expect.arrayContaining(["$first_name", "$phone", "vip"]));
    expect(await caller.segments.eventPropertyKeys({ name: EventName.conversationEscalated })).toEqual(["reason"]);
    const [first] = await caller.segments.list();
    await expect(otherCaller.segments.get({ id: first!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(otherCaller.segments.delete({ id: first!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await otherCaller.segments.preview({ definition: vip })).count).toBe(0);
    expect((await otherCaller.segments.catalog()).profilePropertyKeys).not.toContain("vip");
  });
});
