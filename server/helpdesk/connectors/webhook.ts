/**
 * Generic webhook: the handoff as signed JSON, POSTed to the brand's URL. The body is the
 * HandoffPayload (server/helpdesk/README.md → "The generic webhook" documents every field and how to verify
 * X-Parley-Signature). Any 2xx is a delivery; the receiver may answer { "id": "…" } to name its ticket.
 */
import { SIGNATURE_HEADER, signParleyWebhook } from "../webhook-signature";
import { HelpdeskError, type HelpdeskConnector, type HandoffPayload, type HelpdeskCredentials } from "./connector";
import { baseUrlError, helpdeskRequest, normalizeBaseUrl } from "./http";

async function post(payload: HandoffPayload, creds: HelpdeskCredentials) {
  const url = normalizeBaseUrl(creds.config.url ?? "");
  if (!url) throw new HelpdeskError("The webhook URL is missing or not https; set it in Settings → Helpdesk.", { isRetryable: false });
  const secret = creds.secrets.signingSecret;
  if (!secret) throw new HelpdeskError("The webhook has no signing secret; save Settings → Helpdesk again to create one.", { isRetryable: false });
  const body = JSON.stringify(payload);
  const res = await helpdeskRequest("The webhook", url, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      [SIGNATURE_HEADER]: signParleyWebhook(secret, body),
      "X-Parley-Event": payload.event,
      // The same on every retry of one handoff: receivers drop repeats with it.
      "X-Parley-Delivery": payload.id,
    },
    hints: {
      auth: "The receiver refused the request; check that it verifies X-Parley-Signature with the signing secret shown in Settings → Helpdesk.",
      notFound: "Check the webhook URL in Settings → Helpdesk.",
    },
  });
  const answer = res.json as { id?: unknown; ticketId?: unknown; externalId?: unknown } | null;
  const id = answer?.id ?? answer?.ticketId ?? answer?.externalId;
  return { externalId: typeof id === "string" || typeof id === "number" ? String(id) : null, httpStatus: res.status };
}

export const webhookConnector: HelpdeskConnector = {
  kind: "webhook",
  label: "Generic webhook",
  fields: [
    { name: "url", isSecret: false, isRequired: true, isDestination: true },
    { name: "signingSecret", isSecret: true, isRequired: true, label: "signing secret" },
  ],
  validateConfig(creds) {
    const errors: Record<string, string> = {};
    const url = baseUrlError(creds.config.url, "the URL Parley posts handoffs to", "https://support.example.com/parley/handoffs");
    if (url) errors.url = url;
    if (creds.secrets.signingSecret !== undefined && creds.secrets.signingSecret.length < 16) {
      errors.signingSecret = "A signing secret needs at least 16 characters; leave it blank and Parley creates a strong one.";
    }
    return errors;
  },
  deliverHandoff: (payload, creds) => post(payload, creds),
  sendTest: (payload, creds) => post(payload, creds),
};
