/**
 * The built-in model's reading of a text in its conversation, before the keyword intents: every
 * signal in the whole text (and what came before it) is scored, and the strongest reading wins.
 *
 *  - complaint  the kind of problem (damaged, wrong item, missing parcel, refund, cancellation
 *               dispute, billing, legal, a promo code that fails): a person must handle it, and a
 *               product named inside a complaint ("the bottle came dented") is not shopping.
 *  - upset      anger: the sentiment lexicon's negative words (AFINN, via the sentiment package),
 *               capitals, repeated punctuation, exasperation ("nobody answers", "still not"), and
 *               sarcasm (praise that follows bad news: "great, another delay, thanks a lot").
 *  - promo      a question about an offer: answered from the campaign text when it holds the
 *               answer, else a person; never invented.
 *  - follow-up  "and when will it arrive?", "what about the other one?", "is it waterproof": the
 *               order or product the conversation was last about.
 *  - closing    "k thanks": the need is met.
 * A reading needs enough weight (THRESHOLD) to act; below it the keyword intents decide.
 */
import Sentiment from "sentiment";
import { complaintReasons } from "../tools/hand-off";
import type { ConversationContext } from "./builtin-context";
import { normalizeSlang } from "./builtin-intents";

export type ComplaintKind = (typeof complaintReasons)[number];

export type Understanding =
  | { type: "complaint"; kind: ComplaintKind; score: number }
  | { type: "upset"; score: number; signals: string[] }
  | { type: "promo"; problem: boolean; score: number }
  | { type: "followup_order"; other: boolean; score: number }
  | { type: "followup_product"; score: number }
  | { type: "closing"; score: number };

const THRESHOLD = 3;
const sentiment = new Sentiment();

type Signal = { re: RegExp; weight: number };

