/** HTTP glue for Shopify webhooks: each outcome of handleShopifyOrderWebhook as a status. */
import { assertUnreachable } from "../../errors";
import type { ShopifyOrderWebhookResult } from "./shopify-order-webhook";

/** The HTTP answer for each outcome: 2xx stops Shopify's retries, so only "try again later" cases are not 2xx. */
export function shopifyWebhookResponse(result: ShopifyOrderWebhookResult): Response {
  switch (result.type) {
    case "recorded":
      return Response.json({ ok: true, recorded: true, orderNumber: result.orderNumber }, { status: 200 });
    case "duplicate":
      return Response.json({ ok: true, recorded: false, orderNumber: result.orderNumber }, { status: 200 });
    case "ignored_topic":
      return Response.json({ ok: true, ignored: `This endpoint handles orders/create, not ${result.topic}.` }, { status: 200 });
    case "not_configured":
      // 503: Shopify retries for 48 hours, so orders sent before the secret is saved still arrive.
      return Response.json({ error: "NOT_CONFIGURED", message: "This shop's webhook secret is not saved in Parley yet (Settings → Commerce)." }, { status: 503 });
    default:
      return assertUnreachable(result);
  }
}
