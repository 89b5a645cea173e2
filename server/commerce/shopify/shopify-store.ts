/**
 * The Shopify connector: the brand's orders and products read live from Shopify's Admin GraphQL
 * API and mapped to the shapes the agent knows (OrderSummary, ProductSummary).
 * Needs read_orders and read_products; finding orders by phone also needs read_customers and
 * Shopify's protected customer data access (customers' and orders' phone fields).
 */
import type { CommerceConnector, OrderSummary, ProductSummary } from "../connector";
import { shopifyClient, type ShopifyClientOptions } from "./shopify-client";

type Money = { amount: string; currencyCode: string };
type ShopifyFulfillment = {
  createdAt: string | null;
  status: string | null;
  displayStatus: string | null;
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  trackingInfo: { company: string | null; number: string | null; url: string | null }[];
};
type ShopifyOrder = {
  name: string;
  createdAt: string;
  cancelledAt: string | null;
  displayFulfillmentStatus: string | null;
  totalPriceSet: { shopMoney: Money };
  lineItems: { nodes: { title: string; quantity: number }[] };
  fulfillments: ShopifyFulfillment[];
  phone?: string | null;
  shippingAddress?: { phone: string | null } | null;
  billingAddress?: { phone: string | null } | null;
  customer?: { id: string } | null;
};
type ShopifyCustomer = { id: string; defaultPhoneNumber: { phoneNumber: string | null } | null };
type ShopifyProduct = {
  id: string;
  title: string;
  handle: string;
  onlineStoreUrl: string | null;
  totalInventory: number | null;
  tracksInventory: boolean | null;
  tags: string[];
  priceRangeV2: { minVariantPrice: Money };
  variants: { nodes: { sku: string | null }[] };
};

const ORDER_FIELDS = `
      name
      createdAt
      cancelledAt
      displayFulfillmentStatus
      totalPriceSet { shopMoney { amount currencyCode } }
      lineItems(first: 20) { nodes { title quantity } }
      fulfillments(first: 10) {
        createdAt
        status
        displayStatus
        estimatedDeliveryAt
        deliveredAt
        trackingInfo(first: 1) { company number url }
      }`;

/** Customers sharing one phone number (a household, a duplicate record) whose orders are read. */
const MAX_CUSTOMERS = 3;
/** Orders read per customer: enough to find the one a shopper means, within one query's cost. */
const ORDERS_PER_CUSTOMER = 10;

export const ORDER_BY_NAME_QUERY = `query ParleyOrderByName($query: String!) {
  orders(first: 5, query: $query, sortKey: CREATED_AT, reverse: true) {
    nodes {${ORDER_FIELDS}
      phone
      shippingAddress { phone }
      billingAddress { phone }
    }
  }
}`;

/**
 * `orders` has no phone filter (Shopify ignores unknown filters and would return the shop's newest
 * orders), but `customers` does: the shopper's customer records first, then their orders.
 * https://shopify.dev/docs/api/admin-graphql/latest/queries/customers#argument-query-filter-phone
 */
export const CUSTOMERS_BY_PHONE_QUERY = `query ParleyCustomersByPhone($query: String!) {
  customers(first: ${MAX_CUSTOMERS}, query: $query) {
    nodes {
      id
      defaultPhoneNumber { phoneNumber }
    }
  }
}`;

/** The orders of those customers (`customer_id:1 OR customer_id:2`), newest first. */
export const ORDERS_OF_CUSTOMERS_QUERY = `query ParleyOrdersOfCustomers($first: Int!, $query: String!) {
  orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) {
    nodes {${ORDER_FIELDS}
      phone
      shippingAddress { phone }
      billingAddress { phone }
      customer { id }
    }
  }
}`;

export const PRODUCTS_QUERY = `query ParleyProducts($first: Int!, $query: String!) {
  products(first: $first, query: $query, sortKey: RELEVANCE) {
    nodes {
      id
      title
      handle
      onlineStoreUrl
      totalInventory
      tracksInventory
      tags
      priceRangeV2 { minVariantPrice { amount currencyCode } }
      variants(first: 1) { nodes { sku } }
    }
  }
}`;

/** Every GraphQL document the connector sends; the conformance test validates each against the Admin schema. */
export const SHOPIFY_DOCUMENTS = [CUSTOMERS_BY_PHONE_QUERY, ORDERS_OF_CUSTOMERS_QUERY, ORDER_BY_NAME_QUERY, PRODUCTS_QUERY];

