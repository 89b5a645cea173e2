/**
 * Where Parley knowingly departs from its hand-written definition of a service's request
 * (front-documented-api.ts, zendesk-documented-api.ts): each allowance names the operation, the
 * documentation page it rests on and why the departure is fine, and amends only that operation's
 * body. Applying one checks the definition still reads as the allowance expects (the field it widens
 * is there, with the type it had), so an edited definition fails loudly instead of allowing more.
 */
import type { DocumentedRequest, Field, ObjectShape } from "./documented-constraints";

export type Allowance = {
  service: "front" | "zendesk";
  /** "METHOD path-template" of the operation it amends. */
  operation: string;
  /** What it allows, in a few words. */
  allows: string;
  /** The documentation page that supports it. */
  doc: string;
  /** Why, in one line. */
  reason: string;
  amend(body: ObjectShape): void;
};

/** The object field `name` of `shape`; throws when the definition no longer has it as an object. */
function objectField(shape: ObjectShape, name: string): ObjectShape {
  const field = shape.fields[name];
  if (field?.type !== "object") throw new Error(`allowance: ${name} is no longer an object in the definition`);
  return field;
}

function expectField(shape: ObjectShape, name: string, expected: Partial<Field> | undefined): void {
  const field = shape.fields[name];
  const holds = expected === undefined ? field === undefined : field !== undefined && Object.entries(expected).every(([k, v]) => (field as Record<string, unknown>)[k] === v);
  if (!holds) throw new Error(`allowance: the definition's ${name} is not ${expected === undefined ? "absent" : JSON.stringify(expected)} any more; review the allowance`);
}

export const ALLOWANCES: Allowance[] = [
  {
    service: "front",
    operation: "PUT /conversations/{conversation_id}/assignee",
    allows: "assignee_id: null, to unassign",
    doc: "https://dev.frontapp.com/reference/update-conversation-assignee",
    reason: "The page types assignee_id as a teammate id but describes null as the way to unassign; Parley's AI teammate lets go of the conversation that way.",
    amend(body) {
      expectField(body, "assignee_id", { type: "string", required: true });
      body.fields.assignee_id = { ...body.fields.assignee_id!, nullable: true };
    },
  },
  {
    service: "zendesk",
    operation: "POST /api/v2/users/create_or_update",
    allows: "a user with a phone and no email, matched on external_id",
    doc: "https://developer.zendesk.com/api-reference/ticketing/users/users/#create-or-update-user",
    reason: "The page matches an existing user by email or external id, and the User object on it documents phone as writable; a shopper is known by phone and often has no email.",
    amend(body) {
      const user = objectField(body, "user");
      expectField(user, "email", { type: "string", required: true });
      expectField(user, "external_id", { type: "string" });
      expectField(user, "phone", undefined);
      user.fields.email = { ...user.fields.email!, required: false };
      user.fields.phone = { type: "string" };
      user.atLeastOneOf = ["email", "external_id"];
    },
  },
];

/** A copy of the service's definition with its allowances applied; throws when one no longer fits it. */
export function withAllowances(table: DocumentedRequest[], service: Allowance["service"]): DocumentedRequest[] {
  const copy = structuredClone(table);
  for (const allowance of ALLOWANCES.filter((a) => a.service === service)) {
    const row = copy.find((r) => `${r.method} ${r.path}` === allowance.operation);
    if (!row?.body) throw new Error(`allowance "${allowance.allows}": ${allowance.operation} is not in the ${service} definition`);
    allowance.amend(row.body);
  }
  return copy;
}
