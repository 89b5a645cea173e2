/**
 * Shopify's orders/create webhook → one Placed Order event. Shopify signs the raw request body
 * with the shop's webhook secret (HMAC-SHA256, base64, in X-Shopify-Hmac-Sha256); each brand saves
 * its own in Settings → Commerce (Brand.shopifyWebhookSecret, encrypted). The order belongs to the
 * brand whose secret verifies the body: X-Shopify-Shop-Domain is not signed, so it only decides
 * which brand's secret is tried first. Shopify retries a webhook until it gets a 2xx and may send
 * the same one twice: the order's dedupeKey (order:<number>) records it once.
 */
import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db";
import { decryptSecret, SecretBoxError } from "../../channels/secret-box";
import { AppError } from "../../errors";
import { findUnstorableText } from "../../http";
import { normalizeShopDomain } from "../../commerce/shopify/shop-domain";
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
  /**
   * No secret verifies it, but the shop it names is connected to a brand that hasn't saved its
   * webhook secret yet: refused so that Shopify retries (48 hours) until the secret is saved.
   */
  | { type: "not_configured" };

/** Constant-time check of Shopify's signature over the exact bytes received. */
export function isValidShopifyHmac(rawBody: Uint8Array, hmacHeader: string | null, secret: string): boolean {
  if (!hmacHeader) return false;
  const expected = crypto.createHmac("sha256", secret).update(rawBody).digest();
  const given = Buffer.from(hmacHeader.trim(), "base64");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/**
 * The brand whose webhook secret verifies the body, or null. The brand the unsigned shop header
 * names is tried first (the usual case costs one HMAC); every other brand with a secret after it.
 */
async function brandOfSignature(db: Db, request: ShopifyOrderWebhook): Promise<{ id: string } | null> {
  if (!request.hmac) return null;
  const host = request.shopDomain ? normalizeShopDomain(request.shopDomain) : "";
  const brands = await db.brand.findMany({
    where: { shopifyWebhookSecret: { not: null } },
    select: { id: true, shopifyDomain: true, shopifyWebhookSecret: true },
    orderBy: { createdAt: "asc" },
  });
  const named = (b: (typeof brands)[number]) => Boolean(host && b.shopifyDomain && normalizeShopDomain(b.shopifyDomain) === host);
  for (const brand of [...brands.filter(named), ...brands.filter((b) => !named(b))]) {
    const secret = readWebhookSecret(brand.shopifyWebhookSecret!);
    if (secret && isValidShopifyHmac(request.rawBody, request.hmac, secret)) return { id: brand.id };
  }
  return null;
}

/** A secret this server's key can't read verifies nothing (Settings → Commerce asks for it again). */
function readWebhookSecret(stored: string): string | null {
  try {
    return decryptSecret(stored);
  } catch (error) {
    if (error instanceof SecretBoxError) return null;
    throw error;
  }
}

/** Whether the shop the header names belongs to a brand still without a webhook secret. */
async function isShopAwaitingSecret(db: Db, shopDomain: string | null): Promise<boolean> {
  const host = shopDomain ? normalizeShopDomain(shopDomain) : "";
  if (!host) return false;
  const candidates = await db.brand.findMany({
    where: { shopifyDomain: { contains: host, mode: "insensitive" }, shopifyWebhookSecret: null },
    select: { shopifyDomain: true },
  });
  return candidates.some((b) => b.shopifyDomain && normalizeShopDomain(b.shopifyDomain) === host);
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
 * Verifies, then records the order for the brand whose secret signed it. A signature no brand's
 * secret verifies is an UNAUTHORIZED AppError (nothing is read from the body first); a signed body that isn't an order is
 * BAD_REQUEST.
 */
export async function handleShopifyOrderWebhook(db: Db, request: ShopifyOrderWebhook): Promise<ShopifyOrderWebhookResult> {
  const brand = await brandOfSignature(db, request);
  if (!brand) {
    if (await isShopAwaitingSecret(db, request.shopDomain)) return { type: "not_configured" };
    throw new AppError("UNAUTHORIZED", { message: "Shopify webhook: no brand's secret verifies it", userMessage: "The webhook signature (X-Shopify-Hmac-Sha256) is missing or wrong." });
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
  // PostgreSQL text and jsonb can't hold NUL or a lone surrogate: refuse, naming the field, instead of failing the insert.
  const unstorable = findUnstorableText(order);
  if (unstorable) throw new AppError("BAD_REQUEST", { userMessage: `The order's ${unstorable} contains a character Parley cannot store.` });
  const orderNumber = normalizeOrderNumber(String(order.order_number ?? order.name ?? ""));
  const totalCents = parseMoneyToCents(String(order.total_price));
  if (!orderNumber || totalCents === null) throw new AppError("BAD_REQUEST", { userMessage: "The order has no number or no total." });

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
