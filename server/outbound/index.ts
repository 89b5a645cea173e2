export { queueOutbound, requeueQueuedOutbound, isAllowedByConsent, type QueueOutboundInput, type OutboundPurpose } from "./queue-outbound";
export { deliverOutbound, reconcileStaleClaims, type DeliverOutcome } from "./deliver-outbound";
export { applyStatusCallback } from "./apply-status-callback";
export { selectTransport } from "./transports/select-transport";
export { TransportError, type SmsTransport } from "./transports/transport";
