import type { RouterInputs, RouterOutputs } from "@/components/trpc";

/**
 * The Customer agent form's values while being edited, and the conversions to and from what the
 * API reads and returns. Lists carry a client-side `key`, so a rule keeps its inputs, focus and
 * error while rules are added, removed or moved.
 */
export type AgentSettings = RouterOutputs["settings"]["agent"];
export type AgentSettingsInput = RouterInputs["settings"]["updateAgent"];
export type Tone = AgentSettings["tone"];
export type HandoffMode = AgentSettings["handoffMode"];

export type StyleRuleDraft = { key: string; title: string; description: string };
/** `keywords` is the text as typed ("lawyer, sue"); it becomes a list on save. */
export type EscalationRuleDraft = { key: string; name: string; keywords: string };

export type AgentDraft = Omit<AgentSettings, "styleRules" | "escalationRules" | "maxRepliesPerConversation" | "conversationWindowHours"> & {
  styleRules: StyleRuleDraft[];
  escalationRules: EscalationRuleDraft[];
  /** As typed, so an emptied field stays empty instead of jumping to 0. */
  maxRepliesPerConversation: string;
  conversationWindowHours: string;
};

/** The limits the server enforces, shown beside the fields (counters, "3 of 20"). */
export const LIMITS = {
  brandSummary: 1000,
  customTone: 500,
  styleRules: 20,
  ruleTitle: 100,
  ruleDescription: 500,
  escalationRules: 20,
  ruleName: 60,
  keywords: 10,
  maxReplies: { min: 1, max: 20 },
  windowHours: { min: 1, max: 168 },
} as const;

/**
 * Hard caps for the inputs, at what the API accepts at all. The marketer-facing limits above
 * are softer (a counter, then the server's message), so a paste can be trimmed rather than cut.
 */
export const INPUT_CAPS = { brandSummary: 5000, customTone: 2000, ruleTitle: 1000, ruleDescription: 5000, ruleName: 500, closeoutMessage: 1600 } as const;

export const toneLabels: Record<Tone, string> = {
  neutral: "Neutral",
  professional: "Professional",
  friendly: "Friendly",
  playful: "Playful",
  custom: "Custom…",
};

// In step with the presets the agent is instructed with (server/agent/instructions.ts).
export const toneHelp: Record<Tone, string> = {
  neutral: "Plain and clear, without much personality.",
  professional: "Courteous and precise, with no slang.",
  friendly: "Warm, like a helpful store associate.",
  playful: "Upbeat and light-hearted, but never at the cost of clarity.",
  custom: "Describe the voice in your own words below.",
};

export const TONES = Object.keys(toneLabels) as Tone[];

let lastKey = 0;
/** A key for a new list item, unique for the life of the page. */
export function newKey(prefix: string): string {
  lastKey += 1;
  return `${prefix}${lastKey}`;
}

/**
 * The form's values for saved settings. Keys of `previous` are kept by position, so inputs are
 * not remounted (and do not lose focus) when a save comes back.
 */
export function draftOf(settings: AgentSettings, previous?: AgentDraft): AgentDraft {
  return {
    enabled: settings.enabled,
    brandSummary: settings.brandSummary,
    tone: settings.tone,
    customTone: settings.customTone,
    styleRules: settings.styleRules.map((rule, i) => ({ key: previous?.styleRules[i]?.key ?? newKey("style"), title: rule.title, description: rule.description })),
    escalationRules: settings.escalationRules.map((rule, i) => ({
      key: previous?.escalationRules[i]?.key ?? newKey("escalation"),
      name: rule.name,
      keywords: rule.keywords.join(", "),
    })),
    handoffMode: settings.handoffMode,
    closeoutMessage: settings.closeoutMessage,
    maxRepliesPerConversation: String(settings.maxRepliesPerConversation),
    conversationWindowHours: String(settings.conversationWindowHours),
  };
}

/** "lawyer, sue ,, attorney" → ["lawyer", "sue", "attorney"]; runs of spaces inside a keyword become one. */
export function keywordsOf(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((keyword) => keyword.trim().replace(/\s+/g, " "))
    .filter(Boolean);
}

/** "12" → 12; empty, "2.5" or "abc" → null. */
export function wholeNumberOf(text: string): number | null {
  if (!text.trim()) return null;
  const n = Number(text);
  return Number.isInteger(n) ? n : null;
}

/** What the form sends. Everything the marketer typed goes to the server, which checks it all at once. */
export function inputOf(draft: AgentDraft): AgentSettingsInput {
  return {
    enabled: draft.enabled,
    brandSummary: draft.brandSummary,
    tone: draft.tone,
    customTone: draft.customTone,
    styleRules: draft.styleRules.map(({ title, description }) => ({ title, description })),
    escalationRules: draft.escalationRules.map(({ name, keywords }) => ({
      name,
      // The API refuses over 50 keywords or 100 characters in words no marketer should read; past
      // 10 keywords or 20 characters the server's own rule already refuses, in plain words.
      keywords: keywordsOf(keywords)
        .slice(0, LIMITS.keywords + 1)
        .map((keyword) => keyword.slice(0, 100)),
    })),
    handoffMode: draft.handoffMode,
    closeoutMessage: draft.closeoutMessage,
    // Not a whole number → 0, which the server refuses with its range message (the form words it better).
    maxRepliesPerConversation: wholeNumberOf(draft.maxRepliesPerConversation) ?? 0,
    conversationWindowHours: wholeNumberOf(draft.conversationWindowHours) ?? 0,
  };
}

/** Messages for the number fields when what was typed is not a whole number, worded better than "out of range". */
export function numberErrorsOf(draft: AgentDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const { maxReplies, windowHours } = LIMITS;
  if (wholeNumberOf(draft.maxRepliesPerConversation) === null) {
    errors.maxRepliesPerConversation = `Enter a whole number of replies, from ${maxReplies.min} to ${maxReplies.max}.`;
  }
  if (wholeNumberOf(draft.conversationWindowHours) === null) {
    errors.conversationWindowHours = `Enter a whole number of hours, from ${windowHours.min} to ${windowHours.max} (7 days).`;
  }
  return errors;
}

/** Saved settings as the form would send them, to compare a draft with (`isDraftDirty`). */
export function savedInputOf(saved: AgentSettings): string {
  return JSON.stringify(inputOf(draftOf(saved)));
}

/** Whether the form differs from what was last saved. */
export function isDraftDirty(draft: AgentDraft, savedInput: string): boolean {
  return JSON.stringify(inputOf(draft)) !== savedInput;
}

/**
 * The server's field errors re-keyed from positions to list keys ("styleRules.2.title" →
 * "styleRules.style7.title"), so each message stays with its rule if rules are moved or removed
 * before it is fixed. `order` is the lists' keys as they were sent.
 */
export function errorsByKey(
  errors: Record<string, string>,
  order: { styleRules: string[]; escalationRules: string[] },
): { fields: Record<string, string>; unplaced: string[] } {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const match = /^(styleRules|escalationRules)\.(\d+)(?:\.(\w+))?/.exec(path);
    if (!match) {
      fields[path] = message;
      continue;
    }
    const [, list, index, field] = match as unknown as [string, "styleRules" | "escalationRules", string, string | undefined];
    const key = order[list][Number(index)];
    if (key && field) fields[`${list}.${key}.${field}`] = message;
    else if (key) fields[`${list}.${key}.${list === "styleRules" ? "title" : "name"}`] = message;
    else unplaced.push(message);
  }
  return { fields, unplaced };
}
