/**
 * Profile CSV import: preview (read + plan, writes nothing) and the writes of an import, a part of
 * the file at a time (profile-imports.ts runs them on the queue). The import never trusts a
 * preview: the file is re-read and re-checked against the profiles as they are when it runs.
 */
import { recordConsentChanges } from "../consent";
import { Prisma, type Db } from "../db";
import { AppError } from "../errors";
import { IMPORT_CONSENT_SOURCE, planProfileImport, type ExistingProfile, type ImportCounts, type ImportPlan, type PlannedProfile } from "./plan-profile-import";
import { readProfileCsv, type ImportColumn, type ImportIssue, type ProfileCsv } from "./read-profile-csv";

type DbOrTx = Db | Prisma.TransactionClient;

const PREVIEW_ROWS = 20;
const PREVIEW_ISSUES = 100;
// One part of a file (a few hundred rows) is a few bulk statements.
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

export type ImportPreviewRow = {
  row: number;
  phone: string;
  action: PlannedProfile["action"];
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  smsConsent: PlannedProfile["after"]["smsConsent"];
  consentChange: PlannedProfile["consentChange"];
  /** The imported columns' values after the import (existing values where the file's cell is blank). */
  properties: Record<string, unknown>;
};

export type ImportPreview = {
  counts: ImportCounts;
  columns: Pick<ImportColumn, "header" | "kind">[];
  propertyKeys: string[];
  rows: ImportPreviewRow[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  canImport: boolean;
};

export type ImportResult = { created: number; updated: number; unchanged: number; consentChanges: number; warnings: number };

async function loadExisting(db: DbOrTx, brandId: string, phones: string[]): Promise<ExistingProfile[]> {
  if (phones.length === 0) return [];
  return db.profile.findMany({
    where: { brandId, phone: { in: phones } },
    select: { id: true, phone: true, firstName: true, lastName: true, email: true, smsConsent: true, properties: true },
  });
}

async function planFor(db: DbOrTx, brandId: string, csvText: string): Promise<ImportPlan> {
  const csv = readProfileCsv(csvText);
  const existing = await loadExisting(db, brandId, csv.rows.map((r) => r.phone));
  return planProfileImport(csv, existing);
}

/** What importing this CSV would do, with every row error and consent warning. Writes nothing. */
export async function previewProfileImport(db: Db, brandId: string, csvText: string): Promise<ImportPreview> {
  const plan = await planFor(db, brandId, csvText);
  const propertyKeys = plan.columns.flatMap((c) => (c.kind === "property" ? [c.key] : []));
  return {
    counts: plan.counts,
    columns: plan.columns.map(({ header, kind }) => ({ header, kind })),
    propertyKeys,
    rows: plan.profiles.slice(0, PREVIEW_ROWS).map((p) => ({
      row: p.row,
      phone: p.phone,
      action: p.action,
      firstName: p.after.firstName,
      lastName: p.after.lastName,
      email: p.after.email,
      smsConsent: p.after.smsConsent,
      consentChange: p.consentChange,
      properties: Object.fromEntries(propertyKeys.filter((k) => p.after.properties[k] !== undefined).map((k) => [k, p.after.properties[k]])),
    })),
    errors: plan.errors.slice(0, PREVIEW_ISSUES),
    warnings: plan.warnings.slice(0, PREVIEW_ISSUES),
    canImport: plan.errors.length === 0 && plan.profiles.length > 0,
  };
}

/**
 * Reads the file and refuses it when it can't be imported (any bad row, or no profiles): nothing is
 * written. The rows' errors don't depend on the database, so this reads nothing from it.
 */
export function readImportableFile(csvText: string): ProfileCsv {
  const csv = readProfileCsv(csvText);
  if (csv.errors.length > 0) {
    const first = csv.errors[0]!.message;
    throw new AppError("BAD_REQUEST", {
      userMessage:
        csv.errors.length === 1
          ? `Nothing was imported. ${first}`
          : `Nothing was imported: the file has ${csv.errors.length.toLocaleString("en-US")} errors. The first: ${first}`,
    });
  }
  if (csv.rows.length === 0) throw new AppError("BAD_REQUEST", { userMessage: "Nothing was imported: the file has no profiles." });
  return csv;
}

/**
 * Imports some of the file's profiles (`rows`, already read) in one transaction: new profiles are
 * created, existing ones (same brand and phone) updated with the file's non-blank values and their
 * properties merged, consent changes recorded in the ledger with source "import". The rows are
 * planned again inside the transaction, against the profiles as they are at that moment. Either the
 * whole part is written or none of it. `afterWrite` runs in the same transaction (progress).
 */
export async function importProfileRows(
  db: Db,
  brandId: string,
  csv: ProfileCsv,
  opts: { now?: Date; afterWrite?: (tx: Prisma.TransactionClient, result: ImportResult) => Promise<void> } = {},
): Promise<ImportResult> {
  const now = opts.now ?? new Date();
  try {
    return await db.$transaction(async (tx) => {
      const existing = await loadExisting(tx, brandId, csv.rows.map((r) => r.phone));
      const plan = planProfileImport(csv, existing);

      const creates = plan.profiles.filter((p) => p.action === "create");
      const created = await tx.profile.createManyAndReturn({
        data: creates.map((p) => ({
          brandId,
          phone: p.phone,
          firstName: p.set.firstName ?? null,
          lastName: p.set.lastName ?? null,
          email: p.set.email ?? null,
          properties: p.set.properties as Prisma.InputJsonValue,
          // Consent is set below through the ledger, so a subscription from the file is recorded.
          smsConsent: "never_subscribed",
          createdAt: now,
        })),
        select: { id: true, phone: true },
      });
      const createdIdOf = new Map(created.map((p) => [p.phone, p.id]));

      const updates = plan.profiles.filter(
        (p) => p.action === "update" && (p.set.firstName !== undefined || p.set.lastName !== undefined || p.set.email !== undefined || Object.keys(p.set.properties).length > 0),
      );
      await updateProfiles(tx, brandId, updates, now);

      const consentChanges = await recordConsentChanges(tx, {
        brandId,
        source: IMPORT_CONSENT_SOURCE,
        now,
        changes: plan.profiles.flatMap((p) => {
          const profileId = p.profileId ?? createdIdOf.get(p.phone);
          return p.consentChange && profileId ? [{ profileId, ...p.consentChange }] : [];
        }),
      });

      const result = { created: created.length, updated: plan.counts.update, unchanged: plan.counts.unchanged, consentChanges, warnings: plan.warnings.length };
      await opts.afterWrite?.(tx, result);
      return result;
    }, IMPORT_TRANSACTION);
  } catch (error) {
    // Two writers creating the same number at once (a shopper texting in mid-import).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { userMessage: "A profile in this file was created by someone else while importing. Try again.", cause: error });
    }
    throw error;
  }
}

