import type { OrderSummary, ProductSummary } from "../../commerce";
import type { ProductRecommendations } from "../tools";
import type { KnowledgeAnswer } from "../../knowledge";
import { fitSingleSegment } from "../../sms";
import type { WorkflowGuidance } from "../workflow-guidance";
import type { CampaignContext } from "../run-agent-turn";
import { productWordsMatched, stemWord, stemsOf } from "../tools/match-product-words";

/**
 * Templated answers of the built-in model; each fits one GSM-7 segment with its link. Every
 * fact in them (order, product, price, policy) comes from a tool's output, never from here.
 */
export type ReplyContext = {
  brandName: string;
  timeZone: string;
  /** The SMS workflow guiding this turn, if any: the built-in model words its next action. */
  workflow?: WorkflowGuidance | null;
  /** The campaign text the shopper is replying to, if any. */
  campaign?: CampaignContext | null;
};

function day(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone }).format(new Date(iso));
}

export function orderStatusReply(order: OrderSummary, ctx: ReplyContext): string {
  const n = `Order #${order.number}`;
  switch (order.status) {
    case "processing":
      return order.expectedDeliveryAt
        ? `${n} is being packed and should ship soon; expected by ${day(order.expectedDeliveryAt, ctx.timeZone)}.`
        : `${n} is being packed and should ship soon. We'll text tracking once it's on its way.`;
    case "shipped": {
      const eta = order.expectedDeliveryAt ? `, arriving ${day(order.expectedDeliveryAt, ctx.timeZone)}` : "";
      const via = order.carrier ? ` with ${order.carrier}` : "";
      return order.trackingUrl ? `${n} shipped${via}${eta}. Track it: ${order.trackingUrl}` : `${n} shipped${via}${eta}.`;
    }
    case "delivered":
      return order.deliveredAt
        ? `${n} was delivered on ${day(order.deliveredAt, ctx.timeZone)}. Anything else I can help with?`
        : `${n} was delivered. Anything else I can help with?`;
    case "cancelled":
      return `${n} was cancelled, so it won't ship. Want a teammate to help you reorder? Just reply.`;
  }
}

export const replies = {
  greeting: (ctx: ReplyContext) =>
    `Hi! This is ${ctx.brandName}'s assistant. I can check an order, suggest products or answer store questions. How can I help?`,
  thanks: () => "You're welcome! Text us anytime.",
  declineInstructions: () => "I can't do that, but I'm happy to check an order, suggest products or answer store questions.",
  unknown: () => "Sorry, I didn't catch that. I can check an order (send your order #), suggest products, answer store questions or get a teammate.",
  orderNotFound: (orderNumber: string) =>
    `I couldn't find order #${orderNumber}. Could you double-check the number? Reply AGENT for a teammate.`,
  orderWithheld: (orderNumber: string) =>
    `For your privacy I can only share order #${orderNumber} with the phone number that placed it. Reply AGENT for a teammate.`,
  noOrdersForPhone: () => "I couldn't find an order for this number. What's your order number?",
  handedOff: () => "Thanks! I'm bringing in a teammate who will text you here shortly.",
  toolFailed: () => "Sorry, I can't reach our order system right now. A teammate will text you here shortly.",
  askWhatProduct: () => "Happy to help you shop! What are you looking for? Tell me the item or what it's for and I'll suggest something.",
  helpCenterNoAnswer: () => "I couldn't find that in our help center. Want a teammate? Reply AGENT.",
};

/** The reply after a hand-off: what went wrong acknowledged, and that a teammate will text. Each fits one GSM-7 segment. */
const handedOffByReason: Record<string, string> = {
  damaged_item: "I'm sorry it arrived damaged! A teammate will text you here shortly to make it right.",
  wrong_item: "Sorry we sent the wrong item! A teammate will text you here shortly to sort it out.",
  missing_parcel: "Sorry your package hasn't turned up. A teammate will text you here shortly to track it down.",
  refund: "Sorry for the wait on your refund. A teammate will text you here shortly with an update.",
  cancellation_dispute: "Sorry about the cancellation. A teammate will text you here shortly to look into it.",
  billing: "Sorry about the billing trouble. A teammate will text you here shortly to check the charge.",
  legal: "Understood. A teammate will text you here shortly.",
  promo_problem: "Sorry the code isn't working. A teammate will text you here shortly to help.",
  upset_shopper: "I'm sorry, I understand the frustration. A teammate will text you here shortly.",
};

/** With the order number the shopper gave, so they see which order a teammate will look at. */
export function handedOffReply(reason: string | undefined, orderNumber?: string | null): string {
  const reply = (reason && handedOffByReason[reason]) || replies.handedOff();
  const withOrder = orderNumber ? `About order #${orderNumber}: ${reply}` : reply;
  return fitsOneSegment(withOrder) ? withOrder : reply;
}

/** Whether a reply already offered a teammate ("Reply AGENT"), so a plain "yes" accepts it. */
export function offersTeammate(reply: string): boolean {
  return /\breply "?agent\b/i.test(reply);
}

