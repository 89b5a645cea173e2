/**
 * Kustomer (developer.kustomer.com, Core resources API; `Authorization: Bearer <API key>` on
 * https://<org>.api.kustomerapp.com). A handoff:
 *   1. GET  /v1/customers/phone=<E.164>                 find the shopper (404: none yet)
 *   2. POST /v1/customers                               create them with the phone (and email), or
 *      PUT  /v1/customers/<id>                          update the name / email of the one found
 *   3. POST /v1/customers/<id>/conversations            an open conversation, routed to the configured queue
 *   4. POST /v1/conversations/<id>/tags                 the agent tags (by name; Kustomer creates missing tags):
 *                                                       agent_automated after a handoff, agent_failure on failure
 *   5. POST /v1/conversations/<id>/messages             the transcript, one SMS message per text
 *   6. POST /v1/conversations/<id>/notes                the summary, sentiment and reason for the team
 * A retry after step 3 resumes in the same conversation (its id is the partial result) and skips
 * texts already posted (GET /v1/conversations/<id>/messages, page by page at Kustomer's documented
 * maximum of 100, matched by externalId).
 */
import { HelpdeskError, type HelpdeskConnector, type HandoffPayload, type HelpdeskCredentials, type DeliveryContext } from "./connector";
import { baseUrlError, helpdeskRequest, normalizeBaseUrl, shopperName } from "./http";

const SERVICE = "Kustomer";
/** Kustomer's maximum page size for most lists (developer.kustomer.com/docs/concepts/pagination). */
const PAGE_SIZE = 100;
/** Pages of a conversation's messages read when resuming: 2,000 texts is far beyond any transcript. */
const MAX_PAGES = 20;

function client(creds: HelpdeskCredentials) {
  const base = normalizeBaseUrl(creds.config.baseUrl || "https://api.kustomerapp.com");
  const apiKey = creds.secrets.apiKey;
  if (!base || !apiKey) throw new HelpdeskError("Kustomer is missing its API address or API key; set them in Settings → Helpdesk.", { isRetryable: false });
  const headers = { authorization: `Bearer ${apiKey}` };
  return {
    get: (path: string, accept?: number[]) => helpdeskRequest(SERVICE, `${base}${path}`, { method: "GET", headers, accept }),
    send: (method: "POST" | "PUT", path: string, json: unknown) => helpdeskRequest(SERVICE, `${base}${path}`, { method, headers, json }),
  };
}

const idOf = (json: unknown): string | null => {
  const id = (json as { data?: { id?: unknown } } | null)?.data?.id;
  return typeof id === "string" && id ? id : null;
};

function noteBody(payload: HandoffPayload): string {
  return [
    payload.event === "handoff.test" ? "TEST handoff from Parley (Settings → Helpdesk). Nothing to do." : "Parley’s agent handed this SMS conversation to your team.",
    `Reason: ${payload.escalationReason.replace(/_/g, " ")}`,
    `Sentiment: ${payload.sentiment}`,
    `Summary: ${payload.summary}`,
    `Reply with Parley’s API to text the shopper: ${payload.reply.method} ${payload.reply.url}`,
  ].join("\n");
}

