/**
 * Settings → Commerce: where the agent reads orders and products (the built-in store or a Shopify
 * shop), the shop's Admin API token, and the secret its order webhooks are signed with.
 *
 * Secrets are bound to their destination: the access token is sent to the shop it was saved with
 * and nowhere else, so changing the shop needs the token entered again. Secrets are stored
 * encrypted (server/channels/secret-box.ts), shown masked, and recorded in the history only as
 * their last four characters.
 */
import { decryptSecret, encryptSecret, SecretBoxError } from "../channels/secret-box";
import { maskSecret } from "../channels/twilio-credentials";
import type { Db, Prisma } from "../db";
import { publicUrl } from "../env";
import { invalidFields } from "../errors";
import { recordSettingsChange, type SettingsActor } from "../settings/record-settings-change";
import { commercePlatforms, type CommercePlatform } from "./index";
import { normalizeShopDomain } from "./shopify/shop-domain";

export type CommerceSettings = {
  platform: CommercePlatform;
  /** "my-shop.myshopify.com", or "" when none is saved. */
  shopDomain: string;
  /** "••••••••1a2b", or null when none is saved. */
  accessTokenMasked: string | null;
  webhookSecretMasked: string | null;
  /** A saved secret this server's encryption key can't read: enter it again. */
  problems: { accessToken?: string; webhookSecret?: string };
  /** What to paste into Shopify's webhook settings (topic "Order creation", JSON). */
  webhookUrl: string;
};

export type CommerceSettingsInput = {
  platform: string;
  shopDomain: string;
  /** "" keeps the saved token (only while the shop stays the same). */
  accessToken: string;
  /** "" keeps the saved secret. */
  webhookSecret: string;
};

const SHOP_HOST = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const UNREADABLE = "The saved value can’t be read with this server’s encryption key; enter it again.";

type Saved = { platform: string; shopDomain: string; accessToken: string | null; webhookSecret: string | null; unreadable: { accessToken: boolean; webhookSecret: boolean } };

function readSecret(stored: string | null): { value: string | null; isUnreadable: boolean } {
  if (!stored) return { value: null, isUnreadable: false };
  try {
    return { value: decryptSecret(stored), isUnreadable: false };
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    return { value: null, isUnreadable: true };
  }
}

async function savedOf(db: Db | Prisma.TransactionClient, brandId: string): Promise<Saved> {
  const brand = await db.brand.findUniqueOrThrow({
    where: { id: brandId },
    select: { commercePlatform: true, shopifyDomain: true, shopifyAccessToken: true, shopifyWebhookSecret: true },
  });
  const token = readSecret(brand.shopifyAccessToken);
  const secret = readSecret(brand.shopifyWebhookSecret);
  return {
    platform: brand.commercePlatform,
    shopDomain: brand.shopifyDomain ? normalizeShopDomain(brand.shopifyDomain) : "",
    accessToken: token.value,
    webhookSecret: secret.value,
    unreadable: { accessToken: token.isUnreadable, webhookSecret: secret.isUnreadable },
  };
}

export async function getCommerceSettings(db: Db, brandId: string): Promise<CommerceSettings> {
  const saved = await savedOf(db, brandId);
  return {
    platform: (commercePlatforms as readonly string[]).includes(saved.platform) ? (saved.platform as CommercePlatform) : "builtin",
    shopDomain: saved.shopDomain,
    accessTokenMasked: saved.accessToken ? maskSecret(saved.accessToken) : null,
    webhookSecretMasked: saved.webhookSecret ? maskSecret(saved.webhookSecret) : null,
    problems: {
      ...(saved.unreadable.accessToken && { accessToken: UNREADABLE }),
      ...(saved.unreadable.webhookSecret && { webhookSecret: UNREADABLE }),
    },
    webhookUrl: `${publicUrl()}/api/shopify/orders-create`,
  };
}

