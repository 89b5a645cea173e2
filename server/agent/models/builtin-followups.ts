/**
 * Helpers of the built-in model that read the conversation: the summary a teammate gets with a
 * hand-off, the answer to a question about the product just recommended, and "ship to X?" turned
 * into the help-center question that answers it.
 */
import type { ProductRecommendations } from "../tools";
import { fitSingleSegment } from "../../sms";
import type { ConversationContext, DiscussedProduct } from "./builtin-context";
import { extractOrderNumber, extractProductTerms } from "./builtin-intents";
import { formatPrice } from "./builtin-replies";
import { productWordsMatched } from "../tools/match-product-words";

const kindWords: Record<string, string> = {
  damaged_item: "Damaged item",
  wrong_item: "Wrong item sent",
  missing_parcel: "Missing parcel",
  refund: "Refund not received",
  cancellation_dispute: "Disputes a cancellation",
  billing: "Billing problem",
  legal: "Legal matter",
  promo_problem: "Promo code problem",
};

/** One line a teammate can act on: what is wrong, which order, the shopper's own words. At most 300 characters. */
export function handoffSummary(kind: string, text: string, context: ConversationContext): string {
  const number = extractOrderNumber(text) ?? context.discussedOrders.at(-1) ?? null;
  const known = context.knownOrders.find((o) => o.number === number) ?? (context.knownOrders.length === 1 ? context.knownOrders[0] : undefined);
  const order = known
    ? `order #${known.number} (${known.status}${known.itemTitles.length ? `: ${known.itemTitles.join(", ")}` : ""})`
    : number
      ? `order #${number}`
      : "order not given yet";
  const head = `${kindWords[kind] ?? kind}; ${order}. Shopper wrote: "`;
  const words = text.replace(/\s+/g, " ").trim();
  return `${head}${words.slice(0, Math.max(20, 298 - head.length))}"`.slice(0, 300);
}

const PRICE_QUESTION = /\b(how much|price|cost|costs|expensive|cheap)\b/i;
const STOCK_QUESTION = /\b(in stock|available|sold out|have it|got it)\b/i;

const firstThatFits = (candidates: string[]) =>
  candidates.find((c) => !fitSingleSegment(c).truncated) ?? fitSingleSegment(candidates[candidates.length - 1]!, { keepUrls: true }).text;

/**
 * "is it waterproof", "how much is it", "is it in stock" about the product just recommended:
 * answered from the catalogue (its title, tags, price, stock); what the catalogue doesn't hold is
 * not guessed: the product's page is offered instead.
 */
export function productFollowupReply(question: string, discussed: DiscussedProduct, result: ProductRecommendations): string {
  const found = [...result.products, ...result.soldOut];
  const product = found.find((p) => p.title === discussed.title) ?? found[0];
  if (!product) return `Sorry, I can't find the ${discussed.title} in our store right now. Reply AGENT for a teammate.`;
  const price = formatPrice(product.priceCents, product.currency);
  const it = `the ${product.title} (${price})`;
  if (PRICE_QUESTION.test(question)) return firstThatFits([`The ${product.title} is ${price}: ${product.url}`, `The ${product.title} is ${price}.`]);
  if (STOCK_QUESTION.test(question)) {
    return product.isInStock ? firstThatFits([`Yes, ${it} is in stock: ${product.url}`]) : `Sorry, the ${product.title} is out of stock right now.`;
  }
  const attributes = extractProductTerms(question);
  const confirmed = attributes.filter((w) => productWordsMatched(product, w).length > 0 && !product.title.toLowerCase().includes(w));
  if (attributes.length > 0 && confirmed.length === attributes.length) {
    return firstThatFits([`Yes, ${it} is ${confirmed.join(" and ")}: ${product.url}`, `Yes, the ${product.title} is ${confirmed.join(" and ")}.`]);
  }
  return firstThatFits([
    `I don't have that detail for ${it} here; its page has the full specs: ${product.url} Or reply AGENT.`,
    `Its page has the full specs: ${product.url}`,
  ]);
}

const US_PLACE =
  /\b(us|usa|u\.s\.?a?\.?|united states|america|states|stateside|alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|puerto rico|dc|nyc|la|chicago|portland|seattle|denver|austin|boston|apo|fpo)\b/i;
const DESTINATION = /\b(?:ship|shipping|deliver|delivery|send|mail)\b(?:\s+\w+){0,3}?\s+(?:to|in|into)\s+(?:the\s+)?([a-z][a-z .'-]{1,40}?)(?:\s+(?:possible|please|pls|too|as well))?\s*[?.!]*$/i;

/**
 * "can i ship to mexico" → the help-center question about shipping outside the US, so the
 * answer is the international article's yes or no rather than US shipping times. Null when the
 * text names no destination or a US one.
 */
export function destinationQuestion(text: string): string | null {
  const m = text.trim().match(DESTINATION);
  const place = m?.[1]?.trim();
  if (!place || US_PLACE.test(place) || /\b(me|my|home|house|address|door|you|it|them|store|order)\b/i.test(place)) return null;
  return `international shipping outside the US to ${place}`.slice(0, 500);
}
