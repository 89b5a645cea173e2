import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { changeConsent } from "../consent";
import { getDb } from "../db";
import { startWorker } from "../jobs";
import { createBrand, createMember, eventually } from "../testing/fixtures";
import { runProfileImport, startProfileImport } from "./profile-imports";

let brandId: string;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  brandId = (await createBrand(getDb(), { name: "Wren" })).id;
  caller = createCaller(createApiContext(await createMember(getDb(), brandId)));
  await startWorker();
});

/** Starts an import as the page does and waits for the queue to finish it; its counts, as the page shows them. */
async function importCsv(csv: string, as = caller) {
  const started = await as.profiles.import({ csv });
  const done = await eventually(async () => {
    const status = await as.profiles.importStatus({ id: started.id });
    return status.status === "done" || status.status === "failed" ? status : undefined;
  }, 60_000);
  expect(done).toMatchObject({ status: "done", error: null, processed: done.total });
  const { created, updated, unchanged, consentChanges, warnings } = done;
  return { created, updated, unchanged, consentChanges, warnings };
}

const snapshot = async () => ({
  profiles: await getDb().profile.findMany({ where: { brandId }, orderBy: { phone: "asc" } }),
  ledger: await getDb().consentChange.count({ where: { brandId } }),
  events: await getDb().event.count({ where: { brandId } }),
});

