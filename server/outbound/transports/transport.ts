/** How an outbound text leaves Parley. One implementation per provider; chosen in select-transport.ts. */
export type OutboundSend = { from: string; to: string; body: string; statusCallbackUrl?: string };
export type TransportResult = { providerSid: string; status: "sent" | "delivered" };

export interface SmsTransport {
  readonly name: "twilio" | "simulator";
  send(message: OutboundSend): Promise<TransportResult>;
}

/** A provider refused or failed; `retryable` says whether trying again can help. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly code?: string,
  ) {
    super(message);
    this.name = "TransportError";
  }
}
