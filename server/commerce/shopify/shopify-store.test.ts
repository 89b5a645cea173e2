import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startShopifyLoopback, type ShopifyLoopback, type ShopifyOrderFixture, type ShopifyProductFixture } from "../../testing/shopify-loopback";
import { adminRequestProblems, loadAdminSchema } from "./admin-schema/conformance";
import { shopifyApiVersion } from "./api-version";
import { CommerceError, shopifyClient } from "./shopify-client";
import { isSamePhone, productSearchTerms, shopifyStore } from "./shopify-store";

const shopper = "+15555550101";
const otherShopper = "+15555550199";
const usd = (amount: string) => ({ amount, currencyCode: "USD" });

const orders: ShopifyOrderFixture[] = [
  {
    name: "#1001",
    createdAt: "2026-11-18T15:00:00Z",
    phone: shopper,
    total: usd("128.50"),
    lineItems: [{ title: "Trail Jacket", quantity: 1 }, { title: "Wool Socks", quantity: 2 }],
    fulfillments: [
      {
        createdAt: "2026-11-19T10:00:00Z",
        displayStatus: "IN_TRANSIT",
        estimatedDeliveryAt: "2026-11-23T15:00:00Z",
        trackingInfo: [{ company: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" }],
      },
    ],
  },
  // Checked out with an email; the shopper's customer record holds the phone.
  {
    name: "#1002",
    createdAt: "2026-11-25T09:00:00Z",
    email: "sam@example.com",
    customer: { phone: shopper, email: "sam@example.com" },
    shippingPhone: "(555) 555-0101",
    total: usd("40.00"),
    lineItems: [{ title: "Beanie", quantity: 1 }],
  },
  {
    name: "#1003",
    createdAt: "2026-10-02T12:00:00Z",
    phone: shopper,
    total: usd("60.00"),
    lineItems: [{ title: "Gloves", quantity: 1 }],
    fulfillments: [
      {
        createdAt: "2026-10-03T12:00:00Z",
        displayStatus: "DELIVERED",
        deliveredAt: "2026-10-06T18:30:00Z",
        trackingInfo: [{ company: "USPS", number: "9400", url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400" }],
      },
    ],
  },
  { name: "#1004", createdAt: "2026-11-01T12:00:00Z", phone: shopper, cancelledAt: "2026-11-01T13:00:00Z", total: usd("15.00"), lineItems: [{ title: "Cap", quantity: 1 }] },
  { name: "#1005", createdAt: "2026-11-30T12:00:00Z", phone: otherShopper, total: usd("99.00"), lineItems: [{ title: "Boots", quantity: 1 }] },
];

const products: ShopifyProductFixture[] = [
  { title: "Blue Trail Hoodie", handle: "blue-trail-hoodie", totalInventory: 0, price: usd("59.00"), sku: "HOOD-BL" },
  { title: "Blue Camp Hoodie", handle: "blue-camp-hoodie", totalInventory: 12, price: usd("64.00"), sku: "HOOD-CB", onlineStoreUrl: "https://juniper.example/products/blue-camp-hoodie" },
  { title: "Blue Hoodie (draft)", handle: "blue-hoodie-draft", status: "DRAFT", totalInventory: 50, price: usd("70.00") },
  { title: "Blue Made-to-order Hoodie", handle: "mto-hoodie", totalInventory: 0, tracksInventory: false, price: usd("89.99") },
  { title: "Blue Enamel Mug", handle: "blue-enamel-mug", totalInventory: 3, price: usd("12.00"), tags: ["camping", "gift"] },
  { title: "Red Wool Scarf", handle: "red-wool-scarf", totalInventory: 3, price: usd("25.00") },
];

let shop: ShopifyLoopback;
const store = (overrides: { accessToken?: string; timeoutMs?: number } = {}) =>
  shopifyStore({ domain: shop.url, accessToken: overrides.accessToken ?? shop.accessToken, retryDelayMs: 10, timeoutMs: overrides.timeoutMs });

beforeAll(async () => {
  shop = await startShopifyLoopback({ orders, products });
});
afterAll(() => shop.close());
beforeEach(() => shop.reset());
// Every request the connector sent in a test is one the real Admin API takes as meant (schema, variables, search filters).
const adminSchema = loadAdminSchema(shopifyApiVersion());
afterEach(() => {
  for (const r of shop.requests.filter((r) => r.query.startsWith("query Parley"))) expect(adminRequestProblems(adminSchema, r.query, r.variables)).toEqual([]);
});

describe("shopifyStore orders", () => {
  it("finds an order by number, with or without #, with carrier, tracking and ETA", async () => {
    const order = await store().orderByNumber("1001");
    expect(order).toEqual({
      number: "1001",
      status: "shipped",
      placedAt: "2026-11-18T15:00:00.000Z",
      totalCents: 12850,
      currency: "USD",
      itemCount: 3,
      itemTitles: ["Trail Jacket", "Wool Socks"],
      carrier: "UPS",
      trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
      expectedDeliveryAt: "2026-11-23T15:00:00.000Z",
      deliveredAt: null,
      customerPhones: [shopper],
    });
    expect(await store().orderByNumber("#1001")).toMatchObject({ number: "1001", status: "shipped" });
    expect(shop.requests).toHaveLength(2);
    for (const req of shop.requests) {
      expect(req).toMatchObject({ method: "POST", path: "/admin/api/2026-10/graphql.json", apiVersion: "2026-10", authorized: true, rootFields: ["orders"], searchQueries: ["name:#1001"] });
      expect(req.status).toBe(200);
    }
  });

  it("answers null for an order the shop does not have, and never queries for text that is not an order number", async () => {
    expect(await store().orderByNumber("4242")).toBeNull();
    expect(shop.requests.map((r) => r.searchQueries)).toEqual([["name:#4242"]]);
    expect(await store().orderByNumber("1001 OR name:#1005")).toBeNull();
    expect(shop.requests).toHaveLength(1);
  });

  it("lists the shopper's orders by phone through their customer record, newest first", async () => {
    const found = await store().ordersByPhone(shopper);
    expect(found.map((o) => [o.number, o.status])).toEqual([
      ["1002", "processing"],
      ["1001", "shipped"],
      ["1004", "cancelled"],
      ["1003", "delivered"],
    ]);
    // Found through the customer: the shopper's number is on the order the agent is shown.
    expect(found[0]!.customerPhones).toEqual(["(555) 555-0101", shopper]);
    // `phone` is a customers filter; orders are then found by customer_id.
    expect(shop.requests.map((r) => [r.rootFields, r.searchQueries])).toEqual([
      [["customers"], [`phone:${shopper}`]],
      [["orders"], ["customer_id:7000000"]],
    ]);
    expect(shop.requests[1]!.variables).toMatchObject({ first: 10 });
    expect((await store().ordersByPhone(shopper, 2)).map((o) => o.number)).toEqual(["1002", "1001"]);
  });

  it("finds the shopper's order among 500 newer orders of other customers", async () => {
    const busy = Array.from({ length: 500 }, (_, i): ShopifyOrderFixture => ({
      name: `#${5000 + i}`,
      createdAt: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString(),
      phone: `+1555700${String(i).padStart(4, "0")}`,
      total: usd("10.00"),
      lineItems: [{ title: "Sticker", quantity: 1 }],
    }));
    const big = await startShopifyLoopback({ orders: [orders[0]!, ...busy] });
    try {
      const found = await shopifyStore({ domain: big.url, accessToken: big.accessToken }).ordersByPhone(shopper, 3);
      expect(found.map((o) => [o.number, o.status, o.carrier])).toEqual([["1001", "shipped", "UPS"]]);
    } finally {
      await big.close();
    }
  });

  it("at the loopback as at Shopify, phone: is not an orders filter: the search is ignored and the shop's newest orders come back", async () => {
    const data = await shopifyClient({ domain: shop.url, accessToken: shop.accessToken }).query<{ orders: { nodes: { name: string }[] } }>(
      `{ orders(first: 3, query: "phone:${shopper}", sortKey: CREATED_AT, reverse: true) { nodes { name } } }`,
    );
    expect(data.orders.nodes.map((o) => o.name)).toEqual(["#1005", "#1002", "#1001"]);
  });

  it("never reports another shopper's order, even when Shopify ignores the customer_id filter", async () => {
    const lax = await startShopifyLoopback({ orders, ignoredSearchFields: ["customer_id"] });
    try {
      const found = await shopifyStore({ domain: lax.url, accessToken: lax.accessToken }).ordersByPhone(shopper, 10);
      expect(found.map((o) => o.number).sort()).toEqual(["1001", "1002", "1003", "1004"]);
    } finally {
      await lax.close();
    }
  });

  it("finds nothing, with one query, for a phone no customer has", async () => {
    expect(await store().ordersByPhone("+15555550000")).toEqual([]);
    expect(shop.requests.map((r) => r.rootFields)).toEqual([["customers"]]);
  });

  it("maps cancelled and delivered orders; tracking shows only where it means something", async () => {
    expect(await store().orderByNumber("1004")).toMatchObject({ status: "cancelled", carrier: null, trackingUrl: null, deliveredAt: null });
    expect(await store().orderByNumber("1003")).toMatchObject({
      status: "delivered",
      carrier: "USPS",
      deliveredAt: "2026-10-06T18:30:00.000Z",
      expectedDeliveryAt: null,
    });
    expect(await store().orderByNumber("1002")).toMatchObject({ status: "processing", carrier: null, trackingUrl: null });
  });
});

describe("shopifyStore products", () => {
  it("searches active products by any of the shopper's words, in-stock first, best match first, with storefront URLs", async () => {
    const found = await store().searchProducts("do you have a blue hoodie?");
    expect(found.map((p) => [p.title, p.isInStock])).toEqual([
      ["Blue Camp Hoodie", true],
      ["Blue Made-to-order Hoodie", true],
      ["Blue Enamel Mug", true],
      ["Blue Trail Hoodie", false],
    ]);
    expect(found[0]).toEqual({
      id: expect.stringMatching(/^gid:\/\/shopify\/Product\/\d+$/),
      sku: "HOOD-CB",
      title: "Blue Camp Hoodie",
      priceCents: 6400,
      currency: "USD",
      url: "https://juniper.example/products/blue-camp-hoodie",
      inventory: 12,
      tags: [],
      isInStock: true,
    });
    expect(found[2]!.tags).toEqual(["camping", "gift"]);
    // Not on the online store: the shop's own /products/<handle> link.
    expect(found[3]!.url).toBe(`${shop.url}/products/blue-trail-hoodie`);
    expect(found[1]!.sku).toBe("mto-hoodie");
    expect(shop.requests[0]!.searchQueries).toEqual(["status:active AND (blue OR hoodie)"]);
  });

  it("keeps search syntax in the shopper's text from reaching Shopify", async () => {
    expect(productSearchTerms('status:draft OR -"mug"')).toEqual(["status", "draft", "mug"]);
    expect(await store().searchProducts("?!")).toEqual([]);
    expect(shop.requests).toHaveLength(0);
  });

  it("honours the limit after ranking", async () => {
    expect((await store().searchProducts("hoodie", 1)).map((p) => p.title)).toEqual(["Blue Camp Hoodie"]);
  });
});

describe("shopifyStore failures", () => {
  it("retries once when Shopify throttles (HTTP 429), then answers", async () => {
    shop.failNext("throttled-429");
    expect(await store().orderByNumber("1001")).toMatchObject({ number: "1001" });
    expect(shop.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("retries once on a THROTTLED error inside a 200, and on a 500", async () => {
    shop.failNext("throttled");
    expect(await store().orderByNumber("1001")).toMatchObject({ number: "1001" });
    shop.failNext("server-error");
    expect(await store().ordersByPhone(shopper)).toHaveLength(4);
    expect(shop.requests.map((r) => r.status)).toEqual([200, 200, 500, 200, 200]);
  });

  it("waits for Shopify's cost bucket to refill, then answers", async () => {
    Object.assign(shop.costBucket, { currentlyAvailable: 0, restoreRate: 1000 });
    expect(await store().orderByNumber("1001")).toMatchObject({ number: "1001" });
    expect(shop.requests.map((r) => r.status)).toEqual([200, 200]);
  });

  it("fails clearly, without a retry that could only be throttled again, when the bucket refills too slowly", async () => {
    Object.assign(shop.costBucket, { currentlyAvailable: 0, restoreRate: 1 });
    const error = await store().orderByNumber("1001").catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "throttled", retryable: true, retryAfterMs: 22_000 });
    expect((error as CommerceError).message).toMatch(/throttled the query: Throttled \(query cost 22, 0 available, restoring 1\/s\); enough restored in 22000 ms/);
    expect(shop.requests).toHaveLength(1);
  });

  it("reports a token without read_customers as a missing permission, not as no orders", async () => {
    shop.scopes = ["read_orders", "read_products"];
    const error = await store().ordersByPhone(shopper).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "forbidden", retryable: false });
    expect((error as CommerceError).message).toContain("Access denied for customers field. Required access: `read_customers` access scope.");
    expect((error as CommerceError).userMessage).toMatch(/read_customers/);
    // Orders by number need only read_orders.
    expect(await store().orderByNumber("1001")).toMatchObject({ number: "1001" });
  });

  it("gives up after one retry with a retryable CommerceError", async () => {
    shop.failNext("server-error", 2);
    const error = await store().orderByNumber("1001").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommerceError);
    expect(error).toMatchObject({ reason: "server_error", retryable: true, status: 500, code: "PROVIDER_ERROR" });
    expect(shop.requests).toHaveLength(2);
  });

  it("fails a rejected access token at once: not retryable, with a message that says what to do", async () => {
    const error = await store({ accessToken: "shpat_wrong" }).orderByNumber("1001").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommerceError);
    expect(error).toMatchObject({ reason: "unauthorized", retryable: false, status: 401 });
    expect((error as CommerceError).message).toMatch(/rejected the access token \(401\)/);
    expect((error as CommerceError).userMessage).toMatch(/Admin API access token in Settings/);
    expect(shop.requests).toHaveLength(1);
    expect(shop.requests[0]).toMatchObject({ accessToken: "shpat_wrong", authorized: false });
  });

  it("reports a frozen or closed shop without retrying", async () => {
    shop.failNext("unavailable");
    await expect(store().searchProducts("hoodie")).rejects.toMatchObject({ reason: "shop_unavailable", retryable: false, status: 402 });
    expect(shop.requests).toHaveLength(1);
  });

  it("stops waiting at its time budget", async () => {
    shop.failNext({ slow: 1_000 });
    await expect(store({ timeoutMs: 150 }).orderByNumber("1001")).rejects.toMatchObject({ reason: "timeout", retryable: true });
    expect(shop.requests).toHaveLength(1);
  });
});

describe("isSamePhone", () => {
  it("matches the same number in any format, never a different country's", () => {
    expect(isSamePhone("+15555550101", "+1 (555) 555-0101")).toBe(true);
    expect(isSamePhone("+15555550101", "555-555-0101")).toBe(true);
    expect(isSamePhone("+15555550101", "+445555550101")).toBe(false);
    expect(isSamePhone("+15555550101", "0101")).toBe(false);
    expect(isSamePhone("+15555550101", null)).toBe(false);
  });
});