describe("profile import", () => {
  it("previews new and updated profiles and writes nothing", async () => {
    const db = getDb();
    await db.profile.create({ data: { brandId, phone: "+15555550201", firstName: "Ava", smsConsent: "subscribed", properties: { city: "Portland" } } });
    const before = await snapshot();

    const preview = await caller.profiles.previewImport({
      csv: "Phone,First Name,Consent,Tier\n(555) 555-0201,Ava,yes,gold\n555 555 0202,Ben,no,\n",
    });
    expect(preview.counts).toEqual({ rows: 2, create: 1, update: 1, unchanged: 0, subscribed: 0, unsubscribed: 1, errors: 0, warnings: 0 });
    expect(preview.canImport).toBe(true);
    expect(preview.propertyKeys).toEqual(["Tier"]);
    expect(preview.rows).toEqual([
      expect.objectContaining({ row: 2, phone: "+15555550201", action: "update", smsConsent: "subscribed", consentChange: null, properties: { Tier: "gold" } }),
      expect.objectContaining({ row: 3, phone: "+15555550202", action: "create", firstName: "Ben", smsConsent: "unsubscribed", properties: {} }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("imports nothing when one row is bad, and says which row and why", async () => {
    const before = await snapshot();
    const csv = "phone,first_name,consent\n+15555550301,Cy,subscribed\n+15555550302,Di,subscribed\n555-12,Ed,subscribed\n";
    const preview = await caller.profiles.previewImport({ csv });
    expect(preview.canImport).toBe(false);
    expect(preview.errors).toEqual([{ row: 4, column: "phone", message: expect.stringContaining('Row 4: phone "555-12" is not a valid phone number') }]);

    await expect(importCsv(csv)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Nothing was imported\. Row 4: phone "555-12" is not a valid phone number/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("rolls back a part when a write in it fails half-way, and says so on the import", async () => {
    const db = getDb();
    const before = await snapshot();
    // A STOP recorded after the plan was made: the compare-and-set consent write refuses, and the
    // profiles created earlier in the same transaction disappear with it.
    const existing = await db.profile.create({ data: { brandId, phone: "+15555550401", smsConsent: "never_subscribed" } });
    const afterCreate = await snapshot();
    let isRaced = false;
    // Simulate the race by flipping consent inside the import's transaction, right after its creates.
    const racing = new Proxy(db, {
      get(target, key, receiver) {
        if (key !== "$transaction") return Reflect.get(target, key, receiver);
        return (fn: (tx: unknown) => Promise<unknown>, opts: unknown) =>
          target.$transaction(async (tx) => {
            const wrapped = new Proxy(tx, {
              get(t, k, r) {
                if (k !== "profile") return Reflect.get(t, k, r);
                const profile = t.profile;
                return new Proxy(profile, {
                  get(p, pk, pr) {
                    if (pk !== "createManyAndReturn") return Reflect.get(p, pk, pr);
                    return async (...args: Parameters<typeof profile.createManyAndReturn>) => {
                      const created = await profile.createManyAndReturn(...args);
                      await t.profile.update({ where: { id: existing.id }, data: { smsConsent: "unsubscribed" } });
                      isRaced = true;
                      return created;
                    };
                  },
                });
              },
            });
            return fn(wrapped);
          }, opts as never);
      },
    });
    const started = await startProfileImport(db, brandId, "phone,consent\n+15555550401,yes\n+15555550402,yes\n+15555550403,\n", { enqueue: async () => undefined });
    await runProfileImport(racing, started.id);
    expect(isRaced).toBe(true);
    expect(await caller.profiles.importStatus({ id: started.id })).toMatchObject({ status: "failed", processed: 0, created: 0, error: expect.stringMatching(/^Nothing was imported\. /) });
    await db.profileImport.delete({ where: { id: started.id } });
    expect(await snapshot()).toEqual(afterCreate);
    await db.profile.delete({ where: { id: existing.id } });
    expect(await snapshot()).toEqual(before);
  });

  it("creates and updates profiles, merges properties and records consent changes with source import", async () => {
    const db = getDb();
    const ava = await db.profile.findFirstOrThrow({ where: { brandId, phone: "+15555550201" } });
    const result = await importCsv(
      [
        "phone,first_name,last_name,email,consent,Tier,Orders",
        "+15555550201,,Chen,AVA@example.com,,gold,3",
        "+15555550202,Ben,Okafor,,yes,,",
        "+15555550203,Cy,,,,silver,",
      ].join("\r\n"),
    );
    expect(result).toEqual({ created: 2, updated: 1, unchanged: 0, consentChanges: 1, warnings: 0 });

    const updated = await db.profile.findUniqueOrThrow({ where: { id: ava.id } });
    expect(updated).toMatchObject({ firstName: "Ava", lastName: "Chen", email: "ava@example.com", smsConsent: "subscribed", properties: { city: "Portland", Tier: "gold", Orders: 3 } });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(ava.updatedAt.getTime());

    const ben = await db.profile.findFirstOrThrow({ where: { brandId, phone: "+15555550202" } });
    expect(ben).toMatchObject({ firstName: "Ben", lastName: "Okafor", smsConsent: "subscribed", properties: {} });
    expect(await db.consentChange.findMany({ where: { profileId: ben.id }, select: { from: true, to: true, source: true } })).toEqual([
      { from: "never_subscribed", to: "subscribed", source: "import" },
    ]);
    expect(await db.event.findMany({ where: { profileId: ben.id }, select: { name: true, properties: true } })).toEqual([
      { name: "Changed SMS Consent", properties: { from: "never_subscribed", to: "subscribed", source: "import" } },
    ]);
    const cy = await db.profile.findFirstOrThrow({ where: { brandId, phone: "+15555550203" } });
    expect(cy).toMatchObject({ smsConsent: "never_subscribed", properties: { Tier: "silver" } });
    expect(await db.consentChange.count({ where: { profileId: cy.id } })).toBe(0);

    // The same file again changes nothing.
    const again = await importCsv("phone,last_name,Tier\n+15555550201,Chen,gold\n");
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 1, consentChanges: 0, warnings: 0 });
  });

  it("never resubscribes someone who opted out: the row imports with a warning and consent stays unsubscribed", async () => {
    const db = getDb();
    const profile = await db.profile.findFirstOrThrow({ where: { brandId, phone: "+15555550202" } });
    await changeConsent(db, { brandId, profileId: profile.id, to: "unsubscribed", source: "keyword" });
    const csv = "phone,first_name,consent\n+15555550202,Benjamin,subscribed\n";

    const preview = await caller.profiles.previewImport({ csv });
    expect(preview.canImport).toBe(true);
    expect(preview.warnings).toEqual([{ row: 2, column: "consent", message: expect.stringContaining("stays unsubscribed") }]);
    expect(preview.rows[0]).toMatchObject({ action: "update", smsConsent: "unsubscribed", consentChange: null });

    const ledgerBefore = await db.consentChange.count({ where: { profileId: profile.id } });
    expect(await importCsv(csv)).toMatchObject({ updated: 1, consentChanges: 0, warnings: 1 });
    expect(await db.profile.findUniqueOrThrow({ where: { id: profile.id } })).toMatchObject({ firstName: "Benjamin", smsConsent: "unsubscribed" });
    expect(await db.consentChange.count({ where: { profileId: profile.id } })).toBe(ledgerBefore);
  });

  it("records an opt-out from the file in the ledger", async () => {
    const db = getDb();
    const ava = await db.profile.findFirstOrThrow({ where: { brandId, phone: "+15555550201" } });
    await importCsv("phone,consent\n+15555550201,unsubscribed\n");
    expect(await db.profile.findUniqueOrThrow({ where: { id: ava.id } })).toMatchObject({ smsConsent: "unsubscribed" });
    expect(await db.consentChange.findFirst({ where: { profileId: ava.id }, orderBy: { createdAt: "desc" }, select: { from: true, to: true, source: true } })).toEqual({
      from: "subscribed",
      to: "unsubscribed",
      source: "import",
    });
  });

  it("touches only the signed-in brand's profiles", async () => {
    const db = getDb();
    const other = await createBrand(db, { name: "Other" });
    const theirs = await db.profile.create({ data: { brandId: other.id, phone: "+15555550501", firstName: "Theirs", smsConsent: "unsubscribed" } });
    expect(await importCsv("phone,first_name,consent\n+15555550501,Ours,yes\n")).toMatchObject({ created: 1, consentChanges: 1 });
    expect(await db.profile.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ firstName: "Theirs", smsConsent: "unsubscribed" });
    expect(await db.profile.findFirstOrThrow({ where: { brandId, phone: "+15555550501" } })).toMatchObject({ firstName: "Ours", smsConsent: "subscribed" });
  });

  it("imports 10,000 rows on the queue, a part at a time, with the same counts", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `+1555556${String(i).padStart(4, "0")},Name${i},${i % 2 ? "yes" : ""},${i}`);
    const started = Date.now();
    const result = await importCsv(`phone,first_name,consent,score\n${rows.join("\n")}\n`);
    expect(result).toMatchObject({ created: 10_000, consentChanges: 5_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await getDb().profile.count({ where: { brandId, phone: { startsWith: "+1555556" } } })).toBe(10_000);
  });
});
