/**
 * Full-text search input for PostgreSQL (PGlite too). Shopper text never reaches to_tsquery's
 * operator syntax: it is cut into plain letter/digit words, which are joined with "|" (OR).
 */

// A shopper's text rarely has more subjects; more words only dilute the ranking.
const MAX_TERMS = 8;

/**
 * The OR-query for `to_tsquery('english', …)` built from free text, or null when no usable word is
 * left. Words are letters and digits only (so "&", "!", ":", "'" and friends never reach the parser),
 * lowercased, at least two characters, de-duplicated, at most eight; `ignore` drops filler words.
 */
export function orTsQuery(text: string, ignore: ReadonlySet<string> = new Set()): string | null {
  const words = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    // "what's", "don't", "i'm": the contraction's tail is never a subject.
    .replace(/'(s|re|ve|ll|d|m|t)\b/g, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !ignore.has(w));
  const unique = [...new Set(words)].slice(0, MAX_TERMS);
  return unique.length > 0 ? unique.join(" | ") : null;
}
