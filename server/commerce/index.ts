import { decryptSecret, SecretBoxError } from "../channels/secret-box";
import type { Db } from "../db";
import { assertUnreachable } from "../errors";
import { builtinStore } from "./builtin-store";
import type { CommerceConnector } from "./connector";
import { commerceConfigurationError } from "./shopify/shopify-client";
import { shopifyStore } from "./shopify/shopify-store";

export type { CommerceConnector, OrderSummary, ProductSummary } from "./connector";
export { isOrderOfShopper } from "./connector";
export { CommerceError, type CommerceErrorReason } from "./shopify/shopify-client";

export const commercePlatforms = ["builtin", "shopify"] as const;
export type CommercePlatform = (typeof commercePlatforms)[number];

/** The brand's store settings, as stored on Brand. */
export type BrandCommerceSettings = {
  id: string;
  commercePlatform: string;
  shopifyDomain: string | null;
  shopifyAccessToken: string | null;
};

const isCommercePlatform = (value: string): value is CommercePlatform => (commercePlatforms as readonly string[]).includes(value);

/**
 * A store that cannot work (misconfigured): every call fails, so the agent's tool reports the
 * error and the conversation is handed to a person with a reply, instead of the text failing.
 */
function unavailableStore(error: Error): CommerceConnector {
  const fail = async (): Promise<never> => {
    throw error;
  };
  return { name: "builtin", ordersByPhone: fail, orderByNumber: fail, searchProducts: fail };
}

/** The stored Admin API token: encrypted at rest like every credential (a value saved before that reads as it is). */
function readShopifyToken(brand: BrandCommerceSettings): string | null {
  if (!brand.shopifyAccessToken) return null;
  try {
    return decryptSecret(brand.shopifyAccessToken);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    throw commerceConfigurationError(
      `Brand ${brand.id}: the Shopify access token cannot be decrypted with this server's key`,
      "The saved Shopify access token can’t be read with this server’s encryption key. Enter it again in Settings.",
    );
  }
}

/** The connector for the agent: like commerceFor, but a configuration error becomes a failing store. */
export function commerceForAgent(db: Db, brand: BrandCommerceSettings): CommerceConnector {
  try {
    return commerceFor(db, brand);
  } catch (error) {
    return unavailableStore(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * The brand's store connector, chosen by its commercePlatform. A brand whose settings can't work
 * (Shopify without a domain or token, an unknown platform) gets a CommerceError, not a guess.
 */
export function commerceFor(db: Db, brand: BrandCommerceSettings): CommerceConnector {
  const platform = brand.commercePlatform;
  if (!isCommercePlatform(platform)) {
    throw commerceConfigurationError(
      `Brand ${brand.id} has an unknown commerce platform "${platform}" (expected ${commercePlatforms.join(" or ")})`,
      "The store platform in Settings is not one Parley supports (built-in store or Shopify).",
    );
  }
  switch (platform) {
    case "builtin":
      return builtinStore(db, brand.id);
    case "shopify": {
      const domain = brand.shopifyDomain?.trim();
      const accessToken = readShopifyToken(brand)?.trim();
      if (!domain || !accessToken) {
        const missing = [!domain && "shopifyDomain", !accessToken && "shopifyAccessToken"].filter(Boolean).join(" and ");
        throw commerceConfigurationError(`Brand ${brand.id} uses Shopify but has no ${missing}`);
      }
      return shopifyStore({ domain, accessToken });
    }
    default:
      return assertUnreachable(platform);
  }
}
