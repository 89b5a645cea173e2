import type { Prisma } from "../db";
import { recordSettingsChange, type SettingsActor } from "../settings/record-settings-change";

/**
 * Member changes go into the settings history, keyed by the person's email:
 * "sam@brand.com: Admin → Owner", "none → invited as Member", "Member → removed".
 */
export function recordMemberChange(tx: Prisma.TransactionClient, brandId: string, actor: SettingsActor, email: string, before: string | null, after: string | null) {
  return recordSettingsChange(tx, { brandId, actor, area: "members", before: { [email]: before }, after: { [email]: after } });
}
