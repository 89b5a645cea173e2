import { orTsQuery, type Db, type Order } from "../db";
import type { CommerceConnector, OrderSummary, ProductSummary } from "./connector";

function summarize(order: Order & { profile?: { phone: string } | null }): OrderSummary {
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
    customerPhones: order.profile ? [order.profile.phone] : [],
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
        include: { profile: { select: { phone: true } } },
      });
      return orders.map(summarize);
    },
    async orderByNumber(orderNumber) {
      const number = orderNumber.replace(/^#/, "").trim();
      const order = await db.order.findUnique({ where: { brandId_number: { brandId, number } }, include: { profile: { select: { phone: true } } } });
      return order ? summarize(order) : null;
    },
    async searchProducts(query, limit = 3) {
      const tsQuery = orTsQuery(query);
      if (!tsQuery) return [];
      // Any of the shopper's words may match (OR); more matching words rank higher. In-stock first,
      // so a sold-out best match never hides what the shopper can buy today.
      const rows = await db.$queryRaw<Omit<ProductSummary, "isInStock">[]>`
        SELECT p.id, p.sku, p.title, p."priceCents", p.currency, p.url, p.inventory, p.tags
        FROM "Product" p
          CROSS JOIN to_tsquery('english', ${tsQuery}) AS q(query)
          CROSS JOIN LATERAL to_tsvector('english', p.title || ' ' || p.description || ' ' || array_to_string(p.tags, ' ')) AS d(doc)
        WHERE p."brandId" = ${brandId} AND d.doc @@ q.query
        ORDER BY (p.inventory > 0) DESC, ts_rank(d.doc, q.query) DESC, p."priceCents" ASC, p.id ASC
        LIMIT ${limit}`;
      return rows.map((p) => ({ ...p, isInStock: p.inventory > 0 }));
    },
  };
}
