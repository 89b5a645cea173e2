/**
 * Front (dev.frontapp.com, Core API on https://api2.frontapp.com; `Authorization: Bearer <API token>`).
 * A handoff:
 *   1. POST /inboxes/<inbox>/imported_messages     each text of the transcript into the shopper's SMS thread
 *                                                  (type "sms", metadata.thread_ref "parley-<profile id>" keeps
 *                                                  one thread per shopper; external_id makes a re-import a no-op)
 *   2. GET  /messages/alt:uid:<message_uid>         the imported message, whose _links name its conversation
 *                                                  (imports are asynchronous: a 404 is retried briefly)
 *   3. PUT  /conversations/<id>/assignee            { assignee_id: null }: the AI teammate lets go, a rep picks it up
 *   4. POST /conversations/<id>/comments            an internal comment with the summary, sentiment and reason
 * A rep's reply comes back through Front's application webhook (outbound_sent) to
 * /api/helpdesk/front/<connection id>, verified with the app's signing secret (see front-webhook.ts).
 */
import { HelpdeskError, type HelpdeskConnector, type HandoffPayload, type HelpdeskCredentials, type DeliveryContext } from "./connector";
import { baseUrlError, helpdeskRequest, normalizeBaseUrl, shopperName } from "./http";

const SERVICE = "Front";
const LOOKUP_TRIES = 6;
const LOOKUP_WAIT_MS = 300;

export function frontClient(creds: HelpdeskCredentials) {
  const base = normalizeBaseUrl(creds.config.baseUrl || "https://api2.frontapp.com");
  const token = creds.secrets.apiToken;
  if (!base || !token) throw new HelpdeskError("Front is missing its API address or API token; set them in Settings → Helpdesk.", { isRetryable: false });
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: (path: string, accept?: number[]) => helpdeskRequest(SERVICE, `${base}${path}`, { method: "GET", headers, accept }),
    send: (method: "POST" | "PUT", path: string, json: unknown, accept?: number[]) => helpdeskRequest(SERVICE, `${base}${path}`, { method, headers, json, accept }),
  };
}

/** "https://api2.frontapp.com/conversations/cnv_55c8c149" → "cnv_55c8c149". */
function conversationIdOf(message: unknown): string | null {
  const link = (message as { _links?: { related?: { conversation?: unknown } } } | null)?._links?.related?.conversation;
  const match = typeof link === "string" ? link.match(/\/conversations\/([^/?#]+)/) : null;
  return match?.[1] ?? null;
}

function commentBody(payload: HandoffPayload): string {
  return [
    payload.event === "handoff.test" ? "**Test handoff from Parley** (Settings → Helpdesk). Nothing to do." : "**Parley’s agent handed this conversation to your team.**",
    `Reason: ${payload.escalationReason.replace(/_/g, " ")}`,
    `Sentiment: ${payload.sentiment}`,
    `Summary: ${payload.summary}`,
    "Reply here: your reply reaches the shopper as a text from Parley.",
  ].join("\n\n");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function deliver(payload: HandoffPayload, creds: HelpdeskCredentials, ctx: DeliveryContext) {
  const api = frontClient(creds);
  const inboxId = creds.config.inboxId?.trim();
  if (!inboxId) throw new HelpdeskError("Front has no inbox set; choose one in Settings → Helpdesk.", { isRetryable: false });
  const aiTeammateId = creds.config.aiTeammateId?.trim() || null;
  const { profile, brand } = payload;

  let lastUid: string | null = null;
  for (const [i, line] of payload.transcript.entries()) {
    const isInbound = line.direction === "inbound";
    const imported = await api.send(
      "POST",
      `/inboxes/${inboxId}/imported_messages`,
      {
        sender: isInbound ? { handle: profile.phone, name: shopperName(profile) } : { handle: brand.smsNumber, name: brand.name, ...(aiTeammateId ? { author_id: aiTeammateId } : {}) },
        to: [isInbound ? brand.smsNumber : profile.phone],
        body: line.body,
        external_id: `parley-${payload.id}-${i}`,
        created_at: Math.floor(new Date(line.at).getTime() / 1000),
        type: "sms",
        metadata: { is_inbound: isInbound, is_archived: false, should_skip_rules: true, thread_ref: `parley-${profile.id}` },
      },
      // Front refuses a second import with the same external_id: on a retry, that text is already there.
      [409],
    );
    const uid = (imported.json as { message_uid?: unknown } | null)?.message_uid;
    if (typeof uid === "string") lastUid = uid;
  }

  let conversationId = ctx.resumeExternalId;
  if (!conversationId) {
    if (!lastUid) throw new HelpdeskError("Front accepted the transcript but named no imported message to find the conversation by.");
    for (let tries = 1; !conversationId; tries++) {
      const found = await api.get(`/messages/alt:uid:${encodeURIComponent(lastUid)}`, [404]);
      conversationId = found.status === 404 ? null : conversationIdOf(found.json);
      if (conversationId) break;
      if (tries >= LOOKUP_TRIES) throw new HelpdeskError("Front has not filed the imported texts into a conversation yet; Parley will try again.", { httpStatus: found.status });
      await sleep(LOOKUP_WAIT_MS * tries);
    }
  }

  try {
    await api.send("PUT", `/conversations/${conversationId}/assignee`, { assignee_id: null });
    const comment = await api.send("POST", `/conversations/${conversationId}/comments`, { body: commentBody(payload), ...(aiTeammateId ? { author_id: aiTeammateId } : {}) });
    return { externalId: conversationId, httpStatus: comment.status };
  } catch (error) {
    throw error instanceof HelpdeskError ? error.withPartial(conversationId) : error;
  }
}

export const frontConnector: HelpdeskConnector = {
  kind: "front",
  label: "Front",
  fields: [
    { name: "baseUrl", isSecret: false, isRequired: true, isDestination: true },
    { name: "inboxId", isSecret: false, isRequired: true },
    { name: "aiTeammateId", isSecret: false, isRequired: false },
    { name: "apiToken", isSecret: true, isRequired: true, label: "API token" },
    { name: "appSecret", isSecret: true, isRequired: true, label: "app signing secret", isInboundOnly: true },
  ],
  defaults: { baseUrl: "https://api2.frontapp.com" },
  validateConfig(creds) {
    const errors: Record<string, string> = {};
    const base = baseUrlError(creds.config.baseUrl, "Front’s API address", "https://api2.frontapp.com");
    if (base) errors.baseUrl = base;
    const inbox = creds.config.inboxId?.trim();
    if (!inbox) errors.inboxId = "Enter the id of the Front inbox handoffs go to, e.g. inb_55c8c149 (Settings → Inboxes, or GET /inboxes).";
    else if (!/^inb_[A-Za-z0-9]+$/.test(inbox)) errors.inboxId = `“${inbox}” isn’t a Front inbox id; they start with inb_, e.g. inb_55c8c149.`;
    const teammate = creds.config.aiTeammateId?.trim();
    if (teammate && !/^tea_[A-Za-z0-9]+$/.test(teammate)) errors.aiTeammateId = `“${teammate}” isn’t a Front teammate id; they start with tea_, e.g. tea_55c8c149.`;
    if (!creds.secrets.apiToken) errors.apiToken = "Enter a Front API token that can import messages and write conversations (Settings → Developers → API tokens).";
    if (!creds.secrets.appSecret) errors.appSecret = "Enter your Front app’s signing secret (Settings → Developers → your app → Basic information), so Parley can trust replies Front sends.";
    return errors;
  },
  deliverHandoff: deliver,
  sendTest: (payload, creds) => deliver(payload, creds, { resumeExternalId: null }),
};
