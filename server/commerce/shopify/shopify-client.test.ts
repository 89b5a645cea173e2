import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startShopifyLoopback, type ShopifyLoopback } from "../../testing/shopify-loopback";
import { CommerceError, shopifyClient, shopifyGraphqlUrl } from "./shopify-client";

describe("shopifyGraphqlUrl", () => {
  it("uses Shopify's HTTPS host for a bare shop domain and an http(s) value as the origin", () => {
    expect(shopifyGraphqlUrl("juniper.myshopify.com")).toBe("https://juniper.myshopify.com/admin/api/2026-10/graphql.json");
    expect(shopifyGraphqlUrl(" juniper.myshopify.com/ ")).toBe("https://juniper.myshopify.com/admin/api/2026-10/graphql.json");
    expect(shopifyGraphqlUrl("http://127.0.0.1:4010/")).toBe("http://127.0.0.1:4010/admin/api/2026-10/graphql.json");
    expect(shopifyGraphqlUrl("juniper.myshopify.com", "2026-07")).toBe("https://juniper.myshopify.com/admin/api/2026-07/graphql.json");
  });

  it("refuses a value that is not a shop domain", () => {
    expect(() => shopifyGraphqlUrl("juniper.myshopify.com/admin")).toThrow(CommerceError);
    expect(() => shopifyGraphqlUrl("")).toThrow(/not a Shopify shop domain/);
  });
});

describe("shopifyClient against the loopback", () => {
  let shop: ShopifyLoopback;
  beforeAll(async () => {
    shop = await startShopifyLoopback({ shopName: "Juniper" });
  });
  afterAll(() => shop.close());
  beforeEach(() => shop.reset());
  const client = () => shopifyClient({ domain: shop.url, accessToken: shop.accessToken, retryDelayMs: 10 });

  it("posts the query and variables with the access token and returns data", async () => {
    const data = await client().query<{ shop: { name: string } }>("query Shop($x: Int) { shop { name } }", { x: 1 });
    expect(data).toEqual({ shop: { name: "Juniper" } });
    expect(shop.requests[0]).toMatchObject({ accessToken: shop.accessToken, operationName: null, variables: { x: 1 }, rootFields: ["shop"] });
  });

  it("turns a GraphQL error into a CommerceError that is not retried", async () => {
    const error = await client().query("{ orders(first: 1) { nodes { nope } } }").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommerceError);
    expect(error).toMatchObject({ reason: "graphql", retryable: false });
    expect((error as Error).message).toContain("Field 'nope' doesn't exist on type 'Order'");
    expect(shop.requests).toHaveLength(1);
  });

  it("refuses a query over Shopify's single-query cost limit, without a retry", async () => {
    const error = await client().query("{ orders(first: 250) { nodes { name } } }").catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "graphql", retryable: false });
    expect((error as Error).message).toContain("Query cost is 1002, which exceeds the single query max cost limit (1000).");
    expect(shop.requests).toHaveLength(1);
  });

  it("answers like Shopify for search filters: documented ones filter, unknown ones are ignored with a warning", async () => {
    const filtered = await startShopifyLoopback({
      orders: [
        { name: "#1", createdAt: "2026-11-01T00:00:00Z", phone: "+15555550101", total: { amount: "1.00", currencyCode: "USD" }, lineItems: [] },
        { name: "#2", createdAt: "2026-11-02T00:00:00Z", email: "b@example.com", total: { amount: "1.00", currencyCode: "USD" }, lineItems: [] },
      ],
    });
    try {
      const c = shopifyClient({ domain: filtered.url, accessToken: filtered.accessToken });
      const customers = await c.query<{ customers: { nodes: { id: string; defaultPhoneNumber: { phoneNumber: string } | null }[] } }>(
        `{ customers(first: 5, query: "phone:+15555550101") { nodes { id defaultPhoneNumber { phoneNumber } } } }`,
      );
      expect(customers.customers.nodes).toEqual([{ id: "gid://shopify/Customer/7000000", defaultPhoneNumber: { phoneNumber: "+15555550101" } }]);
      const byCustomer = await c.query<{ orders: { nodes: { name: string }[] } }>(`{ orders(first: 5, query: "customer_id:7000000") { nodes { name } } }`);
      expect(byCustomer.orders.nodes).toEqual([{ name: "#1" }]);
      // Not an orders filter: ignored, every order comes back.
      const byPhone = await c.query<{ orders: { nodes: { name: string }[] } }>(`{ orders(first: 5, query: "phone:+15555550101") { nodes { name } } }`);
      expect(byPhone.orders.nodes).toEqual([{ name: "#1" }, { name: "#2" }]);
      // Not a customers filter either.
      const wrong = await c.query<{ customers: { nodes: unknown[] } }>(`{ customers(first: 5, query: "customer_id:1") { nodes { id } } }`);
      expect(wrong.customers.nodes).toHaveLength(2);
    } finally {
      await filtered.close();
    }
  });

  it("reports an unreachable shop as a retryable network error", async () => {
    const closed = await startShopifyLoopback();
    await closed.close();
    const error = await shopifyClient({ domain: closed.url, accessToken: "x", retryDelayMs: 10 }).query("{ shop { name } }").catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "network", retryable: true });
    expect((error as Error).message).toContain("Could not reach Shopify");
  });
});
