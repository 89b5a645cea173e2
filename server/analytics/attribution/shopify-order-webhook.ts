/**
 * Shopify's orders/create webhook → one Placed Order event. Shopify signs the raw request body
 * with the app's webhook secret (HMAC-SHA256, base64, in X-Shopify-Hmac-Sha256); one secret per
 * app, so Parley keeps it in SHOPIFY_WEBHOOK_SECRET. The shop is named in X-Shopify-Shop-Domain
 * and matched to Brand.shopifyDomain. Shopify retries a webhook until it gets a 2xx and may send
 * the same one twice: the order's dedupeKey (order:<number>) records it once.
 */
import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db";
import { AppError } from "../../errors";
import { normalizePhone } from "../../sms";
import { parseMoneyToCents } from "./read-order-csv";
import { normalizeOrderNumber, recordPlacedOrder } from "./record-placed-order";

/** What Parley reads from Shopify's order payload (REST shape, as webhooks send it); the rest is ignored. */
const shopifyOrderSchema = z.object({
  id: z.union([z.number(), z.string()]),
  order_number: z.union([z.number(), z.string()]).nullish(),
  name: z.string().nullish(),
  total_price: z.union([z.string(), z.number()]),
  currency: z.string().nullish(),
  created_at: z.string().nullish(),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  phone: z.string().nullish(),
  customer: z.object({ email: z.string().nullish(), phone: z.string().nullish() }).nullish(),
  billing_address: z.object({ phone: z.string().nullish() }).nullish(),
  shipping_address: z.object({ phone: z.string().nullish() }).nullish(),
  line_items: z.array(z.object({ quantity: z.number().nullish() })).nullish(),
});

export type ShopifyOrderWebhook = {
  rawBody: Uint8Array;
  hmac: string | null;
  shopDomain: string | null;
  topic: string | null;
};

export type ShopifyOrderWebhookResult =
  | { type: "recorded"; brandId: string; orderNumber: string; profileId: string | null }
  | { type: "duplicate"; brandId: string; orderNumber: string }
  /** Signed correctly, but for a topic this endpoint doesn't handle: acknowledged, nothing stored. */
  | { type: "ignored_topic"; topic: string }
  /** Signed correctly, but no brand is connected to this shop. */
  | { type: "unknown_shop"; shopDomain: string }
  /** SHOPIFY_WEBHOOK_SECRET is not set: nothing can be verified, so nothing is accepted. */
  | { type: "not_configured" };

/** Constant-time check of Shopify's signature over the exact bytes received. */
export function isValidShopifyHmac(rawBody: Uint8Array, hmacHeader: string | null, secret: string): boolean {
  if (!hmacHeader) return false;
  const expected = crypto.createHmac("sha256", secret).update(rawBody).digest();
  const given = Buffer.from(hmacHeader.trim(), "base64");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** "https://My-Shop.myshopify.com/" → "my-shop.myshopify.com"; a loopback base URL keeps its port. */
export function normalizeShopDomain(value: string): string {
  const text = value.trim().toLowerCase();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`).host;
  } catch {
    return text.replace(/\/+$/, "");
  }
}

async function brandOfShop(db: Db, shopDomain: string) {
  const host = normalizeShopDomain(shopDomain);
  if (!host) return null;
  const candidates = await db.brand.findMany({
    where: { shopifyDomain: { contains: host, mode: "insensitive" } },
    select: { id: true, shopifyDomain: true },
    orderBy: { createdAt: "asc" },
  });
  return candidates.find((b) => b.shopifyDomain && normalizeShopDomain(b.shopifyDomain) === host) ?? null;
}

/** The shopper: a profile with one of the order's phone numbers, else one with its email. */
async function profileOfOrder(db: Db, brandId: string, order: z.infer<typeof shopifyOrderSchema>): Promise<string | null> {
  const phones = [order.phone, order.customer?.phone, order.billing_address?.phone, order.shipping_address?.phone]
    .flatMap((p) => (p ? [normalizePhone(p)] : []))
    .filter((p): p is string => p !== null);
  if (phones.length) {
    const byPhone = await db.profile.findFirst({ where: { brandId, phone: { in: phones } }, select: { id: true }, orderBy: { createdAt: "asc" } });
    if (byPhone) return byPhone.id;
  }
  const emails = [order.email, order.contact_email, order.customer?.email].flatMap((e) => (e?.trim() ? [e.trim()] : []));
  for (const email of emails) {
    const byEmail = await db.profile.findFirst({ where: { brandId, email: { equals: email, mode: "insensitive" } }, select: { id: true }, orderBy: { createdAt: "asc" } });
    if (byEmail) return byEmail.id;
  }
  return null;
}

/**
 * Verifies, then records the order for the shop's brand. A wrong or missing signature is an
 * UNAUTHORIZED AppError (nothing is read from the body first); a signed body that isn't an order is
 * BAD_REQUEST.
 */
export async function handleShopifyOrderWebhook(db: Db, request: ShopifyOrderWebhook, secret: string | undefined): Promise<ShopifyOrderWebhookResult> {
  if (!secret) return { type: "not_configured" };
  if (!isValidShopifyHmac(request.rawBody, request.hmac, secret)) {
    throw new AppError("UNAUTHORIZED", { message: "Shopify webhook: HMAC mismatch", userMessage: "The webhook signature (X-Shopify-Hmac-Sha256) is missing or wrong." });
  }
  if (request.topic && request.topic !== "orders/create") return { type: "ignored_topic", topic: request.topic };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(request.rawBody));
  } catch {
    throw new AppError("BAD_REQUEST", { userMessage: "The webhook body is not JSON." });
  }
  const parsed = shopifyOrderSchema.safeParse(json);
  if (!parsed.success) throw new AppError("BAD_REQUEST", { message: parsed.error.message, userMessage: "The webhook body is not a Shopify order." });
  const order = parsed.data;
  const orderNumber = normalizeOrderNumber(String(order.order_number ?? order.name ?? ""));
  const totalCents = parseMoneyToCents(String(order.total_price));
  if (!orderNumber || totalCents === null) throw new AppError("BAD_REQUEST", { userMessage: "The order has no number or no total." });

  const brand = request.shopDomain ? await brandOfShop(db, request.shopDomain) : null;
  if (!brand) return { type: "unknown_shop", shopDomain: request.shopDomain ?? "" };

  const placedAt = order.created_at && !Number.isNaN(Date.parse(order.created_at)) ? new Date(order.created_at) : new Date();
  const profileId = await profileOfOrder(db, brand.id, order);
  const isNew = await recordPlacedOrder(db, {
    brandId: brand.id,
    profileId,
    number: orderNumber,
    totalCents,
    currency: order.currency ?? "USD",
    placedAt,
    itemCount: order.line_items?.reduce((n, item) => n + (item.quantity ?? 1), 0),
    source: "shopify",
    externalId: String(order.id),
  });
  return isNew ? { type: "recorded", brandId: brand.id, orderNumber, profileId } : { type: "duplicate", brandId: brand.id, orderNumber };
}
