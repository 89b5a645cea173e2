/**
 * Reading several tables' rows in one statement with raw SQL, typed as Prisma's models: each
 * table's columns are selected under a prefix ("b.id") from the generated client's field list, and
 * split back into one object per table. Prisma decodes the raw columns as it decodes its own
 * (timestamps as Date, jsonb parsed, enums as strings), so the objects equal what findUnique returns.
 */
import { Prisma } from "./generated/client";

type Fields = Record<string, string>;

/** `alias."field" AS "prefix.field"` for each of the model's scalar fields. */
export function prefixedColumns(alias: string, fields: Fields, prefix = alias): string {
  return Object.values(fields)
    .map((f) => `${alias}."${f}" AS "${prefix}.${f}"`)
    .join(", ");
}

/** The model's row out of a joined result row; null when an outer join found none (its id is null). */
export function rowUnderPrefix<T>(row: Record<string, unknown>, fields: Fields, prefix: string): T | null {
  if (row[`${prefix}.id`] === null || row[`${prefix}.id`] === undefined) return null;
  const out: Record<string, unknown> = {};
  for (const f of Object.values(fields)) out[f] = row[`${prefix}.${f}`];
  return out as T;
}

export const modelFields = {
  brand: Prisma.BrandScalarFieldEnum,
  agentSettings: Prisma.AgentSettingsScalarFieldEnum,
  agentTurn: Prisma.AgentTurnScalarFieldEnum,
  message: Prisma.MessageScalarFieldEnum,
  profile: Prisma.ProfileScalarFieldEnum,
  conversation: Prisma.ConversationScalarFieldEnum,
} as const;
