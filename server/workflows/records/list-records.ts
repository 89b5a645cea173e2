import type { Db } from "../../db";

/** The brand's collections (from Save to database steps) with how many records each holds. */
export async function listCollections(db: Db, brandId: string) {
  const groups = await db.workflowRecord.groupBy({
    by: ["collection"],
    where: { brandId },
    _count: { _all: true },
    _max: { createdAt: true },
    orderBy: { collection: "asc" },
  });
  return groups.map((g) => ({ collection: g.collection, count: g._count._all, lastSavedAt: g._max.createdAt }));
}

export const MAX_RECORDS_PAGE = 100;

/** One collection's records, newest first, with the shopper each came from and the workflow that saved it. */
export async function listRecords(db: Db, brandId: string, input: { collection: string; page?: number; pageSize?: number }) {
  const pageSize = Math.min(input.pageSize ?? 50, MAX_RECORDS_PAGE);
  const page = Math.max(input.page ?? 1, 1);
  const where = { brandId, collection: input.collection };
  const [total, rows] = await Promise.all([
    db.workflowRecord.count({ where }),
    db.workflowRecord.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize, include: { workflow: { select: { id: true, name: true } } } }),
  ]);
  const profileIds = [...new Set(rows.flatMap((r) => (r.profileId ? [r.profileId] : [])))];
  const profiles = profileIds.length
    ? await db.profile.findMany({ where: { brandId, id: { in: profileIds } }, select: { id: true, phone: true, firstName: true, lastName: true } })
    : [];
  const profileById = new Map(profiles.map((p) => [p.id, p]));
  const items = rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    data: dataOf(r.data),
    conversationId: r.conversationId,
    workflow: r.workflow,
    profile: r.profileId ? (profileById.get(r.profileId) ?? null) : null,
  }));
  return { collection: input.collection, total, page, pageSize, items, fields: fieldsOf(items.map((i) => i.data)) };
}

export function dataOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]));
}

/** Every field any record has, in first-seen order: the collection's columns. */
export function fieldsOf(records: Record<string, string>[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r)))];
}
