/**
 * Twilio-style "smart encoding": swap look-alike Unicode punctuation for its GSM-7 equivalent,
 * because a single curly quote forces the whole message into UCS-2 (70 instead of 160
 * characters per part). Characters without an equivalent (emoji, CJK, ê) are left alone.
 */

const REPLACEMENTS: Record<string, string> = {
  // Single quotes, apostrophes and primes
  "\u2018": "'", // ‘
  "\u2019": "'", // ’
  "\u201A": "'", // ‚
  "\u201B": "'", // ‛
  "\u2032": "'", // ′ prime
  "\u02BC": "'", // ʼ modifier apostrophe
  "\u00B4": "'", // ´ acute accent used as apostrophe
  "`": "'", // grave accent is not in GSM-7
  // Double quotes
  "\u201C": '"', // “
  "\u201D": '"', // ”
  "\u201E": '"', // „
  "\u201F": '"', // ‟
  "\u2033": '"', // ″ double prime
  "\u00AB": '"', // «
  "\u00BB": '"', // »
  // Hyphens and dashes
  "\u2010": "-", // hyphen
  "\u2011": "-", // non-breaking hyphen
  "\u2012": "-", // figure dash
  "\u2013": "-", // en dash
  "\u2014": "-", // em dash
  "\u2015": "-", // horizontal bar
  "\u2212": "-", // minus sign
  "\uFE58": "-", // small em dash
  "\uFE63": "-", // small hyphen-minus
  "\uFF0D": "-", // fullwidth hyphen-minus
  // List markers: a dash keeps the meaning of a bullet
  "\u2022": "-", // •
  "\u2043": "-", // ⁃ hyphen bullet
  "\u2026": "...", // … ellipsis
  // Spaces that render as a plain space
  "\t": " ",
  "\u00A0": " ", // no-break space
  "\u1680": " ",
  "\u2000": " ",
  "\u2001": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u2004": " ",
  "\u2005": " ",
  "\u2006": " ",
  "\u2007": " ",
  "\u2008": " ",
  "\u2009": " ",
  "\u200A": " ",
  "\u202F": " ", // narrow no-break space
  "\u205F": " ",
  "\u3000": " ", // ideographic space
  "\u2028": "\n", // line separator
  "\u2029": "\n", // paragraph separator
  // Invisible characters. The zero-width joiner (U+200D) is kept: emoji sequences need it.
  "\u200B": "", // zero-width space
  "\u200C": "", // zero-width non-joiner
  "\u2060": "", // word joiner
  "\uFEFF": "", // byte-order mark / zero-width no-break space
  "\u00AD": "", // soft hyphen
};

export function toGsm7(text: string): string {
  let result = "";
  for (const char of text) result += REPLACEMENTS[char] ?? char;
  return result;
}
