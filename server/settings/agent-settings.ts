import type { Db } from "../db";
import { Prisma } from "../db";
import { invalidFields } from "../errors";
import { isValidKeyword, segmentInfo } from "../sms";
import { isRestrictedBrand } from "../brands/restricted-goods";
import { recordSettingsChange, type SettingsActor } from "./record-settings-change";

export const tones = ["neutral", "professional", "friendly", "playful", "custom"] as const;
export const handoffModes = ["inbox", "closeout"] as const;

export type AgentSettingsInput = {
  enabled: boolean;
  brandSummary: string;
  tone: (typeof tones)[number];
  customTone: string;
  styleRules: { title: string; description: string }[];
  escalationRules: { name: string; keywords: string[] }[];
  handoffMode: (typeof handoffModes)[number];
  closeoutMessage: string;
  maxRepliesPerConversation: number;
  conversationWindowHours: number;
};

export const MAX_STYLE_RULES = 20;

/** Every rule a marketer can break, each with the words they will see next to the field. */
export function validateAgentSettings(input: AgentSettingsInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.brandSummary.length > 1000) errors.brandSummary = `The brand summary can be at most 1,000 characters; it is ${input.brandSummary.length}.`;
  if (input.tone === "custom" && !input.customTone.trim()) errors.customTone = "Describe the custom tone, or pick a preset.";
  if (input.customTone.length > 500) errors.customTone = "The custom tone can be at most 500 characters.";
  if (input.styleRules.length > MAX_STYLE_RULES) errors.styleRules = `At most ${MAX_STYLE_RULES} communication-style rules; there are ${input.styleRules.length}.`;
  input.styleRules.forEach((rule, i) => {
    if (!rule.title.trim()) errors[`styleRules.${i}.title`] = "Give the rule a title.";
    else if (rule.title.length > 100) errors[`styleRules.${i}.title`] = `A rule's title can be at most 100 characters; it is ${rule.title.length}.`;
    if (rule.description.length > 500) errors[`styleRules.${i}.description`] = `A rule's description can be at most 500 characters; it is ${rule.description.length}.`;
  });
  if (input.escalationRules.length > 20) errors.escalationRules = "At most 20 escalation rules.";
  input.escalationRules.forEach((rule, i) => {
    if (!rule.name.trim() || rule.name.length > 60) errors[`escalationRules.${i}.name`] = "Name the rule (up to 60 characters).";
    if (!rule.keywords.length || rule.keywords.length > 10) errors[`escalationRules.${i}.keywords`] = "Give 1 to 10 keywords.";
    else {
      const bad = rule.keywords.filter((k) => !isValidKeyword(k));
      if (bad.length) errors[`escalationRules.${i}.keywords`] = `Not usable as keywords: ${bad.join(", ")} (1–3 words of letters or digits, not STOP/START/HELP).`;
    }
  });
  const closeout = input.closeoutMessage.trim();
  if (input.handoffMode === "closeout" && !closeout) errors.closeoutMessage = "Closeout mode needs a closeout message.";
  if (closeout) {
    const info = segmentInfo(closeout);
    const limit = info.encoding === "GSM-7" ? 160 : 70;
    if (info.segments > 1) errors.closeoutMessage = `The closeout message must fit one SMS (${limit} characters); it is ${info.characters}.`;
  }
  if (!Number.isInteger(input.maxRepliesPerConversation) || input.maxRepliesPerConversation < 1 || input.maxRepliesPerConversation > 20) {
    errors.maxRepliesPerConversation = "Allow between 1 and 20 agent replies per conversation.";
  }
  if (!Number.isInteger(input.conversationWindowHours) || input.conversationWindowHours < 1 || input.conversationWindowHours > 168) {
    errors.conversationWindowHours = "The conversation window is 1 to 168 hours (7 days).";
  }
  return errors;
}

function toInput(s: Prisma.AgentSettingsGetPayload<object>): AgentSettingsInput {
  return {
    enabled: s.enabled,
    brandSummary: s.brandSummary,
    tone: (tones as readonly string[]).includes(s.tone) ? (s.tone as AgentSettingsInput["tone"]) : "friendly",
    customTone: s.customTone,
    styleRules: Array.isArray(s.styleRules) ? (s.styleRules as AgentSettingsInput["styleRules"]) : [],
    escalationRules: Array.isArray(s.escalationRules) ? (s.escalationRules as AgentSettingsInput["escalationRules"]) : [],
    handoffMode: s.handoffMode === "closeout" ? "closeout" : "inbox",
    closeoutMessage: s.closeoutMessage,
    maxRepliesPerConversation: s.maxRepliesPerConversation,
    conversationWindowHours: s.conversationWindowHours,
  };
}

export async function getAgentSettings(db: Db, brandId: string): Promise<AgentSettingsInput> {
  const s = await db.agentSettings.upsert({ where: { brandId }, update: {}, create: { brandId } });
  return toInput(s);
}

/** Saves the agent settings after validating all of them; nothing is saved when any field is wrong. The change is recorded. */
export async function updateAgentSettings(db: Db, brandId: string, actor: SettingsActor, input: AgentSettingsInput): Promise<AgentSettingsInput> {
  const errors = validateAgentSettings(input);
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { restrictedGoods: true } });
  // Carriers forbid automated conversations for SHAFT goods; Settings → Brand eligibility explains.
  if (input.enabled && isRestrictedBrand(brand)) {
    errors.enabled = "The agent can't be switched on: this brand is marked as selling restricted (SHAFT) goods. See Brand eligibility below.";
  }
  if (Object.keys(errors).length) throw invalidFields(errors);
  const before = await getAgentSettings(db, brandId);
  const data = {
    ...input,
    brandSummary: input.brandSummary.trim(),
    customTone: input.customTone.trim(),
    closeoutMessage: input.closeoutMessage.trim(),
    styleRules: input.styleRules.map((r) => ({ title: r.title.trim(), description: r.description.trim() })) as Prisma.InputJsonValue,
    escalationRules: input.escalationRules.map((r) => ({ name: r.name.trim(), keywords: r.keywords.map((k) => k.trim()) })) as Prisma.InputJsonValue,
  };
  const saved = await db.$transaction(async (tx) => {
    const s = await tx.agentSettings.update({ where: { brandId }, data });
    await recordSettingsChange(tx, { brandId, actor, area: "agent", before, after: toInput(s) });
    return s;
  });
  return toInput(saved);
}
