/**
 * Orders CSV import: preview (read + match, writes nothing) and import (read + match again inside
 * one transaction, then record every new order as a Placed Order event, or nothing when the file
 * has an error). Rows are matched to shoppers by phone, then by email. An order whose shopper isn't
 * a profile is still recorded (it counts in "all orders") with a warning: it can't be credited to the
 * agent. An order number the brand already has is skipped, so importing a file twice changes nothing.
 */
import { Prisma, type Db } from "../../db";
import { AppError } from "../../errors";
import { formatPhoneForHumans } from "../../sms";
import { EventName } from "../emit-event";
import { knownTimeZone } from "../performance/period";
import { readOrderCsv, type OrderCsvRow, type OrderImportIssue } from "./read-order-csv";
import { placedOrderDedupeKey, placedOrderEvent } from "./record-placed-order";

type DbOrTx = Db | Prisma.TransactionClient;

const PREVIEW_ROWS = 20;
const PREVIEW_ISSUES = 100;
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };
const INSERT_CHUNK = 1000;

type MatchedProfile = { id: string; phone: string; firstName: string | null; lastName: string | null };

export type PlannedOrder = OrderCsvRow & { status: "new" | "already_recorded"; profile: MatchedProfile | null };

export type OrderImportCounts = { rows: number; new: number; alreadyRecorded: number; matched: number; unmatched: number; errors: number; warnings: number };

export type OrderImportPreview = {
  counts: OrderImportCounts;
  rows: PlannedOrder[];
  errors: OrderImportIssue[];
  warnings: OrderImportIssue[];
  canImport: boolean;
};

export type OrderImportResult = { imported: number; alreadyRecorded: number; unmatched: number };

async function planOrderImport(db: DbOrTx, brandId: string, csvText: string, now: Date) {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { timeZone: true } });
  const csv = readOrderCsv(csvText, { timeZone: knownTimeZone(brand.timeZone), now });
  const phones = [...new Set(csv.rows.flatMap((r) => (r.phone ? [r.phone] : [])))];
  const emails = [...new Set(csv.rows.flatMap((r) => (r.email ? [r.email] : [])))];
  const select = { id: true, phone: true, email: true, firstName: true, lastName: true } as const;
  // One after another: inside the import's transaction the queries share one connection.
  const byPhoneRows = phones.length ? await db.profile.findMany({ where: { brandId, phone: { in: phones } }, select }) : [];
  // Profiles' emails are compared without case (the import stores them lower-cased; others may not be).
  const byEmailRows = emails.length
    ? await db.$queryRaw<(MatchedProfile & { email: string })[]>(Prisma.sql`
        SELECT DISTINCT ON (lower(email)) id, phone, lower(email) AS email, "firstName", "lastName" FROM "Profile"
        WHERE "brandId" = ${brandId} AND lower(email) IN (${Prisma.join(emails)})
        ORDER BY lower(email), "createdAt"`)
    : [];
  const existing = csv.rows.length
    ? await db.event.findMany({ where: { brandId, name: EventName.placedOrder, dedupeKey: { in: csv.rows.map((r) => placedOrderDedupeKey(r.orderNumber)) } }, select: { dedupeKey: true } })
    : [];
  const byPhone = new Map(byPhoneRows.map((p) => [p.phone, p]));
  const byEmail = new Map(byEmailRows.map((p) => [p.email, p]));
  const recorded = new Set(existing.map((e) => e.dedupeKey));
  const warnings: OrderImportIssue[] = [];
  const orders: PlannedOrder[] = csv.rows.map((row) => {
    const found = (row.phone ? byPhone.get(row.phone) : undefined) ?? (row.email ? byEmail.get(row.email) : undefined) ?? null;
    const profile = found ? { id: found.id, phone: found.phone, firstName: found.firstName, lastName: found.lastName } : null;
    const status = recorded.has(placedOrderDedupeKey(row.orderNumber)) ? ("already_recorded" as const) : ("new" as const);
    if (!profile && status === "new") {
      const who = [row.phone ? `phone ${formatPhoneForHumans(row.phone)}` : null, row.email ? `email ${row.email}` : null].filter(Boolean).join(" or ");
      warnings.push({ row: row.row, column: null, message: `Row ${row.row}: no profile has ${who}, so order ${row.orderNumber} is recorded but can’t be credited to the agent.` });
    }
    return { ...row, status, profile };
  });
  const count = (p: (o: PlannedOrder) => boolean) => orders.filter(p).length;
  const counts: OrderImportCounts = {
    rows: csv.rowCount,
    new: count((o) => o.status === "new"),
    alreadyRecorded: count((o) => o.status === "already_recorded"),
    matched: count((o) => o.profile !== null),
    unmatched: count((o) => o.profile === null),
    errors: csv.errors.length,
    warnings: warnings.length,
  };
  return { orders, errors: csv.errors, warnings, counts };
}

/** What importing this CSV would do, with every row error and warning. Writes nothing. */
export async function previewOrderImport(db: Db, brandId: string, csvText: string, opts: { now?: Date } = {}): Promise<OrderImportPreview> {
  const plan = await planOrderImport(db, brandId, csvText, opts.now ?? new Date());
  return {
    counts: plan.counts,
    rows: plan.orders.slice(0, PREVIEW_ROWS),
    errors: plan.errors.slice(0, PREVIEW_ISSUES),
    warnings: plan.warnings.slice(0, PREVIEW_ISSUES),
    canImport: plan.errors.length === 0 && plan.counts.new > 0,
  };
}

/** Records every new order of the file as a Placed Order event (source "import"), in one transaction. */
export async function importOrders(db: Db, brandId: string, csvText: string, opts: { now?: Date } = {}): Promise<OrderImportResult> {
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const plan = await planOrderImport(tx, brandId, csvText, now);
    if (plan.errors.length > 0) {
      const first = plan.errors[0]!.message;
      throw new AppError("BAD_REQUEST", {
        userMessage: plan.errors.length === 1 ? `Nothing was imported. ${first}` : `Nothing was imported: the file has ${plan.errors.length.toLocaleString("en-US")} errors. The first: ${first}`,
      });
    }
    const fresh = plan.orders.filter((o) => o.status === "new");
    if (fresh.length === 0) {
      throw new AppError("BAD_REQUEST", { userMessage: plan.orders.length ? "Nothing was imported: every order in the file is already recorded." : "Nothing was imported: the file has no orders." });
    }
    let imported = 0;
    for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
      const data = fresh.slice(i, i + INSERT_CHUNK).map((o) => {
        const event = placedOrderEvent({ brandId, profileId: o.profile?.id ?? null, number: o.orderNumber, totalCents: o.totalCents, currency: o.currency, placedAt: o.placedAt, source: "import" });
        return { ...event, properties: event.properties as Prisma.InputJsonValue, profileId: event.profileId ?? null };
      });
      // skipDuplicates: an order recorded by Shopify while this file was being imported is kept once.
      imported += (await tx.event.createMany({ data, skipDuplicates: true })).count;
    }
    return { imported, alreadyRecorded: plan.counts.alreadyRecorded + (fresh.length - imported), unmatched: fresh.filter((o) => o.profile === null).length };
  }, IMPORT_TRANSACTION);
}