/** Every rule, in the words shown next to each field; `secretTakenByAnother`: another brand saved this webhook secret. */
export function validateCommerceSettings(input: CommerceSettingsInput, saved: Saved, secretTakenByAnother: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(commercePlatforms as readonly string[]).includes(input.platform)) errors.platform = "Choose the built-in store or Shopify.";
  if (input.platform !== "shopify") return errors;

  const rawDomain = input.shopDomain.trim();
  const host = rawDomain ? normalizeShopDomain(rawDomain) : "";
  if (!host) errors.shopDomain = "Enter your shop’s address, e.g. my-shop.myshopify.com.";
  else if (!SHOP_HOST.test(host)) errors.shopDomain = `“${rawDomain}” isn’t a Shopify shop address. Use the one ending in .myshopify.com (Shopify admin → Settings → Domains).`;

  const token = input.accessToken.trim();
  const isNewShop = Boolean(host) && host !== saved.shopDomain;
  if (token && !/^shpat_[0-9a-zA-Z]{16,}$/.test(token)) {
    errors.accessToken = "An Admin API access token starts with “shpat_”. Copy it from your app’s API credentials in the Shopify admin.";
  } else if (!token) {
    if (isNewShop && (saved.accessToken || saved.unreadable.accessToken)) {
      errors.accessToken = "Enter the access token again: a saved token is only ever sent to the shop it was saved with.";
    } else if (saved.unreadable.accessToken) errors.accessToken = UNREADABLE;
    else if (!saved.accessToken) errors.accessToken = "Enter the shop’s Admin API access token (read_orders, read_products, read_customers).";
  }

  const secret = input.webhookSecret.trim();
  if (secret && secret.length < 16) errors.webhookSecret = "That’s too short to be Shopify’s webhook signing secret; copy it from Settings → Notifications → Webhooks.";
  else if (secret && secretTakenByAnother) errors.webhookSecret = "Another brand already uses this signing secret: orders must belong to exactly one brand, so each shop needs its own.";
  else if (!secret && saved.unreadable.webhookSecret) errors.webhookSecret = UNREADABLE;
  return errors;
}

const label = (secret: string | null) => (secret ? `••••${secret.slice(-4)}` : null);
/** The history's label for a secret after a save: "(replaced)" when a new one looks like the old one. */
const labelAfter = (entered: string, saved: string | null) =>
  !entered ? label(saved) : saved && entered !== saved && label(entered) === label(saved) ? `${label(entered)} (replaced)` : label(entered);

/** Is this webhook secret already another brand's? (Two brands with one secret would make the shop header decide again.) */
async function isSecretTakenByAnother(tx: Prisma.TransactionClient, brandId: string, secret: string): Promise<boolean> {
  if (!secret) return false;
  const others = await tx.brand.findMany({ where: { id: { not: brandId }, shopifyWebhookSecret: { not: null } }, select: { shopifyWebhookSecret: true } });
  return others.some((b) => readSecret(b.shopifyWebhookSecret).value === secret);
}

/** Validates everything, then saves; nothing is saved when any field is wrong. */
export async function updateCommerceSettings(db: Db, brandId: string, actor: SettingsActor, input: CommerceSettingsInput): Promise<CommerceSettings> {
  await db.$transaction(async (tx) => {
    const saved = await savedOf(tx, brandId);
    const newSecret = input.webhookSecret.trim();
    const errors = validateCommerceSettings(input, saved, await isSecretTakenByAnother(tx, brandId, newSecret));
    if (Object.keys(errors).length) throw invalidFields(errors);

    // The built-in store leaves the shop's settings as they are, for switching back.
    const shopDomain = input.platform === "shopify" ? normalizeShopDomain(input.shopDomain) : saved.shopDomain || null;
    const newToken = input.accessToken.trim();
    const data: Prisma.BrandUpdateInput = { commercePlatform: input.platform };
    if (input.platform === "shopify" && shopDomain !== saved.shopDomain) data.shopifyDomain = shopDomain;
    if (newToken) data.shopifyAccessToken = encryptSecret(newToken);
    if (newSecret) data.shopifyWebhookSecret = encryptSecret(newSecret);
    await tx.brand.update({ where: { id: brandId }, data });

    await recordSettingsChange(tx, {
      brandId,
      actor,
      area: "commerce",
      before: { platform: saved.platform, shopDomain: saved.shopDomain || null, accessToken: label(saved.accessToken), webhookSecret: label(saved.webhookSecret) },
      after: {
        platform: input.platform,
        shopDomain,
        accessToken: labelAfter(newToken, saved.accessToken),
        webhookSecret: labelAfter(newSecret, saved.webhookSecret),
      },
    });
  });
  return getCommerceSettings(db, brandId);
}
