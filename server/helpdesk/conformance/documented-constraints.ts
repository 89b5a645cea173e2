/**
 * The requests each helpdesk documents, as tables written by hand from the services' documentation
 * pages (each row cites its page), and the checker that holds a request to them. A request must
 * match a row's method and path; its query parameters must be ones the row names, within the
 * documented limits (page sizes); its body must carry the row's required fields.
 *
 * A row with `body` (Front's and Zendesk's, front-documented-api.ts and zendesk-documented-api.ts)
 * lists every field Parley may send, with its type and whether it is required; the body is checked
 * against it with Ajv, and a field the row does not list is reported ("ignored": services drop such
 * fields silently, which is how a misspelt field goes unnoticed). Kustomer's and Gorgias's rows
 * below name only required fields and rules: their pages don't list every field in a form this
 * table could hold, so other fields are not checked.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";

export type RecordedRequest = { method: string; path: string; query: Record<string, string>; body: unknown };

/**
 * What is wrong with a request. `refused`: the service answers 4xx (unknown path, a required or
 * ill-typed field, a value out of range). `ignored`: the service accepts the request but drops the
 * part (an undocumented field or query parameter) — the silent kind of wrong.
 */
export type Problem = { kind: "refused" | "ignored"; where: string; message: string };

/** A body field as the documentation describes it. */
export type Field = { required?: boolean; nullable?: boolean } & (
  | { type: "string"; oneOf?: readonly string[] }
  | { type: "integer" | "boolean" }
  | { type: "array"; items: Field }
  | ObjectShape
);
/** An object's fields; `atLeastOneOf`: the object must carry one of these (none of them required alone). */
export type ObjectShape = { type: "object"; fields: Record<string, Field>; atLeastOneOf?: string[] };

/** Builders for the tables: `text()`, `integer()`, `list(text())`, `object({ … })`; `required(field)`. */
export const text = (oneOf?: readonly string[]): Field => ({ type: "string", ...(oneOf ? { oneOf } : {}) });
export const integer = (): Field => ({ type: "integer" });
export const boolean = (): Field => ({ type: "boolean" });
export const list = (items: Field): Field => ({ type: "array", items });
export const object = (fields: Record<string, Field>): ObjectShape => ({ type: "object", fields });
export const required = <F extends Field>(field: F): F => ({ ...field, required: true });

type Query = Record<string, { min?: number; max?: number; integer?: boolean }>;
export type DocumentedRequest = {
  method: "GET" | "POST" | "PUT";
  /** Path template; {name} is one segment. */
  path: string;
  query?: Query;
  /** Every field of the JSON body, typed; a field not listed is reported. */
  body?: ObjectShape;
  /** Required fields of the JSON body, as dotted paths ("messages.0.sender"), for rows without `body`. */
  required?: string[];
  /** Further documented rules on the body, each saying what it checks. */
  rules?: { says: string; holds: (body: any) => boolean }[];
  /** The documentation page the row was written from. */
  doc: string;
  /** What of this row the cited page did not show when the table was written (to check there first). */
  unconfirmed?: string;
};

/** A field as JSON Schema: objects closed to fields they don't list. */
export function jsonSchemaOf(field: Field): Record<string, unknown> {
  const nullable = (type: string) => (field.nullable ? [type, "null"] : type);
  switch (field.type) {
    case "object": {
      const entries = Object.entries(field.fields);
      return {
        type: nullable("object"),
        properties: Object.fromEntries(entries.map(([name, f]) => [name, jsonSchemaOf(f)])),
        required: entries.filter(([, f]) => f.required).map(([name]) => name),
        additionalProperties: false,
        ...(field.atLeastOneOf ? { anyOf: field.atLeastOneOf.map((name) => ({ required: [name] })) } : {}),
      };
    }
    case "array":
      return { type: nullable("array"), items: jsonSchemaOf(field.items) };
    case "string":
      return { type: nullable("string"), ...(field.oneOf ? { enum: field.nullable ? [...field.oneOf, null] : field.oneOf } : {}) };
    default:
      return { type: nullable(field.type) };
  }
}

const kustomerPages = {
  pagination: "https://developer.kustomer.com/docs/concepts/pagination",
  customerByPhone: "https://developer.kustomer.com/api/core-resources/get-customer-by-phone-number",
  quickstart: "https://developer.kustomer.com/docs/get-started/quickstart",
  messageFromConversation: "https://developer.kustomer.com/api/core-resources/create-message-from-conversation",
};

/** "Most lists: 100" (the pagination page's table of page sizes); pages start at 1. */
const kustomerList: Query = { page: { min: 1, integer: true }, pageSize: { min: 1, max: 100, integer: true } };

export const KUSTOMER_REQUESTS: DocumentedRequest[] = [
  { method: "GET", path: "/v1/customers/phone={phone}", doc: kustomerPages.customerByPhone },
  { method: "POST", path: "/v1/customers", doc: kustomerPages.quickstart, rules: [{ says: "phones are objects with a phone", holds: (b) => !b?.phones || (Array.isArray(b.phones) && b.phones.every((p: any) => typeof p?.phone === "string")) }] },
  { method: "PUT", path: "/v1/customers/{id}", doc: kustomerPages.quickstart },
  { method: "POST", path: "/v1/customers/{id}/conversations", doc: kustomerPages.quickstart },
  { method: "POST", path: "/v1/conversations/{id}/tags", required: ["tags"], doc: kustomerPages.quickstart, unconfirmed: "the tags body" },
  { method: "GET", path: "/v1/conversations/{id}/messages", query: kustomerList, doc: kustomerPages.pagination },
  { method: "POST", path: "/v1/conversations/{id}/messages", required: ["channel", "app", "direction"], doc: kustomerPages.messageFromConversation, unconfirmed: "which fields are required" },
  { method: "POST", path: "/v1/conversations/{id}/notes", required: ["body"], doc: kustomerPages.quickstart, unconfirmed: "the note body" },
];