/**
 * All updates in one statement: names and email where the file gives them, properties merged into
 * the existing object (the file's keys win), `updatedAt` bumped.
 */
async function updateProfiles(tx: Prisma.TransactionClient, brandId: string, updates: PlannedProfile[], now: Date) {
  if (updates.length === 0) return;
  const values = updates.map((p) => ({
    id: p.profileId,
    firstName: p.set.firstName ?? null,
    lastName: p.set.lastName ?? null,
    email: p.set.email ?? null,
    properties: p.set.properties,
  }));
  const count = await tx.$executeRaw(Prisma.sql`
    UPDATE "Profile" AS p SET
      "firstName" = COALESCE(v."firstName", p."firstName"),
      "lastName" = COALESCE(v."lastName", p."lastName"),
      "email" = COALESCE(v."email", p."email"),
      "properties" = (CASE WHEN jsonb_typeof(p."properties") = 'object' THEN p."properties" ELSE '{}'::jsonb END) || v."properties",
      "updatedAt" = ${now}
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v("id" text, "firstName" text, "lastName" text, "email" text, "properties" jsonb)
    WHERE p."id" = v."id" AND p."brandId" = ${brandId}
  `);
  if (count !== updates.length) throw new Error(`importProfiles: updated ${count} of ${updates.length} profiles`);
}
