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

export interface CommerceConnector {
  readonly name: "builtin" | "shopify";
  /** Orders for the shopper's phone number, newest first. */
  ordersByPhone(phone: string, limit?: number): Promise<OrderSummary[]>;
  /** The order with this number (as shoppers write it, with or without "#"), or null. */
  orderByNumber(orderNumber: string): Promise<OrderSummary | null>;
  /** Products matching the shopper's words, in-stock first, best match first. */
  searchProducts(query: string, limit?: number): Promise<ProductSummary[]>;
}
