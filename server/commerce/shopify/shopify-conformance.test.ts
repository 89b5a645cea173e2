/**
 * Conformance: every request the Shopify connector sends is one Shopify's Admin GraphQL API of the
 * configured version (SHOPIFY_API_VERSION) takes as meant — the document validates against the
 * published schema (committed, trimmed: admin-schema/admin-<version>.graphql), the variables fit
 * their types, and each search filter is one Shopify documents for that connection. The loopback
 * accepts less than Shopify, but this is what keeps the connector honest against the real thing.
 */
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startShopifyLoopback, type ShopifyLoopback } from "../../testing/shopify-loopback";
import { adminRequestProblems, documentedFilters, loadAdminSchema, searchFilterNames } from "./admin-schema/conformance";
import { shopifyApiVersion } from "./api-version";
import { SHOPIFY_DOCUMENTS, shopifyStore } from "./shopify-store";

const version = shopifyApiVersion();
const schema = loadAdminSchema(version);
const shopper = "+15555550101";
const usd = (amount: string) => ({ amount, currencyCode: "USD" });

describe(`Shopify Admin API ${version} conformance`, () => {
  let shop: ShopifyLoopback;
  beforeAll(async () => {
    shop = await startShopifyLoopback({
      orders: [
        { name: "#1001", createdAt: "2026-11-18T15:00:00Z", phone: shopper, total: usd("10.00"), lineItems: [{ title: "Jacket", quantity: 1 }] },
        { name: "#1002", createdAt: "2026-11-19T15:00:00Z", phone: "+15555550199", total: usd("10.00"), lineItems: [{ title: "Cap", quantity: 1 }] },
      ],
      products: [{ title: "Blue Hoodie", handle: "blue-hoodie", totalInventory: 2, price: usd("59.00") }],
    });
  });
  afterAll(() => shop.close());

  it("reads the documented search filters of each connection from the schema", () => {
    // https://shopify.dev/docs/api/admin-graphql/latest/queries/orders#argument-query
    const orders = documentedFilters(schema, "QueryRoot", "orders");
    for (const f of ["default", "name", "email", "customer_id", "created_at", "updated_at", "financial_status", "fulfillment_status", "status"]) expect(orders).toContain(f);
    expect(orders).not.toContain("phone");
    // https://shopify.dev/docs/api/admin-graphql/latest/queries/customers#argument-query
    const customers = documentedFilters(schema, "QueryRoot", "customers");
    for (const f of ["email", "phone", "id"]) expect(customers).toContain(f);
    expect(customers).not.toContain("customer_id");
    // https://shopify.dev/docs/api/admin-graphql/latest/queries/products#argument-query
    const products = documentedFilters(schema, "QueryRoot", "products");
    for (const f of ["title", "status", "sku", "tag"]) expect(products).toContain(f);
    expect(searchFilterNames(`status:active AND (blue OR -tag:x) email:"a:b" created_at:'2020-10-21T23:39:20Z'`)).toEqual(["status", "tag", "email", "created_at"]);
  });

  it("every document the connector can send validates against the schema", () => {
    for (const doc of SHOPIFY_DOCUMENTS) expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });

  it("every request the connector sent to the loopback conforms: document, variables and search filters", async () => {
    const store = shopifyStore({ domain: shop.url, accessToken: shop.accessToken });
    await store.ordersByPhone(shopper, 3);
    await store.orderByNumber("#1001");
    await store.searchProducts("blue hoodie please");
    expect(shop.requests.map((r) => r.operationName ?? r.query.match(/query (\w+)/)?.[1])).toEqual([
      "ParleyCustomersByPhone",
      "ParleyOrdersOfCustomers",
      "ParleyOrderByName",
      "ParleyProducts",
    ]);
    for (const r of shop.requests) {
      expect(r.apiVersion).toBe(version);
      expect({ query: r.query, problems: adminRequestProblems(schema, r.query, r.variables) }).toEqual({ query: r.query, problems: [] });
    }
  });

  // The checks must be able to fail: these are the mistakes they exist for.
  it("rejects a field the schema does not have, a wrong variable type, and a filter the connection does not document", () => {
    expect(adminRequestProblems(schema, `{ orders(first: 1) { nodes { name trackingNumber } } }`)).toEqual(['Cannot query field "trackingNumber" on type "Order".']);
    expect(adminRequestProblems(schema, `query Q($first: Int!) { orders(first: $first) { nodes { name } } }`, { first: "ten" })).toEqual([
      'Variable "$first" has invalid value: Int cannot represent non-integer value: "ten"',
    ]);
    // The lookup this replaced: `phone` is a customers filter, not an orders one.
    const oldPhoneLookup = `query ParleyOrdersByPhone($first: Int!, $query: String!) {
      orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) { nodes { name phone } }
    }`;
    expect(adminRequestProblems(schema, oldPhoneLookup, { first: 3, query: `phone:${shopper}` })).toEqual([
      `"phone:" is not a search filter of QueryRoot.orders (search "phone:${shopper}"); Shopify ignores it`,
    ]);
    expect(adminRequestProblems(schema, `{ customers(first: 1, query: "customer_id:1") { nodes { id } } }`)).toEqual([
      `"customer_id:" is not a search filter of QueryRoot.customers (search "customer_id:1"); Shopify ignores it`,
    ]);
  });
});
