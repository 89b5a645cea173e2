/**
 * Reactions that reach an SMS number as text. iMessage sends tapbacks to non-iMessage phones as
 * 'Liked “…”' (iOS 18: 'Reacted 🔥 to “…”'), Google Messages as '👍 to “…”'; both quote the
 * message reacted to, which is often our own campaign text ("… Reply STOP to opt out").
 */

export interface Reaction {
  /** The text reacted to, when quoted. */
  quoted: string | null;
  /** Whatever the shopper wrote on the lines after the reaction ("" for a bare reaction). */
  rest: string;
}

const EMOJI = "\\p{Extended_Pictographic}(?:[\\p{Emoji_Modifier}\\uFE0F\\u200D]|\\p{Extended_Pictographic})*";
// "Emphasised" is the en-GB spelling; "Reacted with a sticker to" and "Removed a heart from" are iOS 17+.
const VERB = [
  "Liked", "Loved", "Disliked", "Laughed at", "Emphasi[sz]ed", "Questioned",
  `Reacted (?:with )?(?:${EMOJI}|an? [\\p{L} ]{1,20}?|[\\p{L}]{1,20}) to`,
  `Removed (?:an? )?(?:${EMOJI}|[\\p{L} ]{1,25}?)(?: reaction)? from`,
  `${EMOJI}(?: ${EMOJI})* to`,
].join("|");
const ATTACHMENT =
  "(?:an?|\\d+) (?:image|photo|picture|video|movie|audio message|voice message|attachment|sticker|gif|link|location|contact|file|document|message)s?";
// Double quotes only: an apostrophe ("Loved 'em") never opens a quotation.
const OPEN = "“\"«„";
const CLOSE = "”\"»";
const REACTION_ON_ATTACHMENT = new RegExp(`^(?:${VERB}) ${ATTACHMENT}[.!]?(?:\\s*\\n([\\s\\S]*))?$`, "iu");
const REACTION_ON_TEXT = new RegExp(`^(?:${VERB}) ([${OPEN}])`, "iu");

/** The reaction and any text after it, or null when the text is not a reaction. */
export function splitReaction(text: string): Reaction | null {
  const trimmed = text.trim();
  const onAttachment = REACTION_ON_ATTACHMENT.exec(trimmed);
  if (onAttachment) return { quoted: null, rest: (onAttachment[1] ?? "").trim() };

  const head = REACTION_ON_TEXT.exec(trimmed);
  if (!head) return null;
  const body = trimmed.slice(head[0].length);
  // No closing quote at all: the phone cut a long quoted text short.
  if (![...CLOSE].some((quote) => body.includes(quote))) return { quoted: body, rest: "" };
  const end = quoteEnd(body);
  // 'Loved "the jacket" is it waterproof?' quotes something inside a sentence: a real message.
  if (end === null) return null;
  return { quoted: body.slice(0, end), rest: body.slice(end + 1).trim() };
}

/**
 * Index of the quote that closes the reaction: one followed by the end of the text or by a new
 * line (what the shopper wrote after reacting). A quoted text may itself hold quotes and line
 * breaks, so a candidate whose remainder still needs a quote to close is not the end.
 */
function quoteEnd(body: string): number | null {
  for (let i = 0; i < body.length; i++) {
    if (!CLOSE.includes(body[i]!)) continue;
    const after = body.slice(i + 1);
    if (/^\s*$/.test(after)) return i;
    if (/^[^\S\n]*\n/.test(after) && !closesAQuote(after)) return i;
  }
  return null;
}

/** "more”" closes a quote opened before it; "I want “b”" and 'size "M"' do not. */
function closesAQuote(text: string): boolean {
  const trimmed = text.trimEnd();
  const last = trimmed.at(-1) ?? "";
  if (!CLOSE.includes(last)) return false;
  if (last === '"') return (trimmed.split('"').length - 1) % 2 === 1;
  const opens = (trimmed.match(/[“«„]/g) ?? []).length;
  const closes = (trimmed.match(/[”»]/g) ?? []).length;
  return closes > opens;
}
