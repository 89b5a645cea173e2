import { toWords } from "./text-forms";

export type ComplianceIntent = "opt_out" | "opt_in" | "help";

// CTIA and carrier keywords as Twilio's Advanced Opt-Out honours them (REVOKE and OPTOUT since the
// FCC's 2025 revocation rule, ARRET for French-speaking Canada), when they are the whole message.
const KEYWORD_INTENTS: Readonly<Record<string, ComplianceIntent>> = {
  STOP: "opt_out",
  STOPALL: "opt_out",
  "STOP ALL": "opt_out",
  UNSUBSCRIBE: "opt_out",
  CANCEL: "opt_out",
  END: "opt_out",
  QUIT: "opt_out",
  REVOKE: "opt_out",
  OPTOUT: "opt_out",
  "OPT OUT": "opt_out",
  ARRET: "opt_out",
  START: "opt_in",
  UNSTOP: "opt_in",
  YES: "opt_in",
  HELP: "help",
  INFO: "help",
};

/** Reserved keywords: a brand may not use them for its own automations. */
export const complianceKeywords: readonly string[] = Object.keys(KEYWORD_INTENTS);

/** The opt-out keywords alone; a brand keyword containing one would read as a STOP. */
export const optOutKeywords: readonly string[] = complianceKeywords.filter(
  (keyword) => KEYWORD_INTENTS[keyword] === "opt_out",
);

/**
 * The intent of a message that is nothing but a compliance keyword, tolerating what phones and
 * people add: any case, punctuation, emoji, quotes, "opt-out", "S T O P", "STOP STOP",
 * "Stoppp". Null when anything else is in the message.
 */
export function keywordIntent(text: string): ComplianceIntent | null {
  const words = toWords(text);
  if (!words) return null;
  const intent = KEYWORD_INTENTS[asKeyword(words)] ?? null;
  // "Yes?" and "Start?" ask something; consent to marketing must not be read into a question.
  return intent === "opt_in" && /[?？¿]/u.test(text) ? null : intent;
}

function asKeyword(words: string): string {
  // "Stoppp", "STOOOP": only STOP is read stretched, so a stretched word never opts anyone in.
  const tokens = words.split(" ").map((token) => (/^S+T+O+P+$/.test(token) ? "STOP" : token));
  // "S T O P": spelled out letter by letter.
  if (tokens.length > 1 && tokens.every((token) => token.length === 1)) return asKeyword(tokens.join(""));
  // "STOP STOP STOP", "stop all stop all": the same keyword repeated.
  return repeatedUnit(tokens) ?? tokens.join(" ");
}

function repeatedUnit(tokens: string[]): string | null {
  for (const size of [1, 2]) {
    if (tokens.length <= size || tokens.length % size !== 0) continue;
    const unit = tokens.slice(0, size).join(" ");
    const isRepeat = tokens.every((token, i) => token === tokens[i % size]);
    if (isRepeat) return unit;
  }
  return null;
}
