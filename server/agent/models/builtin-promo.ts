/**
 * The built-in model's answer to a question about the campaign the shopper is replying to: only
 * what the campaign's own text says (its code, discount, end date, link), or null when the text
 * does not hold the answer (then a person answers). Never a code, a discount or a date of its own.
 */
import type { CampaignFacts } from "../tools";
import { fitSingleSegment } from "../../sms";
import { extractProductTerms } from "./builtin-intents";

type Facts = NonNullable<CampaignFacts["campaign"]>;

const asks = {
  code: /\b(code|coupon|promo code)\b/,
  date: /\b(end|ends|ending|over|expire\w*|valid|last|lasts|until|till|still (on|going|valid|good|active)|how long|deadline|when)\b/,
  link: /\b(link|url|website|site|where (do|can) i (shop|buy|find))\b/,
  discount: /\b(how much|what('?s| is) the (discount|deal|sale|offer)|percent|% ?off|\d+ ?%)\b/,
};
const PROMO_WORDS = new Set(["sale", "code", "codes", "coupon", "promo", "discount", "deal", "offer", "text", "apply", "applies", "include", "includes", "work", "works", "count", "cover", "valid", "off", "percent", "already", "again", "still"]);
const OPT_OUT = /\s*(reply|text) stop\b.*$/i;

/** What the text says, shortest first that fits one SMS, or null when it does not answer the question. */
export function promoAnswer(question: string, facts: Facts): string | null {
  const q = question.toLowerCase();
  const wanted = (Object.keys(asks) as (keyof typeof asks)[]).filter((k) => asks[k].test(q));
  // "does it apply to stuff already marked down?": the words the answer hinges on must be in the text.
  const body = facts.body.replace(OPT_OUT, "").trim();
  const isAskWord = (w: string) => Object.values(asks).some((re) => re.test(w));
  const subject = extractProductTerms(q).filter((w) => !PROMO_WORDS.has(w) && !isAskWord(w) && !/^\d+%?$/.test(w));
  const isCovered = subject.every((w) => body.toLowerCase().includes(w.replace(/s$/, "")));
  if (wanted.length === 0 && subject.length > 0 && !isCovered) return null;
  if (wanted.length === 0 && subject.length === 0) wanted.push("discount");
  if (!isCovered && !wanted.includes("code") && !wanted.includes("link")) return null;
  const has = { code: facts.codes.length > 0, date: facts.dates.length > 0, link: facts.links.length > 0, discount: facts.discounts.length > 0 };
  if (!wanted.every((k) => has[k])) return null;
  const lead = wanted.includes("code") ? `The code is ${facts.codes[0]}. ` : "";
  const parts = [
    facts.codes.length ? `code ${facts.codes[0]}` : "",
    facts.discounts[0] ?? "",
    facts.dates[0] ?? "",
  ].filter(Boolean);
  const candidates = [
    `${lead}From our text: ${body}`,
    `${lead}From our text: ${parts.join(", ")}${facts.links[0] ? ` ${facts.links[0]}` : ""}`,
    `${lead}From our text: ${parts.join(", ")}`,
  ];
  const fits = candidates.find((c) => !fitSingleSegment(c).truncated);
  return fits ?? fitSingleSegment(candidates[candidates.length - 1]!, { keepUrls: true }).text;
}
