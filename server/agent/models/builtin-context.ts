/**
 * What the built-in model knows from the conversation before the shopper's latest text: the
 * orders and products it already talked about (from its earlier tool results, else from its own
 * words), the campaign replied to, and whether its last answer was bad news. A follow-up ("and
 * the other one?", "is it waterproof") is read against this.
 */
import type { LanguageModelV4Prompt } from "@ai-sdk/provider";
import type { OrderSummary, ProductSummary } from "../../commerce";

export type DiscussedProduct = Pick<ProductSummary, "title"> & Partial<Pick<ProductSummary, "url" | "priceCents" | "currency" | "tags">>;

export type ConversationContext = {
  /** The agent's reply just before the latest text ("" when none). */
  lastReply: string;
  /** Order numbers the conversation named or looked up, oldest first. */
  discussedOrders: string[];
  /** Orders earlier lookups returned (all of the shopper's that the agent saw). */
  knownOrders: OrderSummary[];
  /** The product last recommended or named, if any. */
  lastProduct: DiscussedProduct | null;
  /** What the conversation was last about: an order or a product. */
  lastSubject: "order" | "product" | null;
  /** How the agent's last answer disappointed: strong (cancelled, not found, out of stock, no answer) or mild (not shipped yet). */
  badNews: "none" | "mild" | "strong";
  /** Texts before the latest one, the shopper's and the agent's. */
  earlierTexts: string[];
};

const textOf = (m: LanguageModelV4Prompt[number]): string =>
  typeof m.content === "string" ? m.content : m.content.map((p) => (p.type === "text" ? p.text : "")).join("");

const ORDER_IN_TEXT = /\border\s*#?\s?(\d{3,10})\b|#(\d{3,10})\b/gi;
const PRODUCT_IN_REPLY = /\b(?:Try|the) (?:the )?([A-Z][\w'-]*(?: [A-Z0-9][\w'()-]*)*) \((\$[\d,.]+)\):? (https?:\/\/\S+)/;
const BAD_NEWS = /\b(cancel+ed|couldn'?t find|can'?t find|out of stock|not in our help center|didn'?t catch|won'?t ship)\b/i;
const MILD_BAD_NEWS = /\b(being packed|not shipped|should ship soon|delay(?:ed)?)\b/i;

function addOrder(into: string[], number: string) {
  const i = into.indexOf(number);
  if (i >= 0) into.splice(i, 1);
  into.push(number);
}

export function conversationContext(prompt: LanguageModelV4Prompt): ConversationContext {
  const lastUser = prompt.map((m) => m.role).lastIndexOf("user");
  const before = prompt.slice(0, Math.max(lastUser, 0));
  const ctx: ConversationContext = { lastReply: "", discussedOrders: [], knownOrders: [], lastProduct: null, lastSubject: null, badNews: "none", earlierTexts: [] };
  for (const m of before) {
    if (m.role === "tool") {
      for (const part of m.content) {
        if (part.type !== "tool-result" || !("value" in part.output)) continue;
        const value = part.output.value as Record<string, unknown> | null;
        if (part.toolName === "lookupOrder" && value && Array.isArray(value.orders)) {
          for (const o of value.orders as OrderSummary[]) if (!ctx.knownOrders.some((k) => k.number === o.number)) ctx.knownOrders.push(o);
        }
        if (part.toolName === "recommendProducts" && value && Array.isArray(value.products) && value.products[0]) {
          ctx.lastProduct = value.products[0] as ProductSummary;
          ctx.lastSubject = "product";
        }
      }
      continue;
    }
    if (m.role !== "user" && m.role !== "assistant") continue;
    const text = textOf(m);
    if (!text) continue;
    ctx.earlierTexts.push(text);
    const orders = Array.from(text.matchAll(ORDER_IN_TEXT), (x) => (x[1] ?? x[2])!);
    for (const n of orders) addOrder(ctx.discussedOrders, n);
    if (m.role === "assistant") {
      ctx.lastReply = text;
      const product = text.match(PRODUCT_IN_REPLY);
      if (product) {
        if (ctx.lastProduct?.title !== product[1]) ctx.lastProduct = { title: product[1]!, url: product[3]!.replace(/[.,]$/, "") };
        ctx.lastSubject = "product";
      } else if (orders.length > 0) ctx.lastSubject = "order";
    } else if (orders.length > 0) ctx.lastSubject = "order";
  }
  ctx.badNews = BAD_NEWS.test(ctx.lastReply) ? "strong" : MILD_BAD_NEWS.test(ctx.lastReply) ? "mild" : "none";
  return ctx;
}
