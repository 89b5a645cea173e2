import { handleShopifyOrderWebhook, shopifyWebhookResponse } from "@/server/analytics";
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { webhookErrorResponse } from "@/server/inbound/webhook-http";
import { ensureServerReady } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Shopify's orders/create webhook: verify the HMAC of the raw body, record one Placed Order event. */
export async function POST(req: Request) {
  try {
    await ensureServerReady();
    const result = await handleShopifyOrderWebhook(
      getDb(),
      {
        // The exact bytes Shopify signed: parsing first would change them.
        rawBody: new Uint8Array(await req.arrayBuffer()),
        hmac: req.headers.get("x-shopify-hmac-sha256"),
        shopDomain: req.headers.get("x-shopify-shop-domain"),
        topic: req.headers.get("x-shopify-topic"),
      },
      env().SHOPIFY_WEBHOOK_SECRET,
    );
    return shopifyWebhookResponse(result);
  } catch (error) {
    return webhookErrorResponse(error);
  }
}
