/**
 * Who may talk to the agent, decided per text from Settings → Who can chat. The rules run in the
 * order the settings page describes; the first that fails is named in the text's disposition.
 */
import { isRestrictedBrand } from "../brands";
import { findOpenAgentConversation } from "../conversations";
import type { Db } from "../db";
import { isProfileInAnySegment, parseSegmentDefinition } from "../segments";
import { eligibilityOf } from "../settings";
import { matchKeyword, startsWithKeyword } from "../sms";

/** The rules, in the order Settings → Who can chat describes them; the first that fails names the disposition. */
export const eligibilityRules = ["agent_off", "restricted_goods", "inbox_keyword", "keyword_required", "not_in_segment", "excluded_segment"] as const;
export type EligibilityRule = (typeof eligibilityRules)[number];

/** The first eligibility rule this text fails, or null when the agent may answer. */
export async function failedEligibilityRule(
  db: Db,
  input: {
    brandId: string;
    restrictedGoods: string[];
    settings: { enabled: boolean; eligibilityMode: string; eligibilityRules: unknown };
    profileId: string;
    text: string;
    now: Date;
  },
): Promise<EligibilityRule | null> {
  if (!input.settings.enabled) return "agent_off";
  // Carriers don't allow automated conversations about sex, hate, alcohol, firearms or tobacco.
  if (isRestrictedBrand(input)) return "restricted_goods";
  const rules = eligibilityOf(input.settings as Parameters<typeof eligibilityOf>[0]);
  if (rules.inboxKeywords.length && matchKeyword(input.text, rules.inboxKeywords)) return "inbox_keyword";
  if (rules.requiredKeywords.length && !startsWithKeyword(input.text, rules.requiredKeywords)) {
    // The keyword starts a conversation; the texts after it in the same conversation don't repeat it.
    const open = await findOpenAgentConversation(db, { brandId: input.brandId, profileId: input.profileId, now: input.now });
    if (!open) return "keyword_required";
  }
  if (rules.mode === "everyone") return null;
  const segments = await db.segment.findMany({ where: { brandId: input.brandId, id: { in: rules.segmentIds } }, select: { definition: true } });
  const isInAny = await isProfileInAnySegment(db, input.brandId, input.profileId, segments.map((s) => parseSegmentDefinition(s.definition)), input.now);
  if (rules.mode === "segments_in" && !isInAny) return "not_in_segment";
  if (rules.mode === "segments_out" && isInAny) return "excluded_segment";
  return null;
}
