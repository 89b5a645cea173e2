/**
 * The helpdesk connector interface: one file per helpdesk (webhook, kustomer, front, zendesk,
 * gorgias), chosen in one place (./index.ts). A connector turns a handoff into the requests its
 * service documents, and says what went wrong in words a brand can act on.
 */

export const helpdeskKinds = ["none", "webhook", "kustomer", "front", "zendesk", "gorgias"] as const;
export type HelpdeskKind = (typeof helpdeskKinds)[number];
export type ConnectorKind = Exclude<HelpdeskKind, "none">;

export type TranscriptLine = { at: string; direction: "inbound" | "outbound"; author: string; body: string };

/** Everything a helpdesk receives about one handoff (the generic webhook's JSON is this, documented in server/helpdesk/README.md). */
export type HandoffPayload = {
  /** "handoff.created" for a real handoff, "handoff.test" for Settings → Helpdesk → Send a test handoff. */
  event: "handoff.created" | "handoff.test";
  /** The handoff ticket id: the same on every retry, so receivers can ignore a repeat. */
  id: string;
  createdAt: string;
  brand: { id: string; name: string; smsNumber: string };
  conversation: { id: string; status: string; startedAt: string; tags: string[] };
  profile: { id: string; phone: string; email: string | null; firstName: string | null; lastName: string | null };
  escalationReason: string;
  summary: string;
  sentiment: string;
  transcript: TranscriptLine[];
  /** Where a rep's reply goes to reach the shopper as SMS (Parley's public API). */
  reply: { method: "POST"; url: string };
};

export type HelpdeskCredentials = { config: Record<string, string>; secrets: Record<string, string> };

export type DeliveryResult = {
  /** The ticket / conversation id in the helpdesk (null when the service gives none, e.g. a webhook answering 204). */
  externalId: string | null;
  /** The status of the last request that made the delivery succeed. */
  httpStatus: number | null;
};

export type DeliveryContext = {
  /** What a previous failed attempt already created (e.g. the Kustomer conversation), so a retry finishes it instead of starting over. */
  resumeExternalId: string | null;
};

/**
 * A delivery that did not succeed. `isRetryable` is false when repeating the same request cannot
 * help (wrong credentials, an unknown inbox): the handoff falls back to the inbox at once.
 * `partialExternalId` names what was created before the failure, for the next attempt.
 */
export class HelpdeskError extends Error {
  readonly httpStatus: number | null;
  readonly isRetryable: boolean;
  readonly partialExternalId: string | null;

  constructor(message: string, opts: { httpStatus?: number | null; isRetryable?: boolean; partialExternalId?: string | null; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = "HelpdeskError";
    this.httpStatus = opts.httpStatus ?? null;
    this.isRetryable = opts.isRetryable ?? true;
    this.partialExternalId = opts.partialExternalId ?? null;
  }

  withPartial(partialExternalId: string | null): HelpdeskError {
    if (!partialExternalId || this.partialExternalId) return this;
    return new HelpdeskError(this.message, { httpStatus: this.httpStatus, isRetryable: this.isRetryable, partialExternalId, cause: this.cause });
  }
}

/**
 * A form field the Settings page shows for a connector. Secrets are password inputs, kept when left
 * blank, but only while the destination fields (`isDestination`: the address requests go to) stay
 * the same: a secret goes only to the address it was saved with. `isInboundOnly` marks a secret
 * that never leaves Parley (it checks what the service sends), which an address change keeps.
 * `label` names a secret in messages ("Enter the API token again…").
 */
export type ConnectorField = { name: string; isSecret: boolean; isRequired: boolean; isDestination?: boolean; isInboundOnly?: boolean; label?: string };

export type HelpdeskConnector = {
  kind: ConnectorKind;
  /** The name people know the service by. */
  label: string;
  fields: ConnectorField[];
  /** Default values for config fields the brand may leave empty (e.g. Front's API address). */
  defaults?: Record<string, string>;
  /** Field errors in the brand's words, keyed by field name; empty when the settings are usable. */
  validateConfig(creds: HelpdeskCredentials): Record<string, string>;
  deliverHandoff(payload: HandoffPayload, creds: HelpdeskCredentials, ctx: DeliveryContext): Promise<DeliveryResult>;
  /** Settings → Send a test handoff: a clearly marked sample through the same requests. */
  sendTest(payload: HandoffPayload, creds: HelpdeskCredentials): Promise<DeliveryResult>;
};
