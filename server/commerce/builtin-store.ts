import type { Db, Order } from "../db";
import type { CommerceConnector, OrderSummary } from "./connector";

function summarize(order: Order): OrderSummary {
  const items = Array.isArray(order.items) ? (order.items as { title?: string; quantity?: number }[]) : [];
  return {
    number: order.number,
    status: order.status,
    placedAt: order.placedAt.toISOString(),
    totalCents: order.totalCents,
    currency: order.currency,
    itemCount: items.reduce((n, i) => n + (i.quantity ?? 1), 0),
    itemTitles: items.map((i) => i.title ?? "item"),
    carrier: order.carrier,
    trackingUrl: order.trackingUrl,
    expectedDeliveryAt: order.expectedDeliveryAt?.toISOString() ?? null,
    deliveredAt: order.deliveredAt?.toISOString() ?? null,
  };
}

/** The built-in store: orders and products kept in Parley's own tables (the demo seeds them). */
export function builtinStore(db: Db, brandId: string): CommerceConnector {
  return {
    name: "builtin",
    async ordersByPhone(phone, limit = 5) {
      const orders = await db.order.findMany({
        where: { brandId, profile: { phone } },
        orderBy: { placedAt: "desc" },
        take: limit,
      });
      return orders.map(summarize);
    },
    async orderByNumber(orderNumber) {
      const number = orderNumber.replace(/^#/, "").trim();
      const order = await db.order.findUnique({ where: { brandId_number: { brandId, number } } });
      return order ? summarize(order) : null;
    },
    async searchProducts() {
      return []; // full-text search arrives with the product skill
    },
  };
}