/** The reply for a lookup result: one order, the latest of several, or nothing found. */
export function lookupReply(
  result: { lookedUpBy: "number" | "phone"; orderNumber: string | null; orders: OrderSummary[]; withheld?: boolean },
  ctx: ReplyContext,
): string {
  if (result.withheld) return replies.orderWithheld(result.orderNumber ?? "");
  const [latest] = result.orders;
  if (!latest) return result.orderNumber ? replies.orderNotFound(result.orderNumber) : replies.noOrdersForPhone();
  return orderStatusReply(latest, ctx);
}

function fitsOneSegment(text: string): boolean {
  return !fitSingleSegment(text).truncated;
}

/** "$129", "$29.50", "CA$45": whole amounts without cents, as people write prices in a text. */
// Building an Intl.NumberFormat costs far more than formatting with one: keep one per currency and precision.
const priceFormats = new Map<string, Intl.NumberFormat>();

export function formatPrice(cents: number, currency: string): string {
  const amount = cents / 100;
  const digits = Number.isInteger(amount) ? 0 : 2;
  try {
    const key = `${currency}:${digits}`;
    let format = priceFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
      priceFormats.set(key, format);
    }
    return format.format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency}`; // not an ISO currency code
  }
}

/** Shopper's words the product's tags confirm but its title does not say ("waterproof" for the Cascade Rain Jacket). */
function highlights(product: ProductSummary, query: string): string[] {
  const inTitle = stemsOf(product.title);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const confirmed = new Set(productWordsMatched(product, query));
  return words.filter((w) => confirmed.has(stemWord(w)) && !inTitle.has(stemWord(w))).slice(0, 2);
}

const item = (p: ProductSummary) => `${p.title} (${formatPrice(p.priceCents, p.currency)}): ${p.url}`;

/** The first candidate that fits one segment, else the last one shortened with its links kept. */
function firstThatFits(candidates: string[]): string {
  return candidates.find(fitsOneSegment) ?? fitSingleSegment(candidates[candidates.length - 1]!, { keepUrls: true }).text;
}

/**
 * The reply to a recommendProducts result. One product with what makes it fit and a link, or two
 * when the second answers the shopper's words as well as the first and both fit in one text;
 * a better-matching sold-out product is named as out of stock before the alternative; sold-out
 * matches alone are named as out of stock; nothing found is said plainly.
 */
export function recommendationReply(result: ProductRecommendations): string {
  const { query } = result;
  const [first, second] = result.products;
  if (!first) {
    const what = query.length > 0 && query.length <= 40 ? `"${query}"` : "that";
    // The budget was given as "$50" or "50 dollars" (see extractBudget), so it is said the same way.
    const budget = result.maxPrice !== null ? ` under $${Number.isInteger(result.maxPrice) ? result.maxPrice : result.maxPrice.toFixed(2)}` : "";
    return firstThatFits([
      `Sorry, I couldn't find ${what}${budget} in our store. Try other words, or reply AGENT for a teammate.`,
      `Sorry, I couldn't find that in our store. Try other words, or reply AGENT for a teammate.`,
    ]);
  }
  if (!first.isInStock) {
    const names = second && !second.isInStock ? `the ${first.title} and the ${second.title} are` : `the ${first.title} is`;
    return firstThatFits([
      `Sorry, ${names} out of stock right now. Reply AGENT if you'd like a teammate to help.`,
      `Sorry, ${names} out of stock right now.`,
      `Sorry, the ${first.title} is out of stock right now.`,
    ]);
  }
  const why = highlights(first, query);
  const single = [
    ...(why.length > 0 ? [`Try the ${item(first)} - ${why.join(" and ")} and in stock.`] : []),
    `Try the ${item(first)} - in stock now.`,
    `Try the ${item(first)}`,
  ];
  const [soldOut] = result.soldOut ?? [];
  if (soldOut) {
    return firstThatFits([
      `Sorry, the ${soldOut.title} is out of stock right now. You might like the ${item(first)}`,
      `Sorry, the ${soldOut.title} is out of stock right now. Reply AGENT if you'd like a teammate to help.`,
    ]);
  }
  const isAsGood = second?.isInStock && productWordsMatched(second, query).length >= productWordsMatched(first, query).length;
  if (second && isAsGood) {
    return firstThatFits([`Try the ${item(first)} or the ${item(second)} - both in stock.`, `Try the ${item(first)} or the ${item(second)}`, ...single]);
  }
  return firstThatFits(single);
}

/** The reply to an answerFaq result: the best article's ready answer, with its link when it fits. */
export function faqReply(result: { question: string; articles: KnowledgeAnswer[] }): string {
  const [best] = result.articles;
  if (!best) return replies.helpCenterNoAnswer();
  const answer = best.answer.trim();
  const withLink = best.url && !answer.includes(best.url) ? `${answer} ${best.url}` : answer;
  return firstThatFits([withLink, answer]);
}
