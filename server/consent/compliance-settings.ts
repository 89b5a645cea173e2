import type { Db, Prisma } from "../db";
import { invalidFields } from "../errors";
import { segmentInfo } from "../sms";
import { complianceReplies } from "./compliance-replies";
import { defaultQuietHours, validateQuietHours, type QuietHours } from "./quiet-hours";
import { recordSettingsChange, type SettingsActor } from "../settings/record-settings-change";

export type ComplianceTexts = { helpReply: string; optOutReply: string; optInReply: string };

/** The brand's compliance texts, with Parley's defaults where the brand set none. */
export async function complianceTextsFor(db: Db, brand: { id: string; name: string }): Promise<ComplianceTexts & { isDefault: Record<keyof ComplianceTexts, boolean> }> {
  const s = await db.complianceSettings.findUnique({ where: { brandId: brand.id } });
  return {
    helpReply: s?.helpReply ?? complianceReplies.help(brand.name),
    optOutReply: s?.optOutReply ?? complianceReplies.optOut(brand.name),
    optInReply: s?.optInReply ?? complianceReplies.optIn(brand.name),
    isDefault: { helpReply: !s?.helpReply, optOutReply: !s?.optOutReply, optInReply: !s?.optInReply },
  };
}

const labels: Record<keyof ComplianceTexts, string> = { helpReply: "The HELP reply", optOutReply: "The opt-out confirmation", optInReply: "The opt-in confirmation" };

/** Carrier rules for each text (CTIA): one segment; HELP and opt-in say how to opt out; opt-out says how to come back. */
export function validateComplianceTexts(input: Partial<ComplianceTexts>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const key of Object.keys(labels) as (keyof ComplianceTexts)[]) {
    const text = input[key]?.trim();
    if (!text) continue;
    const info = segmentInfo(text);
    const limit = info.encoding === "GSM-7" ? 160 : 70;
    if (info.segments > 1) errors[key] = `${labels[key]} must fit one SMS (${limit} characters for ${info.encoding}); it is ${info.characters}.`;
    else if ((key === "helpReply" || key === "optInReply") && !/\bSTOP\b/.test(text)) errors[key] = `${labels[key]} must tell people to reply STOP to opt out (carrier rule).`;
    else if (key === "optOutReply" && !/\b(START|UNSTOP)\b/i.test(text)) errors[key] = `${labels[key]} should say how to resubscribe (e.g. "Reply START to resubscribe").`;
  }
  return errors;
}

/** Saves the texts (blank → back to the default). Nothing is saved when any text is invalid; the change is recorded. */
export async function updateComplianceTexts(db: Db, brandId: string, input: Partial<ComplianceTexts>, actor?: SettingsActor) {
  const errors = validateComplianceTexts(input);
  if (Object.keys(errors).length) throw invalidFields(errors);
  const data = {
    helpReply: input.helpReply?.trim() || null,
    optOutReply: input.optOutReply?.trim() || null,
    optInReply: input.optInReply?.trim() || null,
  };
  const before = await db.complianceSettings.findUnique({ where: { brandId } });
  await db.complianceSettings.upsert({ where: { brandId }, update: data, create: { brandId, ...data } });
  if (actor) {
    const pick = (s: typeof data | null) => ({ helpReply: s?.helpReply ?? null, optOutReply: s?.optOutReply ?? null, optInReply: s?.optInReply ?? null });
    await recordSettingsChange(db, { brandId, actor, area: "compliance", before: pick(before), after: pick(data) });
  }
}

/** The brand's quiet hours (campaigns wait outside start–end, recipient's local time); Parley's defaults until saved. */
export async function getQuietHours(db: Db | Prisma.TransactionClient, brandId: string): Promise<QuietHours> {
  const s = await db.complianceSettings.findUnique({ where: { brandId } });
  return s ? { enabled: s.quietHoursEnabled, start: s.quietHoursStart, end: s.quietHoursEnd } : { ...defaultQuietHours };
}

/** Validates, saves and records the change (area "compliance"); nothing is saved when any field is wrong. */
export async function updateQuietHours(db: Db, brandId: string, actor: SettingsActor, input: QuietHours): Promise<QuietHours> {
  const errors = validateQuietHours(input);
  if (Object.keys(errors).length) throw invalidFields(errors);
  const record = (q: QuietHours) => ({ quietHoursEnabled: q.enabled, quietHoursStart: q.start, quietHoursEnd: q.end });
  return db.$transaction(async (tx) => {
    const before = await getQuietHours(tx, brandId);
    const data = record(input);
    const s = await tx.complianceSettings.upsert({ where: { brandId }, update: data, create: { brandId, ...data } });
    const after: QuietHours = { enabled: s.quietHoursEnabled, start: s.quietHoursStart, end: s.quietHoursEnd };
    await recordSettingsChange(tx, { brandId, actor, area: "compliance", before: record(before), after: record(after) });
    return after;
  });
}
