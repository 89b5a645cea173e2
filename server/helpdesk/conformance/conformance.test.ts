/**
 * The conformance checks themselves: they pass the requests the connectors send (including the two
 * cited allowances: Front's { assignee_id: null }, Zendesk's user with a phone and no email), and
 * they fail on a wrong field, a wrong path and a wrong query parameter for every service, so the
 * connector tests' afterEach (which fails on any problem) cannot pass vacuously. The loopbacks refuse
 * what the services refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markChecked, startHelpdeskLoopback, type HelpdeskLoopback } from "../../testing/helpdesk-loopback";
import { ALLOWANCES, withAllowances } from "./allowances";
import { documentedChecker, type ObjectShape } from "./documented-constraints";
import { FRONT_REQUESTS } from "./front-documented-api";
import { documentedRequests, helpdeskRequestProblems, type ConformanceService, type RecordedRequest } from "./index";
import { ZENDESK_REQUESTS } from "./zendesk-documented-api";

const req = (method: string, path: string, body: unknown = null, query: Record<string, string> = {}): RecordedRequest => ({ method, path, query, body });
const problems = (service: ConformanceService, r: RecordedRequest) => helpdeskRequestProblems(service, r).map((p) => `${p.kind}: ${p.message}`);

/** What each connector sends today (front.ts, zendesk.ts, kustomer.ts, gorgias.ts), one request per operation. */
const good = {
  front: [
    req("POST", "/inboxes/inb_55c8c149/imported_messages", {
      sender: { handle: "+15555550101", name: "Sam Rivera" },
      to: ["+15555550100"],
      body: "where is my order?",
      external_id: "parley-t1-0",
      created_at: 1767225600,
      type: "sms",
      metadata: { is_inbound: true, is_archived: false, should_skip_rules: true, thread_ref: "parley-p1" },
    }),
    req("GET", "/messages/alt:uid:1eab543f84a0785f7b6b8967cck18f4d"),
    req("PUT", "/conversations/cnv_55c8c149/assignee", { assignee_id: null }),
    req("POST", "/conversations/cnv_55c8c149/comments", { body: "**Parley’s agent handed this conversation to your team.**", author_id: "tea_55c8c149" }),
  ],
  zendesk: [
    req("POST", "/api/v2/users/create_or_update", { user: { name: "Sam Rivera", phone: "+15555550101", external_id: "parley-p1", role: "end-user" } }),
    req("POST", "/api/v2/users/create_or_update", { user: { name: "Sam Rivera", phone: "+15555550101", external_id: "parley-p1", role: "end-user", email: "sam@example.com" } }),
    req("POST", "/api/v2/tickets", { ticket: { subject: "SMS from Sam", requester_id: 360001, external_id: "parley-c1", priority: "high", tags: ["parley", "sms"], comment: { public: false, body: "Transcript…" } } }),
  ],
  kustomer: [
    req("GET", "/v1/customers/phone=+15555550101"),
    req("POST", "/v1/customers", { name: "Sam Rivera", phones: [{ type: "mobile", phone: "+15555550101" }] }),
    req("POST", "/v1/conversations/conv_1/tags", { tags: ["agent_automated"] }),
    req("GET", "/v1/conversations/conv_1/messages", null, { page: "2", pageSize: "100" }),
    req("POST", "/v1/conversations/conv_1/messages", { channel: "sms", app: "parley", direction: "in", preview: "hi", meta: { body: "hi" }, externalId: "x", sentAt: "2026-05-01T14:00:00Z" }),
    req("POST", "/v1/conversations/conv_1/notes", { body: "Summary" }),
  ],
  gorgias: [
    req("GET", "/api/customers", null, { external_id: "parley-p1" }),
    req("POST", "/api/tickets", {
      customer: { id: 501 },
      channel: "api",
      via: "api",
      from_agent: false,
      messages: [{ channel: "api", via: "api", from_agent: false, sender: { id: 501 }, source: { type: "api", from: { address: "+15555550101" } }, body_text: "Transcript" }],
    }),
  ],
} satisfies Record<ConformanceService, RecordedRequest[]>;

