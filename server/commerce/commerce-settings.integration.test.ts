/**
 * Settings → Commerce through tRPC: the shop, its Admin API token and its webhook signing secret.
 * A token is bound to the shop it was saved with; secrets are stored encrypted and shown masked.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { decryptSecret, isEncryptedSecret } from "../channels/secret-box";
import { getDb } from "../db";
import { createBrand, createMember } from "../testing/fixtures";

const token = "shpat_0123456789abcdef0123456789abcdef";
const secret = "webhook-secret-0123456789abcdef";
let brandId: string;
let caller: ReturnType<typeof createCaller>;
const row = () => getDb().brand.findUniqueOrThrow({ where: { id: brandId } });
const fieldsOf = async (call: Promise<unknown>) => {
  const error = await call.then(() => null, (e: { cause?: { fields?: Record<string, string> } }) => e);
  return error?.cause?.fields ?? null;
};

beforeAll(async () => {
  brandId = (await createBrand(getDb(), { name: "Larch" })).id;
  caller = createCaller(createApiContext(await createMember(getDb(), brandId)));
});

describe("commerce settings", () => {
  it("starts on the built-in store and tells where Shopify's webhook goes", async () => {
    expect(await caller.commerce.get()).toMatchObject({ platform: "builtin", shopDomain: "", accessTokenMasked: null, webhookSecretMasked: null, webhookUrl: expect.stringMatching(/\/api\/shopify\/orders-create$/) });
  });

  it("saves a shop with its token and secret encrypted, shows them masked, and records only their last four", async () => {
    const saved = await caller.commerce.update({ platform: "shopify", shopDomain: "https://Larch-Outdoor.myshopify.com/admin", accessToken: token, webhookSecret: secret });
    expect(saved).toMatchObject({ platform: "shopify", shopDomain: "larch-outdoor.myshopify.com", accessTokenMasked: "••••••••cdef", webhookSecretMasked: "••••••••cdef" });
    const brand = await row();
    expect(isEncryptedSecret(brand.shopifyAccessToken!) && decryptSecret(brand.shopifyAccessToken!)).toBe(token);
    expect(isEncryptedSecret(brand.shopifyWebhookSecret!) && decryptSecret(brand.shopifyWebhookSecret!)).toBe(secret);
    const [change] = await caller.settings.history();
    expect(JSON.stringify(change)).not.toContain(token);
    expect(JSON.stringify(change)).not.toContain(secret);
    expect(change).toMatchObject({ area: "commerce", after: { platform: "shopify", accessToken: "••••cdef" } });
  });

  it("keeps the token when left blank for the same shop, and refuses a new shop without the token again", async () => {
    await caller.commerce.update({ platform: "shopify", shopDomain: "larch-outdoor.myshopify.com", accessToken: "", webhookSecret: "" });
    expect(decryptSecret((await row()).shopifyAccessToken!)).toBe(token);

    const fields = await fieldsOf(caller.commerce.update({ platform: "shopify", shopDomain: "attacker-shop.myshopify.com", accessToken: "", webhookSecret: "" }));
    expect(fields?.accessToken).toMatch(/only ever sent to the shop it was saved with/);
    expect((await row()).shopifyDomain).toBe("larch-outdoor.myshopify.com");
  });

  it("refuses what isn't a Shopify shop, a token or a secret, naming the field", async () => {
    const fields = await fieldsOf(caller.commerce.update({ platform: "shopify", shopDomain: "169.254.169.254", accessToken: "not-a-token", webhookSecret: "short" }));
    expect(Object.keys(fields ?? {}).sort()).toEqual(["accessToken", "shopDomain", "webhookSecret"]);
    expect(await fieldsOf(caller.commerce.update({ platform: "magento", shopDomain: "", accessToken: "", webhookSecret: "" }))).toHaveProperty("platform");
  });

  it("refuses a signing secret another brand already uses: each order must belong to one brand", async () => {
    const other = await createBrand(getDb(), { name: "Other" });
    const otherCaller = createCaller(createApiContext(await createMember(getDb(), other.id)));
    const fields = await fieldsOf(otherCaller.commerce.update({ platform: "shopify", shopDomain: "other.myshopify.com", accessToken: token, webhookSecret: secret }));
    expect(fields?.webhookSecret).toMatch(/Another brand already uses this signing secret/);
  });

  it("switching to the built-in store keeps the shop's settings for switching back", async () => {
    await caller.commerce.update({ platform: "builtin", shopDomain: "", accessToken: "", webhookSecret: "" });
    expect(await row()).toMatchObject({ commercePlatform: "builtin", shopifyDomain: "larch-outdoor.myshopify.com" });
    expect((await caller.commerce.update({ platform: "shopify", shopDomain: "larch-outdoor.myshopify.com", accessToken: "", webhookSecret: "" })).platform).toBe("shopify");
  });
});
