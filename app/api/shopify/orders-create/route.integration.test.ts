import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventName } from "@/server/analytics";
import { getDb } from "@/server/db";
import { resetEnvForTests } from "@/server/env";
import { createBrand, createShopper } from "@/server/testing/fixtures";
import { POST } from "./route";

const secret = "shpss_test_webhook_secret";
const shop = "larch-outdoor.myshopify.com";
let brandId: string;
let otherBrandId: string;
let shopperId: string;

function order(overrides: Record<string, unknown> = {}) {
  return {
    id: 820982911946154500,
    name: "#5001",
    order_number: 5001,
    total_price: "129.50",
    currency: "USD",
    created_at: "2026-02-03T10:15:00-05:00",
    email: "someone-else@example.com",
    phone: null,
    customer: { email: "ada@example.com", phone: "(555) 520-0001" },
    line_items: [{ quantity: 2 }, { quantity: 1 }],
    ...overrides,
  };
}

function request(body: string, opts: { hmac?: string | null; shopDomain?: string; topic?: string } = {}) {
  const hmac = opts.hmac === undefined ? crypto.createHmac("sha256", secret).update(body, "utf8").digest("base64") : opts.hmac;
  const headers: Record<string, string> = { "content-type": "application/json", "x-shopify-shop-domain": opts.shopDomain ?? shop, "x-shopify-topic": opts.topic ?? "orders/create" };
  if (hmac !== null) headers["x-shopify-hmac-sha256"] = hmac;
  return new Request("http://localhost/api/shopify/orders-create", { method: "POST", headers, body });
}

const ordersOf = (brand: string) => getDb().event.findMany({ where: { brandId: brand, name: EventName.placedOrder } });

beforeAll(async () => {
  process.env.SHOPIFY_WEBHOOK_SECRET = secret;
  resetEnvForTests();
  const brand = await createBrand(getDb(), { name: "Larch" });
  brandId = brand.id;
  await getDb().brand.update({ where: { id: brandId }, data: { commercePlatform: "shopify", shopifyDomain: `https://${shop.toUpperCase()}/` } });
  shopperId = (await createShopper(getDb(), brandId, { phone: "+15555200001" })).id;
  // Another brand with the same phone number: the order belongs to the shop's brand only.
  const other = await createBrand(getDb(), { name: "Other" });
  otherBrandId = other.id;
  await getDb().brand.update({ where: { id: otherBrandId }, data: { shopifyDomain: "someone-else.myshopify.com" } });
  await createShopper(getDb(), otherBrandId, { phone: "+15555200001" });
});

afterAll(() => {
  delete process.env.SHOPIFY_WEBHOOK_SECRET;
  resetEnvForTests();
});

describe("POST /api/shopify/orders-create", () => {
  it("records a signed order once as a Placed Order event for the shop's brand, matched to the shopper by phone", async () => {
    const body = JSON.stringify(order());
    const first = await POST(request(body));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, recorded: true, orderNumber: "5001" });

    // Shopify retries (or sends twice): acknowledged, still one order.
    const replay = await POST(request(body));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ ok: true, recorded: false, orderNumber: "5001" });

    const events = await ordersOf(brandId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      profileId: shopperId,
      dedupeKey: "order:5001",
      occurredAt: new Date("2026-02-03T15:15:00Z"),
      properties: { orderNumber: "5001", value: 129.5, currency: "USD", itemCount: 3, source: "shopify", externalId: "820982911946154500" },
    });
    expect(await ordersOf(otherBrandId)).toHaveLength(0);
  });

  it("refuses a wrong or missing signature with 401 and stores nothing", async () => {
    const body = JSON.stringify(order({ order_number: 5002, name: "#5002" }));
    const forged = crypto.createHmac("sha256", "not-the-secret").update(body).digest("base64");
    expect((await POST(request(body, { hmac: forged }))).status).toBe(401);
    expect((await POST(request(body, { hmac: null }))).status).toBe(401);
    expect((await POST(request(body, { hmac: "not base64 at all" }))).status).toBe(401);
    // Signed, then changed on the way: the signature is over the exact bytes.
    const signed = crypto.createHmac("sha256", secret).update(body).digest("base64");
    expect((await POST(request(body.replace("129.50", "1.00"), { hmac: signed }))).status).toBe(401);
    expect((await ordersOf(brandId)).map((e) => e.dedupeKey)).toEqual(["order:5001"]);
  });

  it("matches by email when no phone matches, and records an order of an unknown shopper without a profile", async () => {
    await getDb().profile.update({ where: { id: shopperId }, data: { email: "Ada@Example.com" } });
    await POST(request(JSON.stringify(order({ order_number: 5003, customer: { email: "ada@example.com", phone: null } }))));
    await POST(request(JSON.stringify(order({ order_number: 5004, customer: null, email: "stranger@example.com" }))));
    const events = await ordersOf(brandId);
    expect(events.find((e) => e.dedupeKey === "order:5003")?.profileId).toBe(shopperId);
    expect(events.find((e) => e.dedupeKey === "order:5004")?.profileId).toBeNull();
  });

  it("answers 404 for a shop no brand is connected to, 400 for a signed body that isn't an order, and ignores other topics", async () => {
    const unknown = await POST(request(JSON.stringify(order({ order_number: 5005 })), { shopDomain: "nobody.myshopify.com" }));
    expect(unknown.status).toBe(404);
    expect((await POST(request("{not json"))).status).toBe(400);
    expect((await POST(request(JSON.stringify({ hello: "world" })))).status).toBe(400);
    const otherTopic = await POST(request(JSON.stringify(order({ order_number: 5006 })), { topic: "orders/updated" }));
    expect(otherTopic.status).toBe(200);
    const keys = (await ordersOf(brandId)).map((e) => e.dedupeKey);
    expect(keys).not.toContain("order:5005");
    expect(keys).not.toContain("order:5006");
  });

  it("refuses everything with 503 while SHOPIFY_WEBHOOK_SECRET is not set", async () => {
    delete process.env.SHOPIFY_WEBHOOK_SECRET;
    resetEnvForTests();
    try {
      const response = await POST(request(JSON.stringify(order({ order_number: 5007 }))));
      expect(response.status).toBe(503);
      expect((await ordersOf(brandId)).map((e) => e.dedupeKey)).not.toContain("order:5007");
    } finally {
      process.env.SHOPIFY_WEBHOOK_SECRET = secret;
      resetEnvForTests();
    }
  });
});
