/**
 * Handoffs to people: the ticket (transcript, summary, sentiment), the built-in inbox that always
 * has it, and delivery to the brand's helpdesk (generic webhook, Kustomer, Front, Zendesk, Gorgias)
 * with retries, a delivery log and replies coming back as SMS.
 */
export { createHandoffTicket } from "./create-handoff-ticket";
export { summarizeForHandoff } from "./summarize-for-handoff";
export { shopperSentiment, type Sentiment } from "./shopper-sentiment";
export { AgentTag, isClosedToAgent, setAgentTag, withAgentTag, type AgentTagValue } from "./agent-tags";
export { deliverHandoffAttempt, getHandoffDelivery, queueHandoffDelivery, requeuePendingHandoffs, type DeliveryOutcome } from "./deliver-handoff";
export {
  brandIdForApiKey,
  generateApiKey,
  getHelpdeskSettings,
  revealSigningSecret,
  rotateSigningSecret,
  updateHelpdeskSettings,
  type HelpdeskSettings,
  type HelpdeskSettingsInput,
} from "./helpdesk-settings";
export { sendTestHandoff, type TestHandoffResult } from "./send-test-handoff";
export { listHandoffDeliveries, DELIVERIES_PAGE_SIZE } from "./list-deliveries";
export { handleFrontWebhook, frontSignature, type FrontWebhookResult } from "./front-webhook";
export { replyThroughApi, type ApiReply } from "./public-api";
export { signParleyWebhook, verifyParleyWebhook, SIGNATURE_HEADER } from "./webhook-signature";
export { helpdeskKinds, type HelpdeskKind, type HandoffPayload } from "./connectors";
export { apiErrorResponse, parseJson, readBody } from "./api-http";
