/** How an outbound text leaves Parley. One implementation per provider; chosen in select-transport.ts. */
export type OutboundSend = { from: string; to: string; body: string; statusCallbackUrl?: string };
export type TransportResult = { providerSid: string; status: "sent" | "delivered" };
/** "Do you already have this text?" — asked before resending after an attempt whose outcome we never learned. */
export type SentLookup = { from: string; to: string; body: string; since: Date };

export interface SmsTransport {
  readonly name: "twilio" | "simulator";
  send(message: OutboundSend): Promise<TransportResult>;
  /** Texts the provider already holds from `from` to `to` with this body, created at or after `since`, newest first. */
  findSent(lookup: SentLookup): Promise<TransportResult[]>;
}

/**
 * A provider refused or failed; `retryable` says whether trying again can help. `ambiguous`: the
 * request may have reached the provider and created the text anyway (a timeout, a connection cut
 * after sending), so before another attempt the provider must be asked whether it has it.
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly code?: string,
    readonly ambiguous = false,
  ) {
    super(message);
    this.name = "TransportError";
  }
}
