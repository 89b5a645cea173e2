import { handleShopifyOrderWebhook, shopifyWebhookResponse } from "@/server/analytics";
import { getDb } from "@/server/db";
import { KB, readBodyBytes } from "@/server/http";
import { webhookErrorResponse } from "@/server/inbound/webhook-http";
import { ensureServerReady } from "@/server/runtime";

export const dynamic = "force-dynamic";

// An order with hundreds of line items stays well under this; anything larger is not an order.
const MAX_BODY_BYTES = 1024 * KB;

/** Shopify's orders/create webhook: find the brand whose secret verifies the raw body, record one Placed Order event. */
export async function POST(req: Request) {
  try {
    await ensureServerReady();
    const result = await handleShopifyOrderWebhook(
      getDb(),
      {
        // The exact bytes Shopify signed: parsing first would change them.
        rawBody: await readBodyBytes(req, MAX_BODY_BYTES),
        hmac: req.headers.get("x-shopify-hmac-sha256"),
        shopDomain: req.headers.get("x-shopify-shop-domain"),
        topic: req.headers.get("x-shopify-topic"),
      },
    );
    return shopifyWebhookResponse(result);
  } catch (error) {
    return webhookErrorResponse(error);
  }
}
