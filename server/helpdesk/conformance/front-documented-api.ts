/**
 * Front's Core API (https://api2.frontapp.com), as far as Parley's connector uses it
 * (connectors/front.ts): the four operations it sends and, for each, every body field it may set,
 * with the type and whether Front requires it. Written by hand from the reference page each row
 * cites; nothing here is copied from a published definition. A field Parley starts to send must be
 * added here from its page first, or the conformance checks report it.
 */
import { boolean, integer, list, object, required, text, type DocumentedRequest } from "./documented-constraints";

const reference = (page: string) => `https://dev.frontapp.com/reference/${page}`;

export const FRONT_REQUESTS: DocumentedRequest[] = [
  {
    // One text of the transcript into the shopper's SMS thread.
    method: "POST",
    path: "/inboxes/{inbox_id}/imported_messages",
    doc: reference("import-inbox-message"),
    body: object({
      sender: required(object({ handle: required(text()), name: text(), author_id: text() })),
      to: required(list(text())),
      body: required(text()),
      external_id: required(text()),
      /** Seconds since the epoch. */
      created_at: required(integer()),
      type: text(["email", "sms", "intercom", "custom"]),
      metadata: required(object({ is_inbound: required(boolean()), is_archived: boolean(), should_skip_rules: boolean(), thread_ref: text() })),
    }),
  },
  // The imported message (by "alt:uid:<uid>"), whose links name its conversation. No query parameters.
  { method: "GET", path: "/messages/{message_id}", doc: reference("get-message") },
  {
    // Documented as a teammate id; unassigning with null is an allowance (allowances.ts).
    method: "PUT",
    path: "/conversations/{conversation_id}/assignee",
    doc: reference("update-conversation-assignee"),
    body: object({ assignee_id: required(text()) }),
  },
  {
    method: "POST",
    path: "/conversations/{conversation_id}/comments",
    doc: reference("add-comment"),
    body: object({ body: required(text()), author_id: text() }),
  },
];