/** Per kind: phrases and their weight. A kind needs THRESHOLD in total. */
const complaintSignals: Record<ComplaintKind, Signal[]> = {
  damaged_item: [
    { re: /\b(dented|crushed|smashed|shattered|cracked|snapped|broken|broke|bent|torn|tear|ripped|rip|damaged?|leak(s|ing|y)?|stained|scratched|soaking|soaked|moldy?|dirty)\b/, weight: 2 },
    { re: /\b(came|arrived|showed up|received|got (it|them|mine|my \w+)|delivered|in the (box|mail)|out of the box|box was|packaging|on first (use|wear)|first time)\b/, weight: 2 },
    { re: /\b(doesn'?t|does not|won'?t|wont|doesnt|not) (close|zip|work|turn on|fit together|stay)\b/, weight: 1 },
  ],
  wrong_item: [
    { re: /\bwrong (item|thing|product|size|colou?r|one|order|package|box|shoes?|boots?)\b/, weight: 4 },
    { re: /\b(isn'?t|is not|isnt|not) what (i|we) (ordered|bought|paid for)\b/, weight: 4 },
    { re: /\b(someone|somebody) else'?s\b|\bnot (my|our) (stuff|order|package|items?)\b/, weight: 4 },
    { re: /\bordered (a |an |the |some )?[\w -]{1,30}?,? (but |and )?(got|received|you sent|they sent|came with)\b|\b(sent|got|received) (me )?(a|an|the)\b.*\b(i|we) ordered\b/, weight: 3 },
    { re: /\binstead\b/, weight: 1 },
  ],
  missing_parcel: [
    { re: /\b(says|shows|marked|showing|listed as|tracking says) (as )?delivered\b/, weight: 2 },
    { re: /\bnever (got|received)\b/, weight: 2 },
    { re: /\bnever (came|arrived|showed( up)?|turned up|shows)\b/, weight: 3 },
    { re: /\b(nothing|not|isn'?t|nowhere) (at|on|by) (my|the) (door|porch|mailbox|house)\b|\bnot here\b|\bno package\b/, weight: 3 },
    { re: /\b(lost|stolen|missing|disappeared)\b/, weight: 2 },
    { re: /\b(it'?s|its|it was|it got|package (is|was|got)|parcel (is|was|got)|order (is|was|got)) (lost|stolen|missing)\b|\b(lost|stolen|missing) (package|parcel|order|box|delivery)\b/, weight: 2 },
    { re: /\bonly (got|received|came with)\b|\bwhere (are|is) the \w+\b.*\bsame order\b/, weight: 3 },
    { re: /\b(is |was |'s |are |were )?missing (the|my|an?|one|some|two|\d)\b|\b(box|package|parcel) (was|is|came) empty\b|\bempty (box|package|parcel)\b/, weight: 3 },
    { re: /\b(neighbou?r|porch|mailroom|front desk)\b/, weight: 1 },
  ],
  refund: [
    { re: /\b(refund|refunded|money back|reimburse\w*)\b/, weight: 1 },
    { re: /\b(where('?s| is)|still|yet|never|no|haven'?t|havent|hasn'?t|owe|waiting|weeks?|days ago|sent (it|them|the \w+) back|returned (it|them|the \w+))\b/, weight: 2 },
  ],
  cancellation_dispute: [
    { re: /\b(didn'?t|didnt|did not|never) (cancel|ask)\w*\b/, weight: 4 },
    { re: /\bcancel+ed\b.*\b(for no reason|without|why)\b|\bwhy (did|was|is|would) .*cancel/, weight: 4 },
    { re: /\b(got|been|was) cancel+ed\b/, weight: 2 },
    { re: /\b(need|needed) (that|it|this|the \w+)\b|\bfix (this|it)\b/, weight: 1 },
  ],
  billing: [
    { re: /\b(charged|billed|overcharged|double[- ]?charged|charge on my (card|statement)|took (the|my) money|paid (full price|twice|too much)|don'?t recognize|unauthori[sz]ed|fraud\w*|chargeback)\b/, weight: 3 },
    { re: /\b(discount|code|coupon|promo)\b.*\b(wasn'?t|was not|wasnt|didn'?t|not) (applied|apply|work)\b/, weight: 3 },
    { re: /\b(twice|two times|double|cancel+ed|never ordered)\b/, weight: 1 },
  ],
  legal: [{ re: /\b(lawyer|attorney|legal action|sue|suing|small claims|bbb|better business bureau|report you)\b/, weight: 4 }],
  promo_problem: [
    { re: /\b(code|coupon|promo|discount)\b/, weight: 2 },
    { re: /\b(isn'?t|is not|isnt|not|doesn'?t|does not|doesnt|won'?t|wont|didn'?t|didnt) (work|working|valid|apply|applying|accepted|going through)\b|\b(invalid|rejected|declined|error)\b/, weight: 2 },
  ],
};

/** A code as campaigns write them (SAVE20, WELCOME-10), in the shopper's own capitals. */
const LOOKS_LIKE_CODE = /\b[A-Z]{3,}-?\d{1,3}\b/;

function complaintOf(t: string, raw: string, context: ConversationContext): { kind: ComplaintKind; score: number } | null {
  let best: { kind: ComplaintKind; score: number } | null = null;
  for (const kind of complaintReasons) {
    let score = complaintSignals[kind].reduce((n, s) => n + (s.re.test(t) ? s.weight : 0), 0);
    // Context: the agent just said the order was delivered / cancelled, and the shopper objects.
    if (kind === "missing_parcel" && /\bdelivered\b/i.test(context.lastReply) && /\b(never|didn'?t|not|no)\b/.test(t)) score += 2;
    if (kind === "cancellation_dispute" && /\bcancel+ed\b/i.test(context.lastReply) && /\b(didn'?t|didnt|never|not|why)\b/.test(t)) score += 2;
    if (kind === "promo_problem" && !/\b(code|coupon|promo|discount)\b/.test(t) && LOOKS_LIKE_CODE.test(raw)) score += 2;
    if (score >= THRESHOLD && (!best || score > best.score)) best = { kind, score };
  }
  return best;
}

const EXASPERATION =
  /\b(seriously|unbelievable|ridiculous|unacceptable|joke|nobody (answers|responds|replies|helps)|no one (answers|responds|replies|helps)|waiting forever|(asked|texted|called|emailed) (\d+|two|three|several|many|multiple) times|fix (this|it) now|still not|still no|another delay|so much for|worst|terrible|awful|scam|fed up|sick of|wtf|ffs)\b/;
const PRAISE = /\b(great|awesome|perfect|lovely|brilliant|fantastic|wonderful|amazing|nice|cool|wow|thanks a lot|thanks for nothing|good job)\b/;
const LETDOWN = /\b(another|again|still|won'?t|wont|not|never|so my|guess|delay\w*|late|wait\w*|cancel+ed)\b/;

/** Anger, scored: lexicon valence, capitals, repeated punctuation, exasperation, sarcasm after bad news. */
export function upsetScore(text: string, context: ConversationContext): { score: number; signals: string[] } {
  const signals: string[] = [];
  let score = 0;
  const analysis = sentiment.analyze(text);
  const negative = analysis.calculation.reduce((n, c) => n + Math.min(0, Object.values(c)[0] ?? 0), 0);
  if (negative <= -3) (score += 2), signals.push("negative words");
  else if (negative < 0) (score += 1), signals.push("negative word");
  const letters = text.replace(/[^A-Za-z]/g, "");
  if (letters.length >= 10 && letters.replace(/[^A-Z]/g, "").length / letters.length >= 0.7) (score += 1), signals.push("capitals");
  if (/[?!]{2,}/.test(text)) (score += 1), signals.push("repeated punctuation");
  const t = text.toLowerCase();
  if (EXASPERATION.test(t)) (score += 2), signals.push("exasperation");
  // Praise right after bad news, with a letdown or no thanks for anything: sarcasm.
  const thanked = /\b(thanks?|thank you|ty|thx)\b/.test(t);
  if (context.badNews !== "none" && PRAISE.test(t) && (LETDOWN.test(t) || (context.badNews === "strong" && !thanked))) {
    score += 3;
    signals.push("sarcasm after bad news");
  }
  return { score, signals };
}

const PROMO = /\b(codes?|coupons?|promo|promos|discount|discounts|sale|deal|deals|offer|% ?off|\d+ ?%|percent off|marked down|your text|the text)\b/;
const PROMO_PROBLEM = complaintSignals.promo_problem[1]!.re;
const OTHER = /\b(the )?other (one|order|package|parcel)\b|\b(what|how) about the other\b|\bthe (first|second|older|newer|earlier) (one|order)\b/;
const ORDER_FOLLOWUP = /\b(arriv\w*|come|coming|get here|here|close|ship\w*|deliver\w*|track\w*|update|eta|status|where is it|where are they)\b/;
const PRODUCT_FOLLOWUP = /\b(is|does|do|are|can|will|how|what|which)\b.*\b(it|they|them|that|this|those|these|one)\b|\bhow (much|heavy|big|warm|long)\b|\b(price|cost|weigh\w*|heavy|waterproof|warm|colou?rs?|sizes?|fit|material|made of)\b/;
const REFERENCE = /\b(it|they|them|that|this|those|these|one|and|also|what about|how about)\b/;
const CLOSING = /^(k|kk|kay|ok|okay|okie|ok cool|cool|great|perfect|sounds good|got it|alright|all good|nice)?[ ,.!]*(thanks?|thank you|thx|ty|tysm|cheers)?[ ,.!]*(that'?s all( i needed)?|thats all( i needed)?|bye|have a good (one|day))?[ ,.!]*$/;

/** The strongest reading of the text in its conversation, or null when only the keyword intents can tell. */
export function understandText(raw: string, context: ConversationContext, opts: { hasCampaign: boolean }): Understanding | null {
  const t = normalizeSlang(raw.trim()).toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const readings: Understanding[] = [];
  const complaint = complaintOf(t, raw, context);
  if (complaint) {
    // A code problem is only about the campaign's code when the shopper mentions one.
    readings.push({ type: "complaint", ...complaint, score: complaint.score + 1 });
  }
  const upset = upsetScore(raw, context);
  if (upset.score >= THRESHOLD) readings.push({ type: "upset", ...upset });
  // With a campaign just received, "does it stack with…" / "is this for everything?" is about the offer.
  const isAboutCampaign = opts.hasCampaign && !context.lastSubject && /\b(it|this|that|the deal|the offer)\b/.test(t) && (/\?$/.test(t) || /^(does|do|is|are|can|will)\b/.test(t));
  if (PROMO.test(t) || isAboutCampaign) readings.push({ type: "promo", problem: PROMO_PROBLEM.test(t) && opts.hasCampaign, score: 3 });
  const hasOrderNumber = /#\s?\d{3,}|\border\s*(number\s*)?\d{3,}/.test(t);
  if (!hasOrderNumber && (context.discussedOrders.length > 0 || context.knownOrders.length > 0)) {
    if (OTHER.test(t)) readings.push({ type: "followup_order", other: true, score: 4 });
    else if (context.lastSubject === "order" && ORDER_FOLLOWUP.test(t) && t.split(/\s+/).length <= 10) readings.push({ type: "followup_order", other: false, score: 3 });
  }
  if (context.lastProduct && context.lastSubject === "product" && PRODUCT_FOLLOWUP.test(t) && REFERENCE.test(t) && t.split(/\s+/).length <= 10) {
    readings.push({ type: "followup_product", score: 3 });
  }
  // "k thanks", or any short thanks that is all praise ("fantastic, thank you"): the need is met.
  const isWarmThanks = /\b(thanks?|thank you|thx|ty|tysm|cheers|appreciate it)\b/.test(t) && !t.includes("?") && !/\bbut\b/.test(t) && t.split(/\s+/).length <= 8;
  if (context.lastReply && t.length > 0 && (CLOSING.test(t) || isWarmThanks)) readings.push({ type: "closing", score: upset.score >= 1 ? 0 : 3 });
  const order: Understanding["type"][] = ["complaint", "upset", "promo", "followup_order", "followup_product", "closing"];
  readings.sort((a, b) => b.score - a.score || order.indexOf(a.type) - order.indexOf(b.type));
  const [best] = readings;
  return best && best.score >= THRESHOLD ? best : null;
}
