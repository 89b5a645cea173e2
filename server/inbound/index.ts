export { receiveInbound, requeueUnprocessedInbound, shopperKey, type InboundText, type ReceiveResult } from "./receive";
export { processInbound, pipelineStages, type ProcessResult } from "./pipeline";
export { handleInboundWebhook, handleStatusWebhook, type TwilioWebhookRequest } from "./twilio-webhook";
export { describeDisposition, type Disposition } from "./disposition";
