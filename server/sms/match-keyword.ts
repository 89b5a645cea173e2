import { stripDiacritics, toPlainText } from "./text-forms";

/**
 * The keyword (as given) that the text contains as a whole word or phrase, or null. Matching
 * ignores case, accents ("CAFÉ" = "cafe"), punctuation ("join!") and spacing ("style   me"),
 * and never looks inside a word ("JOIN" is not in "joined" or "rejoin"). When several match,
 * the one that starts first in the text wins, then the longer one ("STYLE ME" over "STYLE"),
 * then the one listed first.
 */
export function matchKeyword(text: string, keywords: readonly string[]): string | null {
  const words = ` ${toMatchForm(text)} `;
  let best: { keyword: string; start: number; length: number } | null = null;
  for (const keyword of keywords) {
    const form = toMatchForm(keyword);
    if (!form) continue;
    const start = words.indexOf(` ${form} `);
    if (start < 0) continue;
    const isBetter = !best || start < best.start || (start === best.start && form.length > best.length);
    if (isBetter) best = { keyword, start, length: form.length };
  }
  return best?.keyword ?? null;
}

/** Lower-case letters and digits, one space between words: "Café, s'il vous plaît!" → "cafe s il vous plait". */
export function toMatchForm(text: string): string {
  return stripDiacritics(toPlainText(text))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