async function deliver(payload: HandoffPayload, creds: HelpdeskCredentials, ctx: DeliveryContext) {
  const api = client(creds);
  const profile = payload.profile;
  const name = shopperName(profile);

  const found = await api.get(`/v1/customers/phone=${encodeURIComponent(profile.phone)}`, [404]);
  let customerId = found.status === 404 ? null : idOf(found.json);
  if (!customerId) {
    const created = await api.send("POST", "/v1/customers", {
      name,
      phones: [{ type: "mobile", phone: profile.phone }],
      ...(profile.email ? { emails: [{ type: "home", email: profile.email }] } : {}),
    });
    customerId = idOf(created.json);
    if (!customerId) throw new HelpdeskError("Kustomer created the customer but sent back no id.", { httpStatus: created.status });
  } else if (profile.firstName || profile.email) {
    await api.send("PUT", `/v1/customers/${customerId}`, { name, ...(profile.email ? { emails: [{ type: "home", email: profile.email }] } : {}) }).catch((error: unknown) => {
      // Updating details is a courtesy: a refused update (e.g. the email belongs to another customer) must not lose the handoff.
      if (error instanceof HelpdeskError && !error.isRetryable) return null;
      throw error;
    });
  }

  let conversationId = ctx.resumeExternalId;
  let lastStatus = 201;
  if (!conversationId) {
    const queueId = creds.config.queueId?.trim();
    const created = await api.send("POST", `/v1/customers/${customerId}/conversations`, {
      name: payload.event === "handoff.test" ? "[Test] SMS handoff from Parley" : `SMS handoff: ${payload.escalationReason.replace(/_/g, " ")}`,
      externalId: `parley-${payload.conversation.id}`,
      status: "open",
      direction: "in",
      ...(queueId ? { queue: { id: queueId } } : {}),
    });
    conversationId = idOf(created.json);
    if (!conversationId) throw new HelpdeskError("Kustomer created the conversation but sent back no id.", { httpStatus: created.status });
  }

  try {
    if (payload.conversation.tags.length) await api.send("POST", `/v1/conversations/${conversationId}/tags`, { tags: payload.conversation.tags });
    const posted = new Set<string>();
    if (ctx.resumeExternalId) {
      const first = `/v1/conversations/${conversationId}/messages`;
      let next: string | null = `${first}?page=1&pageSize=${PAGE_SIZE}`;
      for (let pages = 0; next && pages < MAX_PAGES; pages++) {
        const page = (await api.get(next)).json as { data?: { attributes?: { externalId?: string } }[]; links?: { next?: unknown } } | null;
        for (const m of page?.data ?? []) if (m.attributes?.externalId) posted.add(m.attributes.externalId);
        // links.next is a path on the same API ("/v1/conversations/…/messages?page=2&pageSize=100"), null on the last page.
        const link = page?.links?.next;
        next = typeof link === "string" && link.startsWith(`${first}?`) ? link : null;
      }
    }
    for (const [i, line] of payload.transcript.entries()) {
      const externalId = `parley-${payload.id}-${i}`;
      if (posted.has(externalId)) continue;
      await api.send("POST", `/v1/conversations/${conversationId}/messages`, {
        channel: "sms",
        app: "parley",
        direction: line.direction === "inbound" ? "in" : "out",
        preview: line.body.slice(0, 200),
        meta: { body: line.body, author: line.author },
        externalId,
        sentAt: line.at,
      });
    }
    const note = await api.send("POST", `/v1/conversations/${conversationId}/notes`, { body: noteBody(payload) });
    lastStatus = note.status;
  } catch (error) {
    throw error instanceof HelpdeskError ? error.withPartial(conversationId) : error;
  }
  return { externalId: conversationId, httpStatus: lastStatus };
}

export const kustomerConnector: HelpdeskConnector = {
  kind: "kustomer",
  label: "Kustomer",
  fields: [
    { name: "baseUrl", isSecret: false, isRequired: true, isDestination: true },
    { name: "queueId", isSecret: false, isRequired: false },
    { name: "apiKey", isSecret: true, isRequired: true, label: "API key" },
  ],
  defaults: { baseUrl: "https://api.kustomerapp.com" },
  validateConfig(creds) {
    const errors: Record<string, string> = {};
    const base = baseUrlError(creds.config.baseUrl, "your Kustomer API address", "https://acme.api.kustomerapp.com");
    if (base) errors.baseUrl = base;
    if (creds.config.queueId && !/^[A-Za-z0-9_-]{6,64}$/.test(creds.config.queueId.trim())) {
      errors.queueId = "A Kustomer queue id is letters and digits, e.g. 5f1a2b3c4d5e6f7a8b9c0d1e (Settings → Routing → Queues, in the queue’s address).";
    }
    if (!creds.secrets.apiKey) errors.apiKey = "Enter a Kustomer API key with the customer, conversation, message and note write roles (Settings → Security → API Keys).";
    return errors;
  },
  deliverHandoff: deliver,
  sendTest: (payload, creds) => deliver(payload, creds, { resumeExternalId: null }),
};
