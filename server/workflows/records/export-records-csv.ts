import type { Db } from "../../db";
import { dataOf, fieldsOf } from "./list-records";

/**
 * RFC 4180 quoting. A leading = @ (or + - before anything but a number, such as "+15555550100") is
 * neutralised so a spreadsheet never runs a shopper's text as a formula.
 */
export function csvCell(value: string): string {
  const isFormula = /^[=@\t\r]/.test(value) || /^[+-](?![\d\s().-]*$)/.test(value);
  const safe = isFormula ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export const MAX_EXPORT_ROWS = 50_000;

/** A collection as CSV: saved at, phone, the collected fields, workflow. Oldest first, as a sheet reads. */
export async function exportRecordsCsv(db: Db, brandId: string, collection: string): Promise<{ filename: string; csv: string; count: number }> {
  const rows = await db.workflowRecord.findMany({
    where: { brandId, collection },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_EXPORT_ROWS,
    include: { workflow: { select: { name: true } } },
  });
  const profileIds = [...new Set(rows.flatMap((r) => (r.profileId ? [r.profileId] : [])))];
  const profiles = profileIds.length ? await db.profile.findMany({ where: { brandId, id: { in: profileIds } }, select: { id: true, phone: true } }) : [];
  const phoneOf = new Map(profiles.map((p) => [p.id, p.phone]));
  const data = rows.map((r) => dataOf(r.data));
  const fields = fieldsOf(data);
  const csv = toCsv(
    ["saved_at", "phone", ...fields, "workflow"],
    rows.map((r, i) => [r.createdAt.toISOString(), (r.profileId && phoneOf.get(r.profileId)) || "", ...fields.map((f) => data[i]![f] ?? ""), r.workflow?.name ?? ""]),
  );
  const slug = collection.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "collection";
  return { filename: `${slug}.csv`, csv, count: rows.length };
}
