import { anyOf } from "./any-of";

/**
 * Canned replies are made of a few stock sentences: iOS's Driving Focus text, Android Auto's and
 * Samsung's driving replies, the quick replies phones offer when declining a call, and the short
 * "driving, will text you later" people set up themselves. A text is canned when it consists of
 * such sentences only, and either holds one that is canned by itself or says the sender is away
 * (driving, busy) and will answer later. Anything else in it ("…are you open?") makes it a person.
 *
 * Patterns run on the phrase form (lower case, no apostrophes: "im driving", "ill see").
 */

type Role = "canned" | "driving" | "busy" | "later" | "filler";

const NOW = `(?: ${anyOf("right now", "at the moment", "atm", "now", "rn", "currently")})?`;
const CANT = anyOf("cant", "cannot", "can not");
const WHEN_FREE = `(?: ${anyOf(
  "later", "soon", "shortly", "asap", "after", "afterwards", "in a bit", "in a while", "right back", "back", "up",
  "when safe", "as soon as (?:i can|possible)",
  `when i ${anyOf("arrive", "stop", "park", "can", "get (?:there|home|a chance|where im going|to my destination)", "am (?:able|parked|free|not driving|home)", "m (?:parked|free)")}`,
  "when (?:its|it is) safe(?: to do so)?",
  `once im ${anyOf("parked", "there", "home", "free", "done", "stopped")}`,
  `when im ${anyOf("parked", "there", "home", "free", "done", "stopped", "not driving")}`,
)})*`;

const SENTENCES: { role: Role; source: string }[] = [
  // iOS 11–14 "Do Not Disturb While Driving" and iOS 15+ "Driving Focus", word for word.
  {
    role: "canned",
    source: `(?:im|i am) driving with (?:the )?${anyOf("driving focus", "focus", "do not disturb(?: while driving)?", "dnd", "driving mode")}(?: mode)?(?: turned)? on`,
  },
  {
    role: "canned",
    source: `(?:and )?(?:ill|i will) see your messages? when i ${anyOf("get (?:where im going|there|to (?:my destination|where im going))", "arrive", "stop", "park", "can")}`,
  },
  // iOS adds these when the sender may break through the Focus by replying "urgent".
  { role: "canned", source: "im not receiving notifications" },
  { role: "canned", source: 'if (?:this is|its|it is) urgent,? (?:please )?reply "?urgent"? to send a notification through with your original message' },
  { role: "canned", source: "(?:i have|ive|[a-z]+ (?:has|have)) (?:my )?notifications silenced(?: with (?:a |the )?(?:[a-z]+ )?focus)?" },
  { role: "canned", source: "(?:i have )?do not disturb (?:is )?(?:on|turned on|enabled)" },
  // Android Auto, Samsung and Pixel driving modes: "I'm driving right now", "Can't text, driving".
  {
    role: "canned",
    source: `(?:sorry,? )?(?:im|i am) (?:currently )?driving${NOW}(?: and ${anyOf(CANT, "am unable to", "unable to", "wont be able to")} ${anyOf("text", "reply", "respond", "talk", "answer", "read (?:your )?messages?")}${NOW})?`,
  },
  { role: "canned", source: `(?:sorry,? )?(?:i )?${CANT} ${anyOf("text", "talk", "reply", "respond", "answer")}${NOW},? (?:im |i am )?${anyOf("driving", "behind the wheel", "on the road")}${NOW}` },
  // Quick replies for a declined call: iOS "Sorry, I can't talk right now.", Android "I'll call you right back."
  { role: "canned", source: `(?:sorry,? )?(?:i )?${CANT} ${anyOf("talk", "text", "chat")} ${anyOf("right now", "now", "at the moment", "atm")}` },
  { role: "canned", source: `(?:ill|i will) call you ${anyOf("right back", "back later", "later", "back shortly", "back soon")}` },
  { role: "driving", source: `(?:currently )?${anyOf("driving", "on the road", "behind the wheel")}${NOW}` },
  {
    role: "busy",
    source: `(?:sorry,? )?(?:(?:im|i am) )?${anyOf("busy", "in a meeting", "at work", "unavailable", "not available", "on a call", "in class", "with a (?:patient|client|customer)")}${NOW}`,
  },
  {
    role: "later",
    source:
      `(?:${anyOf("i", "ill", "i will", "will", "im going to", "i am going to", "gonna", "and will", "and ill")} )?` +
      anyOf(
        "get back to you", "reply", "respond", "answer", "text (?:you )?back", "text you", "call (?:you )?back", "call you",
        "hit you (?:back|up)", "message you(?: back)?", "talk to you", "contact you", "be in touch", "read (?:it|your message)",
      ) +
      WHEN_FREE,
  },
  { role: "filler", source: anyOf("thanks", "thank you", "thx", "ty", "sorry", "hi", "hey", "hello", "ok", "whats up", "call me later", "talk soon", "ttyl") },
  { role: "filler", source: "if (?:its|this is|it is) (?:urgent|an emergency),? (?:please )?(?:call|text)(?: me)?" },
];
const SENTENCE_PATTERNS = SENTENCES.map(({ role, source }) => ({ role, pattern: new RegExp(`${source}(?![a-z0-9])`, "y") }));
const SEPARATORS = /[\s.,!?;:()*"-]*/y;

export function isCannedReply(phrase: string): boolean {
  const roles = sentenceRoles(phrase);
  if (!roles) return false;
  const isAway = roles.has("driving") || roles.has("busy");
  return roles.has("canned") || (isAway && roles.has("later"));
}

/** The roles of the stock sentences the text is made of, or null if anything else is in it. */
function sentenceRoles(phrase: string): Set<Role> | null {
  const roles = new Set<Role>();
  let position = skipSeparators(phrase, 0);
  while (position < phrase.length) {
    const sentence = longestSentenceAt(phrase, position);
    if (!sentence) return null;
    roles.add(sentence.role);
    position = skipSeparators(phrase, position + sentence.length);
  }
  return roles;
}

function longestSentenceAt(phrase: string, position: number): { role: Role; length: number } | null {
  let best: { role: Role; length: number } | null = null;
  for (const { role, pattern } of SENTENCE_PATTERNS) {
    pattern.lastIndex = position;
    const length = pattern.exec(phrase)?.[0].length ?? 0;
    if (length > (best?.length ?? 0)) best = { role, length };
  }
  return best;
}

function skipSeparators(phrase: string, position: number): number {
  SEPARATORS.lastIndex = position;
  return position + (SEPARATORS.exec(phrase)?.[0].length ?? 0);
}
