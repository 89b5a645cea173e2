import { findUrls, type UrlMatch } from "./find-urls";
import { segmentInfo } from "./segment-info";
import { toGsm7 } from "./to-gsm7";

export interface FitSingleSegmentOptions {
  /** Re-attach links that fall after the cut to the end of the shortened text, as many as fit whole. */
  keepUrls?: boolean;
}

export interface FitSingleSegmentResult {
  text: string;
  truncated: boolean;
}

type CutKind = "sentence" | "word" | "character";

// Preferred first: a whole sentence reads best, a hard cut inside a word only when nothing else fits.
const CUT_KINDS: CutKind[] = ["sentence", "word", "character"];
// No single part carries more than 160 characters (GSM-7), so longer prefixes never fit.
const MAX_SINGLE_SEGMENT_CHARS = 160;
// Tells the reader that a cut inside a sentence was deliberate.
const ELLIPSIS = "...";
// Left at the end of a shortened text, these read as a mistake.
const DANGLING = /[\s,;:\-–—(\[{/&+*=]/;
const SENTENCE_END = /[.!?]["')\]]*$/;

/**
 * Smart-encodes the text and, if it still needs more than one SMS part, shortens it to one.
 * The result always satisfies segmentInfo(result.text).segments === 1.
 */
export function fitSingleSegment(
  text: string,
  options: FitSingleSegmentOptions = {},
): FitSingleSegmentResult {
  const converted = toGsm7(text);
  if (fitsOneSegment(converted)) return { text: converted, truncated: false };

  const body = dropUrlsThatCannotFit(converted);
  if (fitsOneSegment(body)) return { text: body, truncated: true };

  const urls = findUrls(body);
  const keptUrls = options.keepUrls ? leadingUrlsThatFit(urls) : [];
  const maxEnd = utf16IndexAfter(body, MAX_SINGLE_SEGMENT_CHARS);

  for (const kind of CUT_KINDS) {
    for (const cut of cutPositions(body, kind, urls).reverse()) {
      const end = trimmedEnd(body, cut, urls);
      if (end === 0 || end > maxEnd) continue;
      const prefix = body.slice(0, end);
      const needsEllipsis =
        kind !== "sentence" && !SENTENCE_END.test(prefix) && !urls.some((url) => url.end === end);
      const tail = keptUrls.filter((url) => url.start >= cut).map((url) => url.url);
      const candidate = [needsEllipsis ? prefix + ELLIPSIS : prefix, ...tail].join(" ");
      if (fitsOneSegment(candidate)) return { text: candidate, truncated: true };
    }
  }
  return { text: keptUrls.map((url) => url.url).join(" "), truncated: true };
}

function fitsOneSegment(text: string): boolean {
  return segmentInfo(text).segments === 1;
}

/** Cut positions (UTF-16 indexes) of one kind, ascending; never inside a link. */
function cutPositions(body: string, kind: CutKind, urls: UrlMatch[]): number[] {
  const positions: number[] = [];
  if (kind === "sentence") {
    for (const match of body.matchAll(/[.!?]+["')\]]*(?=\s|$)/g)) {
      positions.push(match.index + match[0].length);
    }
    // A line break ends a thought as clearly as a full stop.
    for (const match of body.matchAll(/\n/g)) positions.push(match.index);
  } else if (kind === "word") {
    for (const match of body.matchAll(/\S(?=\s)/gu)) positions.push(match.index + match[0].length);
  } else {
    // Grapheme boundaries: a hard cut must not split an emoji sequence or an accent from its letter.
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    for (const { index, segment } of segmenter.segment(body)) positions.push(index + segment.length);
  }
  return [...new Set(positions)]
    .filter((position) => !urls.some((url) => url.start < position && position < url.end))
    .sort((a, b) => a - b);
}

/** Moves a cut back over trailing spaces and dangling punctuation, but never into a link. */
function trimmedEnd(body: string, cut: number, urls: UrlMatch[]): number {
  let end = cut;
  while (
    end > 0 &&
    DANGLING.test(body.charAt(end - 1)) &&
    !urls.some((url) => url.start < end && end <= url.end)
  ) {
    end -= 1;
  }
  return end;
}

/** A link is never cut: one too long for a part on its own is removed before shortening. */
function dropUrlsThatCannotFit(text: string): string {
  let result = text;
  for (const url of findUrls(text).reverse()) {
    if (fitsOneSegment(url.url)) continue;
    const before = result.slice(0, url.start).replace(/[ \t]+$/, "");
    const after = result.slice(url.end);
    result = before === "" ? after.replace(/^[ \t]+/, "") : before + after;
  }
  return result;
}

function leadingUrlsThatFit(urls: UrlMatch[]): UrlMatch[] {
  const kept: UrlMatch[] = [];
  for (const url of urls) {
    if (!fitsOneSegment([...kept, url].map((u) => u.url).join(" "))) break;
    kept.push(url);
  }
  return kept;
}

function utf16IndexAfter(text: string, codePoints: number): number {
  let index = 0;
  let count = 0;
  for (const char of text) {
    if (count === codePoints) break;
    index += char.length;
    count += 1;
  }
  return index;
}