/** Fulfillments that never left, or were voided, say nothing about where the parcel is. */
const inactiveFulfillmentStatuses = new Set(["CANCELLED", "ERROR", "FAILURE"]);
const inactiveDisplayStatuses = new Set(["CANCELED", "FAILURE", "LABEL_VOIDED"]);
/** PICKED_UP: a local-pickup order the shopper collected, as good as delivered. */
const deliveredDisplayStatuses = new Set(["DELIVERED", "PICKED_UP"]);

function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function toCents(amount: string): number {
  const n = Number(amount);
  return Number.isFinite(n) ? Math.round(n * 100) : 0;
}

function isActive(f: ShopifyFulfillment): boolean {
  return !inactiveFulfillmentStatuses.has(f.status ?? "") && !inactiveDisplayStatuses.has(f.displayStatus ?? "");
}

function isDelivered(f: ShopifyFulfillment): boolean {
  return f.deliveredAt != null || deliveredDisplayStatuses.has(f.displayStatus ?? "");
}

/** `customerPhone`: the phone of the customer record the order was found through, if any. */
export function summarizeShopifyOrder(order: ShopifyOrder, customerPhone?: string): OrderSummary {
  const items = order.lineItems?.nodes ?? [];
  const phones = [order.phone, order.shippingAddress?.phone, order.billingAddress?.phone, customerPhone].filter((p): p is string => Boolean(p));
  const base = {
    number: order.name.replace(/^#/, ""),
    customerPhones: [...new Set(phones)],
    placedAt: isoOrNull(order.createdAt) ?? order.createdAt,
    totalCents: toCents(order.totalPriceSet.shopMoney.amount),
    currency: order.totalPriceSet.shopMoney.currencyCode,
    itemCount: items.reduce((n, i) => n + (i.quantity ?? 1), 0),
    itemTitles: items.map((i) => i.title),
  };
  const none = { carrier: null, trackingUrl: null, expectedDeliveryAt: null, deliveredAt: null };
  if (order.cancelledAt) return { ...base, status: "cancelled", ...none };

  const active = (order.fulfillments ?? []).filter(isActive).sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
  const allDelivered =
    active.length > 0 && active.every(isDelivered) && order.displayFulfillmentStatus !== "PARTIALLY_FULFILLED";
  if (allDelivered) {
    const latest = active[0]!;
    const deliveredAt = active.map((f) => isoOrNull(f.deliveredAt)).filter((d): d is string => d !== null).sort().pop() ?? null;
    const tracking = latest.trackingInfo?.[0];
    return { ...base, status: "delivered", carrier: tracking?.company ?? null, trackingUrl: tracking?.url ?? null, expectedDeliveryAt: null, deliveredAt };
  }
  if (active.length > 0 || order.displayFulfillmentStatus === "FULFILLED") {
    // The parcel still on its way is the one the shopper is asking about.
    const moving = active.find((f) => !isDelivered(f)) ?? active[0];
    const tracking = moving?.trackingInfo?.[0];
    return {
      ...base,
      status: "shipped",
      carrier: tracking?.company ?? null,
      trackingUrl: tracking?.url ?? null,
      expectedDeliveryAt: isoOrNull(moving?.estimatedDeliveryAt),
      deliveredAt: null,
    };
  }
  return { ...base, status: "processing", ...none };
}

const digits = (s: string) => s.replace(/\D/g, "");

/**
 * The stored phone is the shopper's: same digits, or the same national number stored without a
 * country code ("(555) 010-1234" for +15550101234).
 */
export function isSamePhone(e164: string, stored: string | null | undefined): boolean {
  if (!stored) return false;
  const want = digits(e164);
  const have = digits(stored).replace(/^00/, "");
  if (!want || !have) return false;
  if (want === have) return true;
  return !stored.trim().startsWith("+") && have.length >= 8 && want.endsWith(have);
}

/** "gid://shopify/Customer/123" → "123", the id the `customer_id:` filter takes; null for anything else. */
function legacyId(gid: string | null | undefined): string | null {
  return /^gid:\/\/shopify\/\w+\/(\d+)$/.exec(gid ?? "")?.[1] ?? null;
}

function placedBy(order: ShopifyOrder, phone: string): boolean {
  return [order.phone, order.shippingAddress?.phone, order.billingAddress?.phone].some((p) => isSamePhone(phone, p));
}

const normalizeOrderName = (name: string) => name.trim().replace(/^#\s*/, "").toLowerCase();

/** Words shoppers add around what they want; searching for them too would match nothing. */
const stopWords = new Set(
  "a an and any are can do does for got have i in is it looking me my need not of on or please show some something the to want with you your".split(" "),
);

/** Plain words only: the shopper's text must not become Shopify search syntax (fields, OR, -negation). */
export function productSearchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !stopWords.has(w))
    .slice(0, 6);
}