describe("helpdesk request conformance", () => {
  for (const [service, requests] of Object.entries(good) as [ConformanceService, RecordedRequest[]][]) {
    it(`${service}: the requests the connector sends conform`, () => {
      for (const r of requests) expect(problems(service, r), `${r.method} ${r.path}`).toEqual([]);
    });
  }

  // The negative cases: one wrong field, one wrong path, one wrong query parameter per service.
  const wrong: [ConformanceService, string, RecordedRequest, RegExp][] = [
    ["front", "field", req("POST", "/conversations/cnv_1/comments", { body: "x", pinned: true }), /ignored: \(body\): "pinned" is not a documented field/],
    ["front", "renamed field", req("POST", "/inboxes/inb_1/imported_messages", { ...(good.front[0]!.body as object), metadata: { is_inbound: true, archived: false } }), /ignored: \/metadata: "archived" is not a documented field/],
    ["front", "missing field", req("POST", "/conversations/cnv_1/comments", { author_id: "tea_1" }), /refused: \(body\): must have required property 'body'/],
    ["front", "field type", req("POST", "/inboxes/inb_1/imported_messages", { ...(good.front[0]!.body as object), created_at: "2026-05-01" }), /refused: \/created_at: must be integer/],
    ["front", "path", req("PUT", "/conversations/cnv_1/assignees", { assignee_id: null }), /refused: not a documented path/],
    ["front", "query", req("GET", "/messages/msg_1", null, { format: "eml" }), /ignored: query parameter "format" is not documented/],
    ["zendesk", "field", req("POST", "/api/v2/users/create_or_update", { user: { name: "Sam", phone_number: "+15555550101", external_id: "parley-p1" } }), /ignored: \/user: "phone_number" is not a documented field/],
    ["zendesk", "enum", req("POST", "/api/v2/tickets", { ticket: { requester_id: 1, priority: "asap", comment: { body: "x" } } }), /refused: \/ticket\/priority: must be equal to one of the allowed values/],
    ["zendesk", "required", req("POST", "/api/v2/tickets", { ticket: { requester_id: 1, subject: "no comment" } }), /refused: \/ticket: must have required property 'comment'/],
    ["zendesk", "path", req("POST", "/api/v2/users/create_or_update.json", { user: { name: "Sam", external_id: "p" } }), /refused: not a documented path/],
    ["zendesk", "query", req("POST", "/api/v2/tickets", good.zendesk[2]!.body, { async: "true" }), /ignored: query parameter "async" is not documented/],
    ["kustomer", "page size", req("GET", "/v1/conversations/conv_1/messages", null, { pageSize: "500" }), /refused: query parameter pageSize=500 is outside 1–100/],
    ["kustomer", "query", req("GET", "/v1/conversations/conv_1/messages", null, { limit: "50" }), /ignored: query parameter "limit" is not documented/],
    ["kustomer", "path", req("GET", "/v1/customers/phone/+15555550101"), /refused: not a documented path/],
    ["kustomer", "field", req("POST", "/v1/conversations/conv_1/notes", { text: "Summary" }), /refused: body is required/],
    ["gorgias", "field", req("POST", "/api/tickets", { customer: { id: 1 }, channel: "api", via: "api", messages: [] }), /refused: messages\.0\.channel is required/],
    ["gorgias", "path", req("POST", "/api/ticket", good.gorgias[1]!.body), /refused: not a documented path/],
    ["gorgias", "query", req("GET", "/api/customers", null, { phone: "+15555550101" }), /ignored: query parameter "phone" is not documented/],
  ];
  for (const [service, what, request, expected] of wrong) {
    it(`${service}: a wrong ${what} is reported`, () => {
      expect(problems(service, request).join("\n")).toMatch(expected);
    });
  }

  it("Front's unassign with null passes only by its cited allowance", () => {
    const unassign = good.front[2]!;
    expect(documentedChecker(FRONT_REQUESTS)(unassign).map((p) => p.message)).toEqual(["/assignee_id: must be string"]);
    expect(problems("front", unassign)).toEqual([]);
    // Null only: any other type is still wrong.
    expect(problems("front", req("PUT", "/conversations/cnv_1/assignee", { assignee_id: 42 }))).toEqual(["refused: /assignee_id: must be string,null"]);
  });

  it("Zendesk's user with a phone and no email passes only by its cited allowance", () => {
    const [withoutEmail, withEmail] = good.zendesk as [RecordedRequest, RecordedRequest];
    expect(documentedChecker(ZENDESK_REQUESTS)(withoutEmail).map((p) => p.message)).toEqual(["/user: must have required property 'email'", '/user: "phone" is not a documented field']);
    expect(problems("zendesk", withoutEmail)).toEqual([]);
    expect(problems("zendesk", withEmail)).toEqual([]);
    expect(problems("zendesk", req("POST", "/api/v2/users/create_or_update", { user: { name: "Sam", phone: 15555550101, external_id: "p" } }))).toEqual(["refused: /user/phone: must be string"]);
    // Without an email, the external_id identifies the user; with neither there is nothing to match on.
    expect(problems("zendesk", req("POST", "/api/v2/users/create_or_update", { user: { name: "Sam", phone: "+15555550101" } }))).toEqual(['refused: /user: must have one of ["email","external_id"]']);
  });

  it("each allowance cites its page and reason, and stops loading when the definition no longer reads as it expects", () => {
    expect(ALLOWANCES.map((a) => [a.service, a.operation])).toEqual([
      ["front", "PUT /conversations/{conversation_id}/assignee"],
      ["zendesk", "POST /api/v2/users/create_or_update"],
    ]);
    for (const a of ALLOWANCES) {
      expect(a.doc).toMatch(a.service === "front" ? /^https:\/\/dev\.frontapp\.com\/reference\// : /^https:\/\/developer\.zendesk\.com\/api-reference\//);
      expect(a.reason).toMatch(/\S.{20,}\.$/);
    }
    const retyped = structuredClone(FRONT_REQUESTS);
    (retyped.find((r) => r.method === "PUT")!.body as ObjectShape).fields.assignee_id = { type: "integer", required: true };
    expect(() => withAllowances(retyped, "front")).toThrow(/assignee_id is not .* any more/);
    const withPhone = structuredClone(ZENDESK_REQUESTS);
    ((withPhone[0]!.body as ObjectShape).fields.user as ObjectShape).fields.phone = { type: "string" };
    expect(() => withAllowances(withPhone, "zendesk")).toThrow(/phone is not absent any more/);
  });

  it("every Front and Zendesk operation cites the documentation page it was written from", () => {
    for (const row of documentedRequests("front")) expect(row.doc, `${row.method} ${row.path}`).toMatch(/^https:\/\/dev\.frontapp\.com\/reference\/[a-z-]+$/);
    for (const row of documentedRequests("zendesk")) expect(row.doc, `${row.method} ${row.path}`).toMatch(/^https:\/\/developer\.zendesk\.com\/api-reference\/ticketing\/[a-z/-]+\/#[a-z-]+$/);
  });
});

describe("the loopbacks refuse what the services refuse", () => {
  const loopbacks: Partial<Record<"zendesk" | "front" | "kustomer", HelpdeskLoopback>> = {};
  beforeAll(async () => {
    loopbacks.zendesk = await startHelpdeskLoopback("zendesk");
    loopbacks.front = await startHelpdeskLoopback("front");
    loopbacks.kustomer = await startHelpdeskLoopback("kustomer");
  });
  afterAll(async () => {
    await Promise.all(Object.values(loopbacks).map((l) => l.close()));
  });
  const send = async (l: HelpdeskLoopback, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${l.url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    markChecked(l);
    return { status: res.status, json: await res.json().catch(() => null) };
  };

  it("Zendesk: a ticket without its comment is 422 RecordInvalid; a wrong priority too", async () => {
    expect(await send(loopbacks.zendesk!, "POST", "/api/v2/tickets", { ticket: { requester_id: 1, subject: "x" } })).toMatchObject({ status: 422, json: { error: "RecordInvalid" } });
    expect((await send(loopbacks.zendesk!, "POST", "/api/v2/tickets", { ticket: { requester_id: 1, priority: "asap", comment: { body: "x" } } })).status).toBe(422);
  });

  it("Front: an import with an ill-typed field is 400; an undocumented field is accepted and recorded (Front ignores it)", async () => {
    addInbox(loopbacks.front!);
    expect((await send(loopbacks.front!, "POST", "/inboxes/inb_1/imported_messages", { ...(good.front[0]!.body as object), created_at: "yesterday" })).status).toBe(400);
    expect((await send(loopbacks.front!, "POST", "/inboxes/inb_1/imported_messages", { ...(good.front[0]!.body as object), threadRef: "x" })).status).toBe(202);
    expect(loopbacks.front!.requests.at(-1)!.problems).toEqual([expect.objectContaining({ kind: "ignored", message: '(body): "threadRef" is not a documented field' })]);
  });

  it("Kustomer: a page size over 100 is 400", async () => {
    expect(await send(loopbacks.kustomer!, "GET", "/v1/conversations/conv_1/messages?pageSize=500")).toMatchObject({ status: 400, json: { errors: [expect.objectContaining({ status: 400 })] } });
  });
});

function addInbox(l: HelpdeskLoopback) {
  (l.store.inboxes ??= []).push({ id: "inb_1", name: "SMS" });
}
