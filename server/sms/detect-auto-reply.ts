import { anyOf } from "./any-of";
import { isCannedReply } from "./is-canned-reply";
import { toPhraseForm } from "./text-forms";

/**
 * Texts that a phone, a car, an app or another business's system sent by itself. Patterns run on
 * the phrase form (lower case, no apostrophes: "im driving", "ill see your message").
 */

// Labels auto-responders put first: "Auto-reply: …", "[Automated] …", "Out of office: …".
const SELF_LABELLED = new RegExp(
  `^[[(]?${anyOf(
    "auto(?:matic|mated)?[ -]?(?:reply|response|responder|message|text)", "autoreply", "automated", "out of (?:the )?office",
    "ooo", "away message", "vacation (?:reply|responder)",
  )}[\\])]?\\s*[:\\]-]`,
);
// Systems and carriers answering for a number ("Free Msg: Unable to send message - Message Blocking is active").
const SYSTEM_NOTICE = new RegExp(
  `^free msg:|\\b${anyOf(
    "this (?:message|text|reply) (?:was|is|has been) (?:sent|generated) automatically",
    "this is an? (?:automated|automatic|auto[- ]?generated|auto) (?:message|reply|response|text)",
    "this (?:number|inbox|line|mailbox|phone number) (?:is not|isnt) (?:monitored|able to receive)",
    "(?:please )?do not reply to this (?:message|number|text)",
    "this number (?:does not|doesnt|cannot|cant|can not|is unable to) (?:accept|receive) (?:texts?|sms|text messages|messages)",
    "messages? (?:sent )?to this number (?:are|is) not (?:monitored|read)",
    "message blocking is (?:active|enabled|on)",
    "unable to send (?:your )?message",
  )}\\b`,
);
// Another business's auto-responder: "Thanks for texting Joe's Pizza! We'll respond shortly."
const BUSINESS_AUTO_RESPONDER = new RegExp(
  `^(?:(?:hi|hello|hey)[,!.]? )?(?:thanks|thank you)(?: so much)? for ${anyOf("your (?:message|text|inquiry)", "texting", "contacting", "reaching out", "messaging")}\\b` +
    `(?! (?:me|back))[\\s\\S]*\\b(?:will|ill|well|shall) (?:\\w+ ){0,4}` +
    anyOf("get back to you", "respond", "reply", "be in touch", "contact you", "be with you", "follow up", "answer"),
);
const AWAY = anyOf(
  "out of (?:the )?office", "ooo", "away from (?:the|my) (?:office|desk)",
  "on (?:vacation|holiday|leave|pto|annual leave|parental leave|maternity leave|paternity leave)",
);
const OUT_OF_OFFICE = new RegExp(`^(?:(?:hi|hello)[,!]? )?(?:(?:i am|im) (?:currently )?)?${AWAY}\\b`);
const OUT_OF_OFFICE_PROMISE = new RegExp(
  `\\b${anyOf(
    "(?:will|ill) (?:respond|reply|get back|return your|be back|answer|have limited|be checking)", "limited access", "upon my return",
    "when i return", "for urgent", "if (?:this is|its) urgent", "back (?:on|in the office)", "returning on",
  )}\\b`,
);
// "Out of office until Monday" is always a status; "on vacation until the 20th, hold my package" may be a request.
const OFFICE_UNTIL = /^(?:(?:hi|hello)[,!]? )?(?:(?:i am|im) (?:currently )?)?(?:out of (?:the )?office|ooo)\b.*\b(?:until|till|through|back)\b/;

/** Why the text is an automatic reply, or null when a person wrote it. */
export function detectAutoReply(text: string): string | null {
  // Emoji decorate canned replies ("I'm driving 🚗") without changing what they say.
  const phrase = toPhraseForm(text)
    .replace(/[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200D\uFE0F]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (SELF_LABELLED.test(phrase)) return "labelled as an automatic reply";
  if (isStatement(phrase, SYSTEM_NOTICE)) return "automated notice from a system or carrier";
  if (isStatement(phrase, BUSINESS_AUTO_RESPONDER)) return "another business's auto-responder";
  const isOutOfOffice = (OUT_OF_OFFICE.test(phrase) && OUT_OF_OFFICE_PROMISE.test(phrase)) || OFFICE_UNTIL.test(phrase);
  if (isOutOfOffice && !phrase.endsWith("?")) return "out-of-office reply";
  return isCannedReply(phrase) ? "canned driving or busy reply" : null;
}

/** The pattern matches and is not asked ("Is this an automated message?", "…message? lol"). */
function isStatement(phrase: string, pattern: RegExp): boolean {
  const match = pattern.exec(phrase);
  return match !== null && phrase[match.index + match[0].length] !== "?" && !phrase.endsWith("?");
}
