export { emitEvent, insertEventsSql, newEventId, EventName, type EmitEventInput } from "./emit-event";
export {
  attributionModels,
  attributionWindowOptions,
  describeAttributionWindow,
  getAttributionSettings,
  updateAttributionSettings,
  validateAttributionSettings,
  type AttributionModel,
  type AttributionSettings,
} from "./attribution/attribution-settings";
export { recordPlacedOrder, placedOrderEvent, normalizeOrderNumber, type PlacedOrder, type OrderSource } from "./attribution/record-placed-order";
export { previewOrderImport, importOrders, type OrderImportPreview, type OrderImportResult } from "./attribution/import-orders";
export { handleShopifyOrderWebhook, isValidShopifyHmac, type ShopifyOrderWebhook, type ShopifyOrderWebhookResult } from "./attribution/shopify-order-webhook";
export { shopifyWebhookResponse } from "./attribution/shopify-webhook-http";
export { performanceSummary, type PerformanceSummary, type PeriodMetrics } from "./performance/performance-summary";
export { performanceSeries, type PerformanceSeries, type SeriesDay } from "./performance/performance-series";
export { performanceBySkill, type SkillRow, type SkillKey } from "./performance/performance-by-skill";
export { performanceByCampaign, type CampaignRow } from "./performance/performance-by-campaign";
export { performanceChannels, type PerformanceChannel, type PerformanceFilter } from "./performance/performance-filter";
