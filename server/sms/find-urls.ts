export interface UrlMatch {
  url: string;
  /** UTF-16 index of the first character. */
  start: number;
  /** UTF-16 index just past the last character. */
  end: number;
}

// Links as people write them in texts: with a scheme, or starting "www.".
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
// Punctuation right after a link ends the sentence; it is not part of the link.
const TRAILING_PUNCTUATION = /[.,!?;:'")\]}]+$/;

export function findUrls(text: string): UrlMatch[] {
  return Array.from(text.matchAll(URL_PATTERN), (match) => {
    const url = match[0].replace(TRAILING_PUNCTUATION, "");
    return { url, start: match.index, end: match.index + url.length };
  });
}
