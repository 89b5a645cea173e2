import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { EventName } from "@/server/analytics";
import { getDb } from "@/server/db";
import { encryptSecret } from "@/server/channels/secret-box";
import { createBrand, createShopper } from "@/server/testing/fixtures";
import { POST } from "./route";

const secret = "shpss_test_webhook_secret";
const otherSecret = "shpss_other_brands_secret";
const shop = "larch-outdoor.myshopify.com";
const otherShop = "someone-else.myshopify.com";
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

function request(body: string, opts: { hmac?: string | null; shopDomain?: string; topic?: string; signedWith?: string } = {}) {
  const hmac = opts.hmac === undefined ? crypto.createHmac("sha256", opts.signedWith ?? secret).update(body, "utf8").digest("base64") : opts.hmac;
  const headers: Record<string, string> = { "content-type": "application/json", "x-shopify-shop-domain": opts.shopDomain ?? shop, "x-shopify-topic": opts.topic ?? "orders/create" };
  if (hmac !== null) headers["x-shopify-hmac-sha256"] = hmac;
  return new Request("http://localhost/api/shopify/orders-create", { method: "POST", headers, body });
}

const ordersOf = (brand: string) => getDb().event.findMany({ where: { brandId: brand, name: EventName.placedOrder } });

beforeAll(async () => {
  const brand = await createBrand(getDb(), { name: "Larch" });
  brandId = brand.id;
  await getDb().brand.update({
    where: { id: brandId },
    data: { commercePlatform: "shopify", shopifyDomain: `https://${shop.toUpperCase()}/`, shopifyWebhookSecret: encryptSecret(secret) },
  });
  shopperId = (await createShopper(getDb(), brandId, { phone: "+15555200001" })).id;
  // Another brand with its own shop and secret, and the same phone number: an order belongs to the brand whose secret signed it.
  const other = await createBrand(getDb(), { name: "Other" });
  otherBrandId = other.id;
  await getDb().brand.update({ where: { id: otherBrandId }, data: { shopifyDomain: otherShop, shopifyWebhookSecret: encryptSecret(otherSecret) } });
  await createShopper(getDb(), otherBrandId, { phone: "+15555200001" });
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

  it("credits an order to the brand whose secret signed it, whatever shop the unsigned header names", async () => {
    // Signed with Larch's secret, the header naming the other brand's shop: Larch's order, never the other's.
    const crossed = await POST(request(JSON.stringify(order({ order_number: 5101, name: "#5101" })), { shopDomain: otherShop }));
    expect(crossed.status).toBe(200);
    // Signed with the other brand's secret, naming Larch's shop: the other brand's order.
    const theirs = await POST(request(JSON.stringify(order({ order_number: 5102, name: "#5102" })), { shopDomain: shop, signedWith: otherSecret }));
    expect(theirs.status).toBe(200);
    // No header at all: the signature alone decides.
    await POST(request(JSON.stringify(order({ order_number: 5103, name: "#5103" })), { shopDomain: "" }));
    const larch = (await ordersOf(brandId)).map((e) => e.dedupeKey);
    const other = (await ordersOf(otherBrandId)).map((e) => e.dedupeKey);
    expect(larch).toEqual(expect.arrayContaining(["order:5101", "order:5103"]));
    expect(larch).not.toContain("order:5102");
    expect(other).toEqual(["order:5102"]);
  });

  it("answers 400 for a signed body that isn't an order, and ignores other topics", async () => {
    expect((await POST(request("{not json"))).status).toBe(400);
    expect((await POST(request(JSON.stringify({ hello: "world" })))).status).toBe(400);
    const otherTopic = await POST(request(JSON.stringify(order({ order_number: 5006 })), { topic: "orders/updated" }));
    expect(otherTopic.status).toBe(200);
    // A shop no brand is connected to, signed with a secret no brand has: refused like any bad signature.
    const unknown = await POST(request(JSON.stringify(order({ order_number: 5005 })), { shopDomain: "nobody.myshopify.com", signedWith: "shpss_nobodys_secret" }));
    expect(unknown.status).toBe(401);
    const keys = (await ordersOf(brandId)).map((e) => e.dedupeKey);
    expect(keys).not.toContain("order:5005");
    expect(keys).not.toContain("order:5006");
  });

  it("answers 503 (Shopify retries for 48 hours) for a shop whose brand hasn't saved its secret yet", async () => {
    const waiting = await createBrand(getDb(), { name: "Waiting" });
    await getDb().brand.update({ where: { id: waiting.id }, data: { commercePlatform: "shopify", shopifyDomain: "waiting-shop.myshopify.com" } });
    const response = await POST(request(JSON.stringify(order({ order_number: 5007 })), { shopDomain: "waiting-shop.myshopify.com", signedWith: "shpss_not_saved_yet_secret" }));
    expect(response.status).toBe(503);
    expect((await response.json()).message).toMatch(/Settings → Commerce/);
    expect(await ordersOf(waiting.id)).toHaveLength(0);
  });
});
