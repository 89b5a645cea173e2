/**
 * Gorgias (developers.gorgias.com, REST API on https://<domain>.gorgias.com/api; Basic auth with the
 * account email as username and the API key as password). A handoff:
 *   1. GET  /api/customers?external_id=parley-<profile id>   the shopper, if Parley created them before
 *   2. POST /api/customers                                   otherwise create them with a phone channel
 *   3. POST /api/tickets                                     an open ticket on the "api" channel (Gorgias requires
 *                                                            at least one message: the transcript, from the customer)
 */
import { HelpdeskError, type HelpdeskConnector, type HandoffPayload, type HelpdeskCredentials } from "./connector";
import { baseUrlError, basicAuth, helpdeskRequest, normalizeBaseUrl, shopperName } from "./http";
import { handoffTicketBody, handoffTicketSubject } from "./ticket-text";

const SERVICE = "Gorgias";

async function deliver(payload: HandoffPayload, creds: HelpdeskCredentials) {
  const base = normalizeBaseUrl(creds.config.baseUrl ?? "");
  const email = creds.config.email?.trim();
  const apiKey = creds.secrets.apiKey;
  if (!base || !email || !apiKey) throw new HelpdeskError("Gorgias is missing its address, account email or API key; set them in Settings → Helpdesk.", { isRetryable: false });
  const headers = { authorization: basicAuth(email, apiKey) };
  const { profile } = payload;
  const externalId = `parley-${profile.id}`;
  const name = shopperName(profile);

  const found = await helpdeskRequest(SERVICE, `${base}/api/customers?external_id=${encodeURIComponent(externalId)}`, { method: "GET", headers });
  let customerId = (found.json as { data?: { id?: unknown }[] } | null)?.data?.[0]?.id;
  if (customerId === undefined || customerId === null) {
    const created = await helpdeskRequest(SERVICE, `${base}/api/customers`, {
      method: "POST",
      headers,
      json: { name, external_id: externalId, ...(profile.email ? { email: profile.email } : {}), channels: [{ type: "phone", address: profile.phone, preferred: true }] },
    });
    customerId = (created.json as { id?: unknown } | null)?.id;
    if (customerId === undefined || customerId === null) throw new HelpdeskError("Gorgias created the customer but sent back no id.", { httpStatus: created.status });
  }

  const ticket = await helpdeskRequest(SERVICE, `${base}/api/tickets`, {
    method: "POST",
    headers,
    json: {
      customer: { id: customerId },
      channel: "api",
      via: "api",
      from_agent: false,
      status: "open",
      subject: handoffTicketSubject(payload),
      external_id: `parley-${payload.id}`,
      tags: [{ name: "parley" }, ...payload.conversation.tags.map((tag) => ({ name: tag }))],
      messages: [
        {
          channel: "api",
          via: "api",
          from_agent: false,
          sender: { id: customerId },
          source: { type: "api", from: { address: profile.phone, name } },
          body_text: handoffTicketBody(payload, { withEmail: false }),
        },
      ],
    },
  });
  const id = (ticket.json as { id?: unknown } | null)?.id;
  return { externalId: id === undefined || id === null ? null : String(id), httpStatus: ticket.status };
}

export const gorgiasConnector: HelpdeskConnector = {
  kind: "gorgias",
  label: "Gorgias",
  fields: [
    { name: "baseUrl", isSecret: false, isRequired: true, isDestination: true },
    { name: "email", isSecret: false, isRequired: true },
    { name: "apiKey", isSecret: true, isRequired: true, label: "API key" },
  ],
  validateConfig(creds) {
    const errors: Record<string, string> = {};
    const base = baseUrlError(creds.config.baseUrl, "your Gorgias address", "https://acme.gorgias.com");
    if (base) errors.baseUrl = base;
    const email = creds.config.email?.trim();
    if (!email) errors.email = "Enter the email of the Gorgias account the API key belongs to.";
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = `“${email}” isn’t an email address.`;
    if (!creds.secrets.apiKey) errors.apiKey = "Enter a Gorgias API key (Settings → REST API).";
    return errors;
  },
  deliverHandoff: (payload, creds) => deliver(payload, creds),
  sendTest: (payload, creds) => deliver(payload, creds),
};
