/** What the agent may know about a brand's store. One implementation per platform. */
export type OrderSummary = {
  number: string;
  status: "processing" | "shipped" | "delivered" | "cancelled";
  placedAt: string;
  totalCents: number;
  currency: string;
  itemCount: number;
  itemTitles: string[];
  carrier: string | null;
  trackingUrl: string | null;
  expectedDeliveryAt: string | null;
  deliveredAt: string | null;
  /** Phone numbers on the order (any form); the agent only shares an order with the shopper who placed it. */
  customerPhones: string[];
};

export type ProductSummary = {
  id: string;
  sku: string;
  title: string;
  priceCents: number;
  currency: string;
  url: string;
  inventory: number;
  isInStock: boolean;
  /** The store's own keywords for the product ("waterproof", "gift"), when the platform has them. */
  tags?: string[];
};

const digits = (s: string) => s.replace(/\D/g, "");

/**
 * Whether the shopper texting from `e164` placed this order: same digits, or the same national
 * number stored without a country code. An order with no phone on it cannot be checked.
 */
export function isOrderOfShopper(order: Pick<OrderSummary, "customerPhones">, e164: string): boolean | "unknown" {
  const phones = order.customerPhones.filter((p) => digits(p).length >= 7);
  if (!phones.length) return "unknown";
  const want = digits(e164);
  return phones.some((p) => {
    const have = digits(p).replace(/^00/, "");
    return have === want || (!p.trim().startsWith("+") && have.length >= 8 && want.endsWith(have));
  });
}

export interface CommerceConnector {
  readonly name: "builtin" | "shopify";
  /** Orders for the shopper's phone number, newest first. */
  ordersByPhone(phone: string, limit?: number): Promise<OrderSummary[]>;
  /** The order with this number (as shoppers write it, with or without "#"), or null. */
  orderByNumber(orderNumber: string): Promise<OrderSummary | null>;
  /** Products matching the shopper's words, in-stock first, best match first. */
  searchProducts(query: string, limit?: number): Promise<ProductSummary[]>;
}
