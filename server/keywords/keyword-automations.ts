import type { Db, KeywordAutomation } from "../db";
import { AppError, invalidFields } from "../errors";
import { isValidKeyword, matchKeyword, normalizeKeyword, segmentInfo } from "../sms";
import { recordSettingsChange, type SettingsActor } from "../settings/record-settings-change";

const snapshot = (a: KeywordAutomation | null) =>
  a ? { keyword: a.keyword, reply: a.reply, action: a.action, propertyKey: a.propertyKey, propertyValue: a.propertyValue, isActive: a.isActive } : {};

export const keywordActions = ["none", "subscribe", "set_property"] as const;
export type KeywordAction = (typeof keywordActions)[number];

export type KeywordAutomationInput = {
  keyword: string;
  reply: string;
  action: KeywordAction;
  propertyKey?: string | null;
  propertyValue?: string | null;
  isActive?: boolean;
};

function validate(input: KeywordAutomationInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isValidKeyword(input.keyword)) {
    errors.keyword = "Use 1–3 words of letters or digits (at most 20 characters), not a compliance keyword such as STOP, START or HELP.";
  }
  const reply = input.reply.trim();
  const info = segmentInfo(reply);
  if (!reply) errors.reply = "Write the reply the shopper gets.";
  else if (info.segments > 1) errors.reply = `The reply must fit one SMS (${info.encoding === "GSM-7" ? 160 : 70} characters for ${info.encoding}); it is ${info.characters}.`;
  if (input.action === "set_property") {
    if (!input.propertyKey?.trim()) errors.propertyKey = "Name the profile property to set.";
    else if (!/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/.test(input.propertyKey.trim())) errors.propertyKey = "Property names use letters, digits and _ (up to 40), starting with a letter.";
    if (!input.propertyValue?.trim()) errors.propertyValue = "Give the value to set.";
  }
  return errors;
}

function dataOf(input: KeywordAutomationInput) {
  const isProperty = input.action === "set_property";
  return {
    keyword: normalizeKeyword(input.keyword),
    reply: input.reply.trim(),
    action: input.action,
    propertyKey: isProperty ? input.propertyKey!.trim() : null,
    propertyValue: isProperty ? input.propertyValue!.trim() : null,
    isActive: input.isActive ?? true,
  };
}

export function listKeywordAutomations(db: Db, brandId: string) {
  return db.keywordAutomation.findMany({ where: { brandId }, orderBy: { keyword: "asc" } });
}

async function assertKeywordFree(db: Db, brandId: string, keyword: string, exceptId?: string) {
  const clash = await db.keywordAutomation.findFirst({ where: { brandId, keyword: normalizeKeyword(keyword), NOT: exceptId ? { id: exceptId } : undefined } });
  if (clash) throw invalidFields({ keyword: `${normalizeKeyword(keyword)} is already used by another automation.` });
}

export async function createKeywordAutomation(db: Db, brandId: string, input: KeywordAutomationInput, actor?: SettingsActor) {
  const errors = validate(input);
  if (Object.keys(errors).length) throw invalidFields(errors);
  await assertKeywordFree(db, brandId, input.keyword);
  const created = await db.keywordAutomation.create({ data: { brandId, ...dataOf(input) } });
  if (actor) await recordSettingsChange(db, { brandId, actor, area: "keywords", before: {}, after: snapshot(created) });
  return created;
}

export async function updateKeywordAutomation(db: Db, brandId: string, id: string, input: KeywordAutomationInput, actor?: SettingsActor) {
  const errors = validate(input);
  if (Object.keys(errors).length) throw invalidFields(errors);
  const existing = await db.keywordAutomation.findFirst({ where: { id, brandId } });
  if (!existing) throw new AppError("NOT_FOUND", { userMessage: "That keyword automation does not exist." });
  await assertKeywordFree(db, brandId, input.keyword, id);
  const updated = await db.keywordAutomation.update({ where: { id }, data: dataOf(input) });
  if (actor) await recordSettingsChange(db, { brandId, actor, area: "keywords", before: snapshot(existing), after: snapshot(updated) });
  return updated;
}

export async function deleteKeywordAutomation(db: Db, brandId: string, id: string, actor?: SettingsActor) {
  const existing = await db.keywordAutomation.findFirst({ where: { id, brandId } });
  const deleted = await db.keywordAutomation.deleteMany({ where: { id, brandId } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", { userMessage: "That keyword automation does not exist." });
  if (actor) await recordSettingsChange(db, { brandId, actor, area: "keywords", before: snapshot(existing), after: { keyword: `${existing?.keyword ?? ""} (deleted)` } });
}

/** What the pipeline needs of an active automation (loaded with the text, server/inbound/load-inbound.ts). */
export type ActiveKeyword = Pick<KeywordAutomation, "keyword" | "reply" | "action" | "propertyKey" | "propertyValue">;

/** The active automation whose keyword the text contains, if any (`automations` in keyword order). */
export function matchingAutomation<T extends { keyword: string }>(automations: readonly T[], text: string): T | null {
  if (!automations.length) return null;
  const matched = matchKeyword(text, automations.map((a) => a.keyword));
  return matched ? (automations.find((a) => a.keyword === matched) ?? null) : null;
}
