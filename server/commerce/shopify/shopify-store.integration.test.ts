import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { startWorker } from "../../jobs";
import { simulateText } from "../../simulator";
import { createBrand, createShopper } from "../../testing/fixtures";
import { startShopifyLoopback, type ShopifyLoopback } from "../../testing/shopify-loopback";
import { CommerceError, commerceFor } from "..";
import { encryptSecret } from "../../channels/secret-box";

const trackingUrl = "https://www.ups.com/track?tracknum=1Z999AA10123456784";
let shop: ShopifyLoopback;
let brandId: string;

beforeAll(async () => {
  shop = await startShopifyLoopback({
    orders: [
      {
        name: "#1001",
        createdAt: "2026-11-18T15:00:00Z",
        total: { amount: "128.50", currencyCode: "USD" },
        lineItems: [{ title: "Trail Jacket", quantity: 1 }],
        fulfillments: [{ displayStatus: "IN_TRANSIT", trackingInfo: [{ company: "UPS", number: "1Z999AA10123456784", url: trackingUrl }] }],
      },
    ],
  });
  const brand = await createBrand(getDb());
  await getDb().brand.update({
    where: { id: brand.id },
    // Stored as credentials are stored: encrypted.
    data: { commercePlatform: "shopify", shopifyDomain: shop.url, shopifyAccessToken: encryptSecret(shop.accessToken) },
  });
  brandId = brand.id;
  await startWorker();
});
afterAll(() => shop.close());
beforeEach(() => shop.reset());

describe("a Shopify brand through the inbound pipeline", () => {
  it("answers WISMO with Shopify's status and tracking", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const result = await simulateText(getDb(), { brandId, from: shopper.phone, body: "where is order #1001" });
    expect(result.disposition).toBe("agent_replied");
    expect(result.replies).toHaveLength(1);
    const reply = result.replies[0]!.body;
    expect(reply).toContain("#1001");
    expect(reply).toContain("shipped with UPS");
    expect(reply).toContain(trackingUrl);
    expect(shop.requests.length).toBeGreaterThanOrEqual(1);
    expect(shop.requests.every((r) => r.accessToken === shop.accessToken && r.authorized)).toBe(true);
    expect(shop.requests.flatMap((r) => r.searchQueries)).toContain("name:#1001");
  });

  it("answers WISMO by the shopper's phone when 500 newer orders of other customers come first", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const before = shop.orders;
    const theirs = { ...before[0]!, name: "#1042", phone: shopper.phone };
    const others = Array.from({ length: 500 }, (_, i) => ({
      ...before[0]!,
      name: `#${5000 + i}`,
      createdAt: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString(),
      phone: `+1555700${String(i).padStart(4, "0")}`,
      fulfillments: [],
    }));
    shop.orders = [theirs, ...others];
    try {
      const result = await simulateText(getDb(), { brandId, from: shopper.phone, body: "where is my order?" });
      expect(result.disposition).toBe("agent_replied");
      const reply = result.replies[0]!.body;
      expect(reply).toContain("#1042");
      expect(reply).toContain(trackingUrl);
      expect(shop.requests.flatMap((r) => r.searchQueries)).toEqual([`phone:${shopper.phone}`, expect.stringMatching(/^customer_id:\d+$/)]);
    } finally {
      shop.orders = before;
    }
  });

  it("hands off, naming the missing scope, when the token cannot read customers", async () => {
    const shopper = await createShopper(getDb(), brandId);
    shop.scopes = ["read_orders", "read_products"];
    const result = await simulateText(getDb(), { brandId, from: shopper.phone, body: "where is my order?" });
    const turn = await getDb().agentTurn.findFirstOrThrow({ where: { brandId, conversationId: result.conversationId! } });
    expect(turn).toMatchObject({ outcome: "handoff", handoffReason: "tool_failure" });
    expect(turn.tools).toContainEqual(expect.objectContaining({ name: "lookupOrder", error: expect.stringMatching(/Required access: `read_customers` access scope/) }));
  });

  it("hands off instead of guessing when Shopify rejects the token", async () => {
    const shopper = await createShopper(getDb(), brandId);
    shop.failNext("unauthorized");
    const result = await simulateText(getDb(), { brandId, from: shopper.phone, body: "where is order #1001" });
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]!.body).not.toContain(trackingUrl);
    const turn = await getDb().agentTurn.findFirstOrThrow({ where: { brandId, conversationId: result.conversationId! } });
    expect(turn).toMatchObject({ outcome: "handoff", handoffReason: "tool_failure" });
    // The reason stays on the turn's tool trace for whoever picks up the handoff.
    expect(turn.tools).toContainEqual(expect.objectContaining({ name: "lookupOrder", error: expect.stringMatching(/CommerceError: .*rejected the access token \(401\)/) }));
    expect(shop.requests).toHaveLength(1);
  });
});

describe("commerceFor", () => {
  const brand = { id: "b1", commercePlatform: "shopify", shopifyDomain: "juniper.myshopify.com", shopifyAccessToken: "shpat_x" };

  it("picks the connector from the brand's platform", () => {
    expect(commerceFor(getDb(), { ...brand, commercePlatform: "builtin" }).name).toBe("builtin");
    expect(commerceFor(getDb(), brand).name).toBe("shopify");
  });

  it("refuses a Shopify brand without a domain or token, naming what is missing", () => {
    expect(() => commerceFor(getDb(), { ...brand, shopifyAccessToken: " " })).toThrow(CommerceError);
    expect(() => commerceFor(getDb(), { ...brand, shopifyDomain: null, shopifyAccessToken: null })).toThrow(
      "Brand b1 uses Shopify but has no shopifyDomain and shopifyAccessToken",
    );
    expect(() => commerceFor(getDb(), { ...brand, commercePlatform: "magento" })).toThrow(/unknown commerce platform "magento"/);
  });

  it("refuses a token it cannot decrypt (another server's key, or altered), without showing it", () => {
    const other = encryptSecret("shpat_secret", Buffer.alloc(32, 7));
    expect(() => commerceFor(getDb(), { ...brand, shopifyAccessToken: other })).toThrow(/cannot be decrypted/);
  });
});
