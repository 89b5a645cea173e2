/**
 * Zendesk Support (developer.zendesk.com, Ticketing API on https://<subdomain>.zendesk.com; API token
 * auth: Basic base64("<agent email>/token:<API token>")). A handoff:
 *   1. POST /api/v2/users/create_or_update   the shopper as an end user with their phone, matched on
 *                                            external_id "parley-<profile id>" (so a retry finds them)
 *   2. POST /api/v2/tickets                  a ticket requested by them, the transcript as an internal
 *                                            comment; sent with an Idempotency-Key (the handoff id), so
 *                                            Zendesk creates one ticket however often a retry repeats it
 */
import { HelpdeskError, type HelpdeskConnector, type HandoffPayload, type HelpdeskCredentials } from "./connector";
import { baseUrlError, basicAuth, helpdeskRequest, normalizeBaseUrl, shopperName } from "./http";
import { handoffTicketBody, handoffTicketSubject } from "./ticket-text";

const SERVICE = "Zendesk";

async function deliver(payload: HandoffPayload, creds: HelpdeskCredentials) {
  const base = normalizeBaseUrl(creds.config.baseUrl ?? "");
  const email = creds.config.email?.trim();
  const token = creds.secrets.apiToken;
  if (!base || !email || !token) throw new HelpdeskError("Zendesk is missing its address, agent email or API token; set them in Settings → Helpdesk.", { isRetryable: false });
  const headers = { authorization: basicAuth(`${email}/token`, token) };
  const { profile } = payload;

  const user = await helpdeskRequest(SERVICE, `${base}/api/v2/users/create_or_update`, {
    method: "POST",
    headers,
    json: { user: { name: shopperName(profile), phone: profile.phone, external_id: `parley-${profile.id}`, role: "end-user", ...(profile.email ? { email: profile.email } : {}) } },
  });
  const requesterId = (user.json as { user?: { id?: unknown } } | null)?.user?.id;
  if (typeof requesterId !== "number" && typeof requesterId !== "string") throw new HelpdeskError("Zendesk saved the shopper but sent back no user id.", { httpStatus: user.status });

  const ticket = await helpdeskRequest(SERVICE, `${base}/api/v2/tickets`, {
    method: "POST",
    headers: { ...headers, "Idempotency-Key": `parley-${payload.id}` },
    json: {
      ticket: {
        subject: handoffTicketSubject(payload),
        requester_id: requesterId,
        external_id: `parley-${payload.conversation.id}`,
        priority: payload.sentiment === "negative" ? "high" : "normal",
        tags: ["parley", "sms", ...payload.conversation.tags],
        comment: {
          public: false,
          body: handoffTicketBody(payload, { withEmail: true }),
        },
      },
    },
  });
  const id = (ticket.json as { ticket?: { id?: unknown } } | null)?.ticket?.id;
  return { externalId: id === undefined || id === null ? null : String(id), httpStatus: ticket.status };
}

export const zendeskConnector: HelpdeskConnector = {
  kind: "zendesk",
  label: "Zendesk",
  fields: [
    { name: "baseUrl", isSecret: false, isRequired: true, isDestination: true },
    { name: "email", isSecret: false, isRequired: true },
    { name: "apiToken", isSecret: true, isRequired: true, label: "API token" },
  ],
  validateConfig(creds) {
    const errors: Record<string, string> = {};
    const base = baseUrlError(creds.config.baseUrl, "your Zendesk address", "https://acme.zendesk.com");
    if (base) errors.baseUrl = base;
    const email = creds.config.email?.trim();
    if (!email) errors.email = "Enter the email of the Zendesk agent the API token belongs to.";
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = `“${email}” isn’t an email address.`;
    if (!creds.secrets.apiToken) errors.apiToken = "Enter a Zendesk API token (Admin Center → Apps and integrations → Zendesk API).";
    return errors;
  },
  deliverHandoff: (payload, creds) => deliver(payload, creds),
  sendTest: (payload, creds) => deliver(payload, creds),
};
