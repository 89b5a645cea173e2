import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../api/root";
import { createApiContext } from "../../api/trpc";
import { getDb, type Db } from "../../db";
import { createBrand, createMember, createShopper } from "../../testing/fixtures";
import { emitEvent, EventName } from "../emit-event";

let db: Db;
let brandId: string;
let otherBrandId: string;
let caller: ReturnType<typeof createCaller>;
let otherCaller: ReturnType<typeof createCaller>;
let adaId: string;
let benId: string;

const placedOrders = (brand: string) => db.event.findMany({ where: { brandId: brand, name: EventName.placedOrder }, orderBy: { dedupeKey: "asc" } });

beforeAll(async () => {
  db = getDb();
  brandId = (await createBrand(db, { name: "Juniper" })).id;
  await db.brand.update({ where: { id: brandId }, data: { timeZone: "America/Chicago" } });
  caller = createCaller(createApiContext(await createMember(db, brandId)));
  adaId = (await createShopper(db, brandId, { phone: "+15555550101" })).id;
  benId = (await db.profile.create({ data: { brandId, phone: "+15555550102", email: "ben@example.com", smsConsent: "subscribed" } })).id;
  otherBrandId = (await createBrand(db, { name: "Other" })).id;
  otherCaller = createCaller(createApiContext(await createMember(db, otherBrandId)));
  await createShopper(db, otherBrandId, { phone: "+15555550101" });
});

const csv = [
  "order_number,phone,email,total,placed_at",
  "3001,(555) 555-0101,,48.50,2026-02-01 10:00",
  "3002,,BEN@example.com,12.00,2026-02-02T15:00:00Z",
  "3003,+15555550199,stranger@example.com,5.25,2026-02-03",
].join("\n");

describe("orders CSV import", () => {
  it("previews without writing: who each order belongs to, what is new, and which can't be credited", async () => {
    const preview = await caller.performance.previewOrderImport({ csv });
    expect(preview.counts).toEqual({ rows: 3, new: 3, alreadyRecorded: 0, matched: 2, unmatched: 1, errors: 0, warnings: 1 });
    expect(preview.canImport).toBe(true);
    expect(preview.rows.map((r) => [r.orderNumber, r.profile?.id ?? null, r.status, r.totalCents])).toEqual([
      ["3001", adaId, "new", 4850],
      ["3002", benId, "new", 1200],
      ["3003", null, "new", 525],
    ]);
    // Local times are the brand's (Chicago, UTC−6 in February).
    expect(preview.rows[0]!.placedAt).toEqual(new Date("2026-02-01T16:00:00Z"));
    expect(preview.warnings.map((w) => w.message)).toEqual([
      "Row 4: no profile has phone +1 (555) 555-0199 or email stranger@example.com, so order 3003 is recorded but can’t be credited to the agent.",
    ]);
    expect(await placedOrders(brandId)).toHaveLength(0);
  });

  it("imports every new order as one Placed Order event, and a second import of the same file changes nothing", async () => {
    expect(await caller.performance.importOrders({ csv })).toEqual({ imported: 3, alreadyRecorded: 0, unmatched: 1 });
    const events = await placedOrders(brandId);
    expect(events.map((e) => [e.dedupeKey, e.profileId, (e.properties as { value: number }).value, (e.properties as { source: string }).source])).toEqual([
      ["order:3001", adaId, 48.5, "import"],
      ["order:3002", benId, 12, "import"],
      ["order:3003", null, 5.25, "import"],
    ]);

    const again = await caller.performance.previewOrderImport({ csv });
    expect(again.counts).toMatchObject({ new: 0, alreadyRecorded: 3 });
    expect(again.canImport).toBe(false);
    await expect(caller.performance.importOrders({ csv })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Nothing was imported: every order in the file is already recorded." });
    expect(await placedOrders(brandId)).toHaveLength(3);
  });

  it("imports nothing from a file with an error", async () => {
    const bad = "order_number,phone,total,placed_at\n3010,+15555550101,10,2026-02-01\n3011,+15555550101,ten,2026-02-01\n";
    const preview = await caller.performance.previewOrderImport({ csv: bad });
    expect(preview.canImport).toBe(false);
    expect(preview.errors.map((e) => e.row)).toEqual([3]);
    await expect(caller.performance.importOrders({ csv: bad })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await placedOrders(brandId)).map((e) => e.dedupeKey)).not.toContain("order:3010");
  });

  it("keeps brands apart: the same phone and order numbers in another brand are that brand's", async () => {
    const preview = await otherCaller.performance.previewOrderImport({ csv });
    expect(preview.counts).toMatchObject({ new: 3, alreadyRecorded: 0, matched: 1, unmatched: 2 });
    expect(preview.rows[0]!.profile?.id).not.toBe(adaId);
    await otherCaller.performance.importOrders({ csv });
    expect(await placedOrders(otherBrandId)).toHaveLength(3);
    expect(await placedOrders(brandId)).toHaveLength(3);
  });

  it("an imported order after an agent reply is credited to the agent", async () => {
    const replyAt = new Date("2026-02-10T15:00:00Z");
    await emitEvent(db, { brandId, profileId: adaId, name: EventName.sentSms, occurredAt: replyAt, properties: { author: "agent", segments: 1 }, dedupeKey: "sent:test-1" });
    await caller.performance.importOrders({ csv: "order_number,phone,total,placed_at\n3020,+15555550101,80,2026-02-10T20:00:00Z\n" });
    const summary = await caller.performance.summary({ from: "2026-02-10", to: "2026-02-10", channel: "sms" });
    expect(summary.current.metrics).toMatchObject({ attributedOrders: 1, attributedRevenueCents: 8000, allOrders: 1 });
  });
});

describe("attribution settings", () => {
  it("starts at 24 hours, last touch; saves a valid change and records it in the settings history", async () => {
    expect(await caller.performance.attributionSettings()).toEqual({ windowHours: 24, model: "last_touch" });
    expect(await caller.performance.updateAttributionSettings({ windowHours: 168, model: "last_touch" })).toEqual({ windowHours: 168, model: "last_touch" });
    expect(await caller.performance.attributionSettings()).toEqual({ windowHours: 168, model: "last_touch" });
    const history = await caller.settings.history();
    expect(history[0]).toMatchObject({ area: "attribution", before: { attributionWindowHours: 24 }, after: { attributionWindowHours: 168 } });
    // Saving the same values records nothing new.
    await caller.performance.updateAttributionSettings({ windowHours: 168, model: "last_touch" });
    expect((await caller.settings.history()).filter((h) => h.area === "attribution")).toHaveLength(1);
    expect(await otherCaller.performance.attributionSettings()).toEqual({ windowHours: 24, model: "last_touch" });
  });

  it("refuses a window that isn't offered or an unknown model, saving nothing", async () => {
    await expect(caller.performance.updateAttributionSettings({ windowHours: 1000, model: "first_touch" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        fields: {
          windowHours: "Choose an attribution window from the list: 1 hour, 4 hours, 12 hours, 24 hours, 2 days, 3 days, 7 days, 14 days, 30 days.",
          model: "Choose an attribution model: last touch is the one Parley offers today.",
        },
      },
    });
    expect(await caller.performance.attributionSettings()).toEqual({ windowHours: 168, model: "last_touch" });
  });
});
