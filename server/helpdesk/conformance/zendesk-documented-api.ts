/**
 * Zendesk's Ticketing (Support) API (https://<subdomain>.zendesk.com), as far as Parley's connector
 * uses it (connectors/zendesk.ts): the two operations it sends and, for each, every body field it
 * may set, with the type and whether Zendesk requires it. Written by hand from the reference page
 * each row cites; nothing here is copied from a published definition. A field Parley starts to send
 * must be added here from its page first, or the conformance checks report it.
 */
import { boolean, integer, list, object, required, text, type DocumentedRequest } from "./documented-constraints";

const reference = (page: string) => `https://developer.zendesk.com/api-reference/ticketing/${page}`;

export const ZENDESK_REQUESTS: DocumentedRequest[] = [
  {
    // The shopper as an end user. The page's create input requires a name and an email; Parley's
    // user without an email but with a phone is an allowance (allowances.ts).
    method: "POST",
    path: "/api/v2/users/create_or_update",
    doc: reference("users/users/#create-or-update-user"),
    body: object({
      user: required(object({ name: required(text()), email: required(text()), external_id: text(), role: text(["end-user", "agent", "admin"]) })),
    }),
  },
  {
    // A ticket the shopper requested, the transcript as its first (private) comment.
    method: "POST",
    path: "/api/v2/tickets",
    doc: reference("tickets/tickets/#create-ticket"),
    body: object({
      ticket: required(
        object({
          subject: text(),
          requester_id: integer(),
          external_id: text(),
          priority: text(["urgent", "high", "normal", "low"]),
          tags: list(text()),
          comment: required(object({ body: text(), public: boolean() })),
        }),
      ),
    }),
  },
];
