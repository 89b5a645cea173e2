import type { OrderSummary } from "../../commerce";

/** Templated answers of the built-in model; each fits one GSM-7 segment with a tracking link. */
export type ReplyContext = { brandName: string; timeZone: string };

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
    `Hi! This is ${ctx.brandName}'s assistant. I can check on an order or get you a teammate. How can I help?`,
  thanks: () => "You're welcome! Text us anytime.",
  unknown: () => "Sorry, I didn't catch that. I can check an order's status (send your order #) or get a teammate.",
  orderNotFound: (orderNumber: string) =>
    `I couldn't find order #${orderNumber}. Could you double-check the number? Reply "agent" for a teammate.`,
  noOrdersForPhone: () => "I couldn't find an order for this number. What's your order number?",
  handedOff: () => "Thanks! I'm bringing in a teammate who will text you here shortly.",
  toolFailed: () => "Sorry, I can't reach our order system right now. A teammate will text you here shortly.",
};

/** The reply for a lookup result: one order, the latest of several, or nothing found. */
export function lookupReply(
  result: { lookedUpBy: "number" | "phone"; orderNumber: string | null; orders: OrderSummary[] },
  ctx: ReplyContext,
): string {
  const [latest] = result.orders;
  if (!latest) return result.orderNumber ? replies.orderNotFound(result.orderNumber) : replies.noOrdersForPhone();
  return orderStatusReply(latest, ctx);
}
