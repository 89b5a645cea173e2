import { toMatchForm } from "./match-keyword";

/**
 * The keyword (as given) that the text begins with, as whole words, or null: "Style me please!"
 * begins with STYLE ME, "stylish" doesn't begin with STYLE. Same forgiving comparison as
 * matchKeyword (case, accents, punctuation, spacing); the longest keyword wins.
 */
export function startsWithKeyword(text: string, keywords: readonly string[]): string | null {
  const words = `${toMatchForm(text)} `;
  let best: { keyword: string; length: number } | null = null;
  for (const keyword of keywords) {
    const form = toMatchForm(keyword);
    if (form && words.startsWith(`${form} `) && (!best || form.length > best.length)) best = { keyword, length: form.length };
  }
  return best?.keyword ?? null;
}