const gorgiasPages = {
  customers: "https://developers.gorgias.com/docs/receive-and-respond-to-tickets-from-a-third-party-app",
  createTicket: "https://developers.gorgias.com/docs/create-a-ticket-using-api",
  incomingMessage: "https://developers.gorgias.com/docs/create-a-new-message-in-ticket-via-api",
  ticketObject: "https://developers.gorgias.com/reference/tickets",
};

export const GORGIAS_REQUESTS: DocumentedRequest[] = [
  // Cursor-paginated lists take `limit` (at most 100) and `cursor`; Parley filters by external_id.
  {
    method: "GET",
    path: "/api/customers",
    query: { external_id: {}, limit: { min: 1, max: 100, integer: true }, cursor: {} },
    doc: gorgiasPages.customers,
    unconfirmed: "the external_id filter and the limit of 100 (Gorgias's List customers reference)",
  },
  { method: "POST", path: "/api/customers", doc: gorgiasPages.customers },
  {
    method: "POST",
    path: "/api/tickets",
    // "no matter which channel you use, the messages object will be required"
    required: ["customer", "channel", "via", "messages.0.channel", "messages.0.via", "messages.0.sender", "messages.0.from_agent"],
    rules: [
      // Incoming messages: "from_agent set to false", "sender must reference a customer", "receiver should not be set".
      { says: "an incoming message (from_agent false) has a sender and no receiver", holds: (b) => (b?.messages ?? []).every((m: any) => m?.from_agent !== false || (m.sender && m.receiver === undefined)) },
    ],
    doc: gorgiasPages.createTicket,
  },
];

function has(body: unknown, dotted: string): boolean {
  let value: unknown = body;
  for (const step of dotted.split(".")) {
    if (value === null || typeof value !== "object") return false;
    value = (value as Record<string, unknown>)[step];
  }
  return value !== undefined && value !== null && value !== "";
}

function matches(template: string, path: string): boolean {
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
  return new RegExp(`^${pattern}$`).test(path);
}

const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, logger: false });

function describeError(error: ErrorObject): { kind: Problem["kind"]; text: string } {
  const at = error.instancePath || "(body)";
  if (error.keyword === "additionalProperties") {
    return { kind: "ignored", text: `${at}: "${(error.params as { additionalProperty: string }).additionalProperty}" is not a documented field` };
  }
  return { kind: "refused", text: `${at}: ${error.message ?? error.keyword}${error.keyword === "enum" ? ` (${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)})` : ""}` };
}

/** Ajv's errors as problems, each once; an unmet atLeastOneOf is said once, not per alternative. */
function bodyProblems(errors: ErrorObject[], where: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    const inAnyOf = /\/anyOf\/\d+\//.test(error.schemaPath);
    if (inAnyOf) continue;
    const d =
      error.keyword === "anyOf"
        ? { kind: "refused" as const, text: `${error.instancePath || "(body)"}: must have one of ${JSON.stringify(((error.parentSchema as { anyOf?: { required: string[] }[] } | undefined)?.anyOf ?? []).flatMap((b) => b.required))}` }
        : describeError(error);
    if (!seen.has(d.text)) {
      seen.add(d.text);
      problems.push({ kind: d.kind, where, message: d.text });
    }
  }
  return problems;
}

export function documentedChecker(table: DocumentedRequest[]) {
  const validators = new Map<DocumentedRequest, ValidateFunction>();
  const validatorFor = (row: DocumentedRequest & { body: ObjectShape }) => {
    let validate = validators.get(row);
    if (!validate) validators.set(row, (validate = ajv.compile({ ...jsonSchemaOf(row.body), $comment: row.doc })));
    return validate;
  };
  return (request: RecordedRequest): Problem[] => {
    const where = `${request.method} ${request.path}`;
    const row = table.find((r) => r.method === request.method && matches(r.path, request.path));
    if (!row) return [{ kind: "refused", where, message: "not a documented path" }];
    const problems: Problem[] = [];
    for (const [name, value] of Object.entries(request.query)) {
      const limit = row.query?.[name];
      if (!limit) {
        problems.push({ kind: "ignored", where, message: `query parameter "${name}" is not documented (${row.doc})` });
        continue;
      }
      const n = Number(value);
      if ((limit.integer && !Number.isInteger(n)) || (limit.min !== undefined && n < limit.min) || (limit.max !== undefined && n > limit.max)) {
        problems.push({ kind: "refused", where, message: `query parameter ${name}=${value} is outside ${limit.min ?? "…"}–${limit.max ?? "…"} (${row.doc})` });
      }
    }
    if (row.body) {
      if (request.body === null || request.body === undefined) problems.push({ kind: "refused", where, message: `the JSON body is required (${row.doc})` });
      else {
        const validate = validatorFor(row as DocumentedRequest & { body: ObjectShape });
        if (!validate(request.body)) problems.push(...bodyProblems(validate.errors ?? [], where));
      }
    }
    for (const field of row.required ?? []) if (!has(request.body, field)) problems.push({ kind: "refused", where, message: `${field} is required (${row.doc})` });
    for (const rule of row.rules ?? []) if (!rule.holds(request.body)) problems.push({ kind: "refused", where, message: `${rule.says} (${row.doc})` });
    return problems;
  };
}
