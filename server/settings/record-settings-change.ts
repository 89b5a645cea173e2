import type { Db } from "../db";
import { Prisma } from "../db";

export type SettingsActor = { userId: string; name: string };

/** The Settings page's sections; the history names the one that changed. */
export type SettingsArea = "agent" | "eligibility" | "compliance" | "keywords" | "marketing" | "channels" | "brand" | "helpdesk" | "attribution" | "commerce" | "members";

/** Keeps only the fields that changed, so the history reads "before → after" for each. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])),
  };
}

/** Appends one entry to the brand's settings history; nothing when nothing changed. */
export async function recordSettingsChange(
  db: Db | Prisma.TransactionClient,
  input: { brandId: string; actor: SettingsActor; area: SettingsArea; before: Record<string, unknown>; after: Record<string, unknown> },
) {
  const diff = changedFields(input.before, input.after);
  if (Object.keys(diff.after).length === 0) return null;
  return db.settingsChange.create({
    data: {
      brandId: input.brandId,
      userId: input.actor.userId,
      userName: input.actor.name,
      area: input.area,
      before: diff.before as Prisma.InputJsonValue,
      after: diff.after as Prisma.InputJsonValue,
    },
  });
}

export function listSettingsChanges(db: Db, brandId: string, limit = 50) {
  return db.settingsChange.findMany({ where: { brandId }, orderBy: { createdAt: "desc" }, take: limit });
}