export type ShopifyStoreOptions = ShopifyClientOptions;

export function shopifyStore(opts: ShopifyStoreOptions): CommerceConnector {
  const client = shopifyClient(opts);

  return {
    name: "shopify",

    async ordersByPhone(phone, limit = 5) {
      const e164 = `+${digits(phone)}`;
      if (e164.length < 8) return [];
      const found = await client.query<{ customers: { nodes: ShopifyCustomer[] } }>(CUSTOMERS_BY_PHONE_QUERY, { query: `phone:${e164}` });
      // Only customers whose number is the shopper's, and only ids that can go in a search string.
      const customerIds = found.customers.nodes
        .filter((c) => isSamePhone(e164, c.defaultPhoneNumber?.phoneNumber))
        .map((c) => legacyId(c.id))
        .filter((id): id is string => id !== null);
      if (!customerIds.length) return [];
      const data = await client.query<{ orders: { nodes: ShopifyOrder[] } }>(ORDERS_OF_CUSTOMERS_QUERY, {
        first: Math.min(customerIds.length * ORDERS_PER_CUSTOMER, 50),
        query: customerIds.map((id) => `customer_id:${id}`).join(" OR "),
      });
      // Were the filter ever ignored, Shopify would return the shop's newest orders: keep only the
      // orders of those customers (or placed with the shopper's phone) whatever the search did.
      const ours = new Set(customerIds);
      return data.orders.nodes
        .filter((o) => ours.has(legacyId(o.customer?.id) ?? "") || placedBy(o, e164))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit)
        .map((o) => summarizeShopifyOrder(o, e164));
    },

    async orderByNumber(orderNumber) {
      const wanted = normalizeOrderName(orderNumber);
      // Order names are "#1001" or a shop's own prefix and digits; anything else is not an order number.
      if (!/^[a-z0-9][a-z0-9._-]{0,39}$/.test(wanted)) return null;
      const name = /^\d+$/.test(wanted) ? `#${wanted}` : wanted;
      const data = await client.query<{ orders: { nodes: ShopifyOrder[] } }>(ORDER_BY_NAME_QUERY, { query: `name:${name}` });
      const order = data.orders.nodes.find((o) => normalizeOrderName(o.name) === wanted);
      return order ? summarizeShopifyOrder(order) : null;
    },

    async searchProducts(query, limit = 5) {
      const terms = productSearchTerms(query);
      if (terms.length === 0) return [];
      const data = await client.query<{ products: { nodes: ShopifyProduct[] } }>(PRODUCTS_QUERY, {
        // Fetch more than asked so in-stock matches can move up past sold-out ones.
        first: Math.min(Math.max(limit, 1) * 3, 50),
        // Like the built-in store: any of the words may match; Shopify's relevance puts products
        // matching more of them first.
        query: `status:active AND (${terms.join(" OR ")})`,
      });
      const products = data.products.nodes.map((p): ProductSummary => {
        const inventory = p.totalInventory ?? 0;
        return {
          id: p.id,
          sku: p.variants?.nodes?.[0]?.sku || p.handle,
          title: p.title,
          priceCents: toCents(p.priceRangeV2.minVariantPrice.amount),
          currency: p.priceRangeV2.minVariantPrice.currencyCode,
          url: p.onlineStoreUrl ?? `${client.origin}/products/${encodeURIComponent(p.handle)}`,
          inventory,
          tags: p.tags ?? [],
          // A product that doesn't track inventory (made to order, digital) is always available.
          isInStock: p.tracksInventory === false || inventory > 0,
        };
      });
      // Stable sort: Shopify's relevance order is kept within in-stock and sold-out.
      return products.sort((a, b) => Number(b.isInStock) - Number(a.isInStock)).slice(0, limit);
    },
  };
}
