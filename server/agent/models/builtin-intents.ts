/**
 * The built-in model's understanding of a shopper's text: a few intents by rules, and the
 * order number if one is given. Deterministic and offline.
 */
export type BuiltinIntent = "human" | "order_status" | "thanks" | "greeting" | "unknown";

const humanRequest =
  /\b(human|real person|a person|someone|somebody|representative|rep|agent|operator|customer service|support team|speak (to|with)|talk (to|with)|call me)\b/i;
const orderWords =
  /\b(order|orders|package|parcel|shipment|shipping|shipped|tracking|track|deliver(y|ed)?|arriv(e|ing|al)|wismo|where('?s| is) my)\b/i;
const thanks = /^(thanks?|thank you|thx|ty|tysm|great|perfect|awesome|amazing|cool|ok(ay)?|got it|that'?s all|bye|goodbye|cheers|appreciate it)\b/i;
const greeting = /^(hi|hello|hey|heya|yo|hiya|good (morning|afternoon|evening))\b/i;

/** "#1001", "order 1001", "order number 1001": 3–10 digits that look like an order number. */
export function extractOrderNumber(text: string): string | null {
  const m = text.match(/#\s?(\d{3,10})\b/) ?? text.match(/\border(?:\s+(?:number|no\.?|num|#))?\s*:?\s*(\d{3,10})\b/i);
  return m ? m[1]! : null;
}

export function detectIntent(text: string): BuiltinIntent {
  const t = text.trim();
  if (humanRequest.test(t)) return "human";
  if (extractOrderNumber(t) || orderWords.test(t)) return "order_status";
  if (thanks.test(t)) return "thanks";
  if (greeting.test(t)) return "greeting";
  return "unknown";
}
