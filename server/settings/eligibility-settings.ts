/**
 * Who may talk to the customer agent (Settings → Who can chat). Stored on AgentSettings as
 * eligibilityMode + eligibilityRules; the pipeline's eligibility stage applies it in this order:
 * agent off → restricted goods → inbox keywords → required keywords → segments.
 */
import type { Db } from "../db";
import { Prisma } from "../db";
import { invalidFields } from "../errors";
import { isValidKeyword, normalizeKeyword } from "../sms";
import { recordSettingsChange, type SettingsActor } from "./record-settings-change";

export const eligibilityModes = ["everyone", "segments_in", "segments_out"] as const;
export type EligibilityMode = (typeof eligibilityModes)[number];

export type EligibilitySettings = {
  /** everyone; only members of the chosen segments; everyone except them. */
  mode: EligibilityMode;
  segmentIds: string[];
  /** When any is set, a conversation starts only with a text that begins with one of these. */
  requiredKeywords: string[];
  /** A text containing one of these goes straight to the inbox. */
  inboxKeywords: string[];
};

export const MAX_ELIGIBILITY_SEGMENTS = 10;
export const MAX_ELIGIBILITY_KEYWORDS = 10;

const stringsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export function eligibilityOf(settings: { eligibilityMode: string; eligibilityRules: Prisma.JsonValue } | null): EligibilitySettings {
  const rules = (settings?.eligibilityRules && typeof settings.eligibilityRules === "object" ? settings.eligibilityRules : {}) as Record<string, unknown>;
  const mode = settings && (eligibilityModes as readonly string[]).includes(settings.eligibilityMode) ? (settings.eligibilityMode as EligibilityMode) : "everyone";
  return { mode, segmentIds: stringsOf(rules.segmentIds), requiredKeywords: stringsOf(rules.requiredKeywords), inboxKeywords: stringsOf(rules.inboxKeywords) };
}

function validateKeywords(field: "requiredKeywords" | "inboxKeywords", keywords: string[], errors: Record<string, string>) {
  if (keywords.length > MAX_ELIGIBILITY_KEYWORDS) errors[field] = `At most ${MAX_ELIGIBILITY_KEYWORDS} keywords; there are ${keywords.length}.`;
  const bad = keywords.filter((k) => !isValidKeyword(k));
  if (bad.length) errors[field] = `Not usable as keywords: ${bad.join(", ")} (1–3 words of letters or digits, not STOP/START/HELP or an opt-out word).`;
}

/** Every rule, with the words the marketer sees next to the field. Segment ids are checked against the brand's segments. */
export function validateEligibility(input: EligibilitySettings, brandSegmentIds: ReadonlySet<string>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.mode !== "everyone") {
    if (input.segmentIds.length === 0) errors.segmentIds = input.mode === "segments_in" ? "Choose at least one segment whose members may chat." : "Choose at least one segment to leave out.";
    else if (input.segmentIds.length > MAX_ELIGIBILITY_SEGMENTS) errors.segmentIds = `Choose at most ${MAX_ELIGIBILITY_SEGMENTS} segments.`;
    else if (input.segmentIds.some((id) => !brandSegmentIds.has(id))) errors.segmentIds = "One of the chosen segments no longer exists; choose again.";
  }
  validateKeywords("requiredKeywords", input.requiredKeywords, errors);
  validateKeywords("inboxKeywords", input.inboxKeywords, errors);
  const required = new Set(input.requiredKeywords.map(normalizeKeyword));
  const both = input.inboxKeywords.map(normalizeKeyword).filter((k) => required.has(k));
  if (both.length && !errors.inboxKeywords) errors.inboxKeywords = `${both.join(", ")} can't both start a conversation and send it to the inbox.`;
  return errors;
}

export async function getEligibilitySettings(db: Db | Prisma.TransactionClient, brandId: string): Promise<EligibilitySettings> {
  const s = await db.agentSettings.upsert({ where: { brandId }, update: {}, create: { brandId } });
  return eligibilityOf(s);
}

/** Validates everything, then saves and records the change; nothing is saved when any field is wrong. */
export async function updateEligibilitySettings(db: Db, brandId: string, actor: SettingsActor, input: EligibilitySettings): Promise<EligibilitySettings> {
  const segments = await db.segment.findMany({ where: { brandId }, select: { id: true, name: true } });
  const normalized: EligibilitySettings = {
    mode: input.mode,
    segmentIds: input.mode === "everyone" ? [] : [...new Set(input.segmentIds)],
    requiredKeywords: [...new Set(input.requiredKeywords.map((k) => k.trim()).filter(Boolean))],
    inboxKeywords: [...new Set(input.inboxKeywords.map((k) => k.trim()).filter(Boolean))],
  };
  const errors = validateEligibility(normalized, new Set(segments.map((s) => s.id)));
  if (Object.keys(errors).length) throw invalidFields(errors);
  const saved = {
    ...normalized,
    requiredKeywords: normalized.requiredKeywords.map(normalizeKeyword),
    inboxKeywords: normalized.inboxKeywords.map(normalizeKeyword),
  };
  const names = new Map(segments.map((s) => [s.id, s.name]));
  // The history shows segments by name (ids mean nothing to a reader; a later rename doesn't rewrite history).
  const forHistory = ({ segmentIds, ...rest }: EligibilitySettings) => ({ ...rest, segments: segmentIds.map((id) => names.get(id) ?? "a deleted segment") });
  return db.$transaction(async (tx) => {
    const before = await getEligibilitySettings(tx, brandId);
    const { mode, ...rules } = saved;
    const row = await tx.agentSettings.update({ where: { brandId }, data: { eligibilityMode: mode, eligibilityRules: rules as Prisma.InputJsonValue } });
    const after = eligibilityOf(row);
    await recordSettingsChange(tx, { brandId, actor, area: "eligibility", before: forHistory(before), after: forHistory(after) });
    return after;
  });
}
