import { toGsm7 } from "./to-gsm7";

/**
 * The same text in the forms the SMS rules compare. Phones send look-alikes for plain characters:
 * iOS turns ' and " into curly quotes ("smart punctuation"), keyboards offer fullwidth letters,
 * and copy-pasted text carries zero-width characters.
 */

/** NFKC (fullwidth → ASCII, … → ...), then curly quotes, dashes and odd spaces as plain ones. */
export function toPlainText(text: string): string {
  return toGsm7(text.normalize("NFKC"));
}

/** "CAFÉ" → "CAFE". Also drops emoji variation selectors and keycap marks, which are marks too. */
export function stripDiacritics(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * Lower case, no accents, no apostrophes ("Don’t" → "dont", "I'm" → "im"), one space between
 * words, line breaks kept as "\n" because they separate what was said.
 */
export function toPhraseForm(text: string): string {
  return stripDiacritics(toPlainText(text))
    .toLowerCase()
    .replace(/'/g, "")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n[\s]*/g, "\n")
    .trim();
}

/** Letters and digits only, as upper-case words separated by one space: " Opt-out! 🛑" → "OPT OUT". */
export function toWords(text: string): string {
  return stripDiacritics(toPlainText(text))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .toUpperCase();
}
