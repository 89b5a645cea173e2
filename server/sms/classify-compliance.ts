export type ComplianceIntent = "opt_out" | "opt_in" | "help";

// CTIA / carrier keywords. They must be honoured when they are the whole message, in any case.
const KEYWORDS: Record<string, ComplianceIntent> = {
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
  START: "opt_in",
  UNSTOP: "opt_in",
  YES: "opt_in",
  HELP: "help",
  INFO: "help",
};

// Opting out may be worded freely (FCC 2024: consent can be revoked "by any reasonable means").
// These phrases are deliberately narrow so that shopping talk ("cancel my order", "stop by the
// store", "when does the sale end") never unsubscribes anyone.
const TEXTS = "(?:texts?|text messages|messages|msgs|sms|txts)";
const ME = "(?:me|my number|this number|my phone number)";
const NOT_NEGATED = "(?<!\\b(?:don't|dont|do not|never) )";
const DONT = "\\b(?:don't|dont|do not|never) (?:text|txt|message|msg|sms|contact) (?:me|this number)";
const phrase = (source: string) => new RegExp(source);
const OPT_OUT_PHRASES: RegExp[] = [
  phrase(`${NOT_NEGATED}\\b(?:stop|quit|cease) (?:texting|txting|messaging|spamming|contacting)\\b`),
  phrase(`${NOT_NEGATED}\\bstop (?:sending (?:me |us )?)?(?:all |the |these |those |your |ur |any )?${TEXTS}\\b`),
  // "take me off your list", "remove my number from your texting list"; not "off the waitlist".
  phrase(
    `\\b(?:take|remove|delete|drop) ${ME} (?:off|from) (?:of )?(?:your |the |this |ur |these |all |every )?` +
      `(?:(?:text|texting|sms|mailing|marketing|contact|call) )?(?:list|lists|${TEXTS})\\b`,
  ),
  phrase(`\\bno more (?:${TEXTS}|texting)\\b`),
  // "unsubscribe me", "unsubscribe me from these texts"; not "unsubscribe me from the monthly box".
  phrase(
    `\\bunsubscribe ${ME}(?=$|[.!,;?]| please| now| from (?:this |these |your |the |all |ur )?(?:${TEXTS}|list|number))`,
  ),
  /\b(?:want|like|wish|need) to (?:unsubscribe|opt ?out)\b/,
  /\bopt me out\b/,
  // "don't text me again" / "do not contact me."; not "don't text me the tracking number".
  phrase(`${DONT} (?:again|anymore|any more|ever)\\b`),
  phrase(`${DONT}(?=$|[.!,;?])`),
  /\bleave me alone\b/,
  /^(?:please stop|stop please|stop it|remove me|unsubscribe please)$/,
];

/** Carrier keyword or clear opt-out request in an inbound message, else null. */
export function classifyCompliance(text: string): ComplianceIntent | null {
  const keyword = KEYWORDS[toKeyword(text)];
  if (keyword) return keyword;
  return isOptOutRequest(text) ? "opt_out" : null;
}

/** "  Stop! 🛑" → "STOP", "opt-out" → "OPT OUT": surrounding punctuation, emoji and spaces go. */
function toKeyword(text: string): string {
  return text
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    .replace(/[\s_-]+/g, " ")
    .toUpperCase();
}

function isOptOutRequest(text: string): boolean {
  // "STOP!" followed by more words ("Stop! Who is this?") is still a stop; "stop by" is not.
  if (/^\s*stop\s*(?:[.!]|\n)/i.test(text)) return true;
  const phrase = text
    .toLowerCase()
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  return OPT_OUT_PHRASES.some((pattern) => pattern.test(phrase));
}
