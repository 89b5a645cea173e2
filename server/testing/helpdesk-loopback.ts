/**
 * Helpdesk-compatible HTTP servers on loopback for tests: each speaks the documented API shape of
 * one service (the generic webhook receiver, Kustomer, Front, Zendesk, Gorgias) closely enough for
 * Parley's connectors: it checks the auth header the service expects, keeps the customers,
 * conversations and tickets it was sent, answers with the service's JSON (ids, 201/202/204, error
 * bodies), records every request, and can be told to fail (the next N requests, or all of them).
 * Point a connection's config.baseUrl (config.url for the webhook) at `url`.
 *
 * Each request is checked against what its service documents (server/helpdesk/conformance: our
 * hand-written Front and Zendesk definitions, Kustomer's and Gorgias's documented constraints) and refused
 * the way the service refuses it: a missing or ill-typed field is Front's 400, Zendesk's 422
 * RecordInvalid, Kustomer's and Gorgias's 400; a Kustomer page size over 100 is a 400. Fields a
 * service would silently ignore are accepted, as the service does; every problem is kept on the
 * request's record (`problems`), and `newNonconformingRequests` lists them for the tests to fail on.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { helpdeskRequestProblems, type Problem } from "../helpdesk/conformance";

export type HelpdeskService = "webhook" | "kustomer" | "front" | "zendesk" | "gorgias";

export type RecordedHelpdeskRequest = {
  method: string;
  /** The path without the query string, e.g. "/v1/customers/phone=+15555550123". */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  authorized: boolean;
  rawBody: string;
  body: unknown;
  /** What the loopback answered. */
  status: number;
  at: string;
  /** Where the request departs from what the service documents (empty when it conforms). */
  problems: Problem[];
};

export type HelpdeskLoopbackAuth =
  /** Kustomer, Front: Authorization: Bearer <token>. */
  | { bearer: string }
  /** Zendesk ("<email>/token", token), Gorgias (email, API key): Authorization: Basic. */
  | { basic: { user: string; password: string } };

type Failure = { status: number; body?: unknown; headers?: Record<string, string>; path?: string; skip: number };

export type HelpdeskLoopback = {
  service: HelpdeskService;
  url: string;
  requests: RecordedHelpdeskRequest[];
  /** The records the service keeps (customers, conversations, tickets, messages…), by kind. */
  store: Record<string, Record<string, unknown>[]>;
  /**
   * The next `times` requests (to paths starting with `path`, when given; after letting `skip` of
   * them through) answer `status` with the service's error body.
   */
  failNext(status: number, times?: number, opts?: { path?: string; body?: unknown; headers?: Record<string, string>; skip?: number }): void;
  /**
   * The next `times` requests answer 429 Too Many Requests with `Retry-After: <seconds>`, as
   * Zendesk (and Kustomer, per customer) do when a rate limit is reached.
   */
  rateLimitNext(retryAfterSeconds: number, times?: number, opts?: { path?: string }): void;
  /** Every request since the loopback started (reset() empties `requests`, not this). */
  history: readonly RecordedHelpdeskRequest[];
  /** Every request answers `status` until called with null (the service is down). */
  setDown(status: number | null): void;
  /** What the webhook receiver answers on success (status and JSON body). */
  setWebhookAnswer(status: number, body?: unknown): void;
  reset(): void;
  close(): Promise<void>;
};

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = (req: { method: string; path: string; query: URLSearchParams; body: any; headers: http.IncomingHttpHeaders }) => Reply;

function errorBody(service: HelpdeskService, status: number, message: string): unknown {
  switch (service) {
    case "kustomer":
      return { errors: [{ status, code: status === 401 ? "unauthorized" : "error", title: message }] };
    case "front":
      return { _error: { status, title: http.STATUS_CODES[status] ?? "Error", message } };
    case "zendesk":
      return status === 401 ? { error: "Couldn't authenticate you" } : { error: http.STATUS_CODES[status] ?? "Error", description: message };
    case "gorgias":
      return { error: { msg: message }, message };
    case "webhook":
      return { message };
  }
}

/** How each service refuses a request its API rejects (a missing, ill-typed or out-of-range field). */
function refusalOf(service: HelpdeskService, message: string): Reply {
  switch (service) {
    case "zendesk":
      return { status: 422, body: { error: "RecordInvalid", description: "Record validation errors", details: { base: [{ description: message }] } } };
    case "front":
      return { status: 400, body: { _error: { status: 400, title: "Bad request", message } } };
    default:
      return { status: 400, body: errorBody(service, 400, message) };
  }
}

export async function startHelpdeskLoopback(service: HelpdeskService, opts: { auth?: HelpdeskLoopbackAuth; port?: number } = {}): Promise<HelpdeskLoopback> {
  const requests: RecordedHelpdeskRequest[] = [];
  const history: RecordedHelpdeskRequest[] = [];
  const failures: Failure[] = [];
  let down: number | null = null;
  let webhookAnswer: Reply = { status: 200, body: { received: true } };
  const store: Record<string, Record<string, unknown>[]> = {};
  const table = (name: string) => (store[name] ??= []);
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}${(++seq).toString().padStart(4, "0")}`;
  let url = "";

  const isAuthorized = (headers: http.IncomingHttpHeaders) => {
    if (!opts.auth) return true;
    const header = headers.authorization ?? "";
    if ("bearer" in opts.auth) return header === `Bearer ${opts.auth.bearer}`;
    const match = header.match(/^Basic (.+)$/);
    return Boolean(match) && Buffer.from(match![1]!, "base64").toString() === `${opts.auth.basic.user}:${opts.auth.basic.password}`;
  };

  const handlers: Record<HelpdeskService, Handler> = {
    webhook: () => webhookAnswer,

    // developer.kustomer.com: resources wrapped as { data: { type, id, attributes } }.
    kustomer: ({ method, path, query, body }) => {
      const wrap = (type: string, row: Record<string, unknown>) => ({ data: { type, id: row.id, attributes: { ...row, id: undefined } } });
      let m: RegExpMatchArray | null;
      if (method === "GET" && (m = path.match(/^\/v1\/customers\/phone=(.+)$/))) {
        const phone = decodeURIComponent(m[1]!);
        const found = table("customers").find((c) => (c.phones as { phone: string }[] | undefined)?.some((p) => p.phone === phone));
        return found ? { status: 200, body: wrap("customer", found) } : { status: 404, body: errorBody("kustomer", 404, "Not Found") };
      }
      if (method === "POST" && path === "/v1/customers") {
        const row = { id: nextId("cus_"), ...body };
        table("customers").push(row);
        return { status: 201, body: wrap("customer", row) };
      }
      if (method === "PUT" && (m = path.match(/^\/v1\/customers\/([^/]+)$/))) {
        const row = table("customers").find((c) => c.id === m![1]);
        if (!row) return { status: 404, body: errorBody("kustomer", 404, "Not Found") };
        Object.assign(row, body);
        return { status: 200, body: wrap("customer", row) };
      }
      if (method === "POST" && (m = path.match(/^\/v1\/customers\/([^/]+)\/conversations$/))) {
        if (!table("customers").some((c) => c.id === m![1])) return { status: 404, body: errorBody("kustomer", 404, "Customer not found") };
        const row = { id: nextId("conv_"), customer: m[1], tags: [] as string[], ...body };
        table("conversations").push(row);
        return { status: 201, body: wrap("conversation", row) };
      }
      const conversation = (id: string) => table("conversations").find((c) => c.id === id);
      if ((m = path.match(/^\/v1\/conversations\/([^/]+)\/(tags|messages|notes)$/))) {
        const row = conversation(m[1]!);
        if (!row) return { status: 404, body: errorBody("kustomer", 404, "Conversation not found") };
        if (m[2] === "tags" && method === "POST") {
          // Tags by name; a tag already on the conversation is not added twice.
          row.tags = [...new Set([...(row.tags as string[]), ...((body?.tags as string[]) ?? [])])];
          return { status: 200, body: wrap("conversation", row) };
        }
        if (m[2] === "messages" && method === "GET") {
          // Page-number pagination (developer.kustomer.com/docs/concepts/pagination): page from 1,
          // pageSize (default 100 here), links.next until the last page.
          const page = Number(query.get("page") ?? 1);
          const pageSize = Number(query.get("pageSize") ?? 100);
          const all = table("messages").filter((x) => x.conversation === row.id);
          const data = all.slice((page - 1) * pageSize, page * pageSize).map((x) => ({ type: "message", id: x.id, attributes: { ...x, id: undefined } }));
          const next = page * pageSize < all.length ? `${path}?page=${page + 1}&pageSize=${pageSize}` : null;
          return { status: 200, body: { meta: { page, pageSize }, links: { self: `${path}?page=${page}&pageSize=${pageSize}`, next }, data } };
        }
        if (method === "POST") {
          const item = { id: nextId(m[2] === "messages" ? "msg_" : "note_"), conversation: row.id, ...body };
          table(m[2]!).push(item);
          return { status: 201, body: wrap(m[2] === "messages" ? "message" : "note", item) };
        }
      }
      return { status: 404, body: errorBody("kustomer", 404, "Not Found") };
    },

    // dev.frontapp.com: imports are accepted (202) and filed by metadata.thread_ref; external_id is unique.
    front: ({ method, path, body }) => {
      let m: RegExpMatchArray | null;
      const message = (row: Record<string, unknown>) => ({
        _links: { self: `${url}/messages/${row.id}`, related: { conversation: `${url}/conversations/${row.conversation}` } },
        id: row.id,
        type: row.type,
        is_inbound: (row.metadata as { is_inbound?: boolean } | undefined)?.is_inbound ?? false,
        created_at: row.created_at,
        body: row.body,
        text: row.body,
      });
      if (method === "POST" && (m = path.match(/^\/inboxes\/([^/]+)\/imported_messages$/))) {
        if (!table("inboxes").some((i) => i.id === m![1])) return { status: 404, body: errorBody("front", 404, `Inbox ${m[1]} not found`) };
        const existing = table("messages").find((x) => x.external_id === body?.external_id);
        if (existing) return { status: 202, body: { status: "accepted", message_uid: existing.uid } };
        const threadRef = (body?.metadata as { thread_ref?: string } | undefined)?.thread_ref ?? nextId("thread_");
        let conv = table("conversations").find((c) => c.thread_ref === threadRef && c.inbox === m![1]);
        if (!conv) table("conversations").push((conv = { id: nextId("cnv_"), inbox: m[1], thread_ref: threadRef, assignee: "tea_ai", comments: [] }));
        const row = { id: nextId("msg_"), uid: nextId("uid_"), conversation: conv.id, ...body };
        table("messages").push(row);
        return { status: 202, body: { status: "accepted", message_uid: row.uid } };
      }
      if (method === "GET" && (m = path.match(/^\/messages\/alt:uid:(.+)$/))) {
        const row = table("messages").find((x) => x.uid === decodeURIComponent(m![1]!));
        return row ? { status: 200, body: message(row) } : { status: 404, body: errorBody("front", 404, "Message not found") };
      }
      if (method === "GET" && (m = path.match(/^\/messages\/([^/]+)$/))) {
        const row = table("messages").find((x) => x.id === m![1]);
        return row ? { status: 200, body: { ...message(row), author: row.author ?? null } } : { status: 404, body: errorBody("front", 404, "Message not found") };
      }
      if ((m = path.match(/^\/conversations\/([^/]+)\/(assignee|comments)$/))) {
        const conv = table("conversations").find((c) => c.id === m![1]);
        if (!conv) return { status: 404, body: errorBody("front", 404, "Conversation not found") };
        if (m[2] === "assignee" && method === "PUT") {
          conv.assignee = body?.assignee_id ?? null;
          return { status: 204 };
        }
        if (m[2] === "comments" && method === "POST") {
          const comment = { id: nextId("com_"), body: body?.body, author_id: body?.author_id ?? null };
          (conv.comments as unknown[]).push(comment);
          return { status: 201, body: { _links: { self: `${url}/comments/${comment.id}` }, ...comment, posted_at: Date.now() / 1000 } };
        }
      }
      return { status: 404, body: errorBody("front", 404, "Not found") };
    },

    // developer.zendesk.com: { user } / { ticket }; create_or_update matches external_id; Idempotency-Key replays.
    zendesk: ({ method, path, body, headers }) => {
      if (method === "POST" && path === "/api/v2/users/create_or_update") {
        const user = body?.user ?? {};
        const existing = table("users").find((u) => user.external_id && u.external_id === user.external_id);
        if (existing) {
          Object.assign(existing, user);
          return { status: 200, body: { user: existing } };
        }
        const row = { id: 360000 + ++seq, ...user };
        table("users").push(row);
        return { status: 201, body: { user: row } };
      }
      if (method === "POST" && path === "/api/v2/tickets") {
        const key = headers["idempotency-key"];
        const replay = key ? table("tickets").find((t) => t.idempotencyKey === key) : undefined;
        if (replay) return { status: 201, body: { ticket: { ...replay, idempotencyKey: undefined } }, headers: { "x-idempotency-lookup": "hit" } };
        const ticket = body?.ticket ?? {};
        if (!table("users").some((u) => u.id === ticket.requester_id)) return { status: 422, body: { error: "RecordInvalid", description: "Record validation errors", details: { requester: [{ description: "Requester is invalid" }] } } };
        const row = { id: 1000 + ++seq, status: "new", ...ticket, idempotencyKey: key };
        table("tickets").push(row);
        const lookup: Record<string, string> = key ? { "x-idempotency-lookup": "miss" } : {};
        return { status: 201, body: { ticket: { ...row, idempotencyKey: undefined } }, headers: lookup };
      }
      return { status: 404, body: { error: "InvalidEndpoint", description: "Not found" } };
    },

    // developers.gorgias.com: plain objects with integer ids; lists as { data, meta }.
    gorgias: ({ method, path, query, body }) => {
      if (method === "GET" && path === "/api/customers") {
        const externalId = query.get("external_id");
        const data = table("customers").filter((c) => !externalId || c.external_id === externalId);
        return { status: 200, body: { object: "list", data, meta: { next_cursor: null, prev_cursor: null } } };
      }
      if (method === "POST" && path === "/api/customers") {
        const row = { id: 500 + ++seq, ...body };
        table("customers").push(row);
        return { status: 201, body: row };
      }
      if (method === "POST" && path === "/api/tickets") {
        if (!Array.isArray(body?.messages) || body.messages.length === 0) return { status: 400, body: errorBody("gorgias", 400, "messages: at least one message is required") };
        const row = { id: 9000 + ++seq, ...body };
        table("tickets").push(row);
        return { status: 201, body: row };
      }
      return { status: 404, body: errorBody("gorgias", 404, "Not found") };
    },
  };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const parsed = new URL(req.url ?? "/", "http://loopback");
      const method = req.method ?? "GET";
      const path = decodeURIComponent(parsed.pathname);
      let body: any = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = null;
      }
      const authorized = isAuthorized(req.headers);
      let reply: Reply;
      const matching = failures.filter((f) => !f.path || path.startsWith(f.path));
      // A failure told to let `skip` requests through lets this one through.
      const isSkipped = matching.some((f) => f.skip > 0);
      for (const f of matching) if (f.skip > 0) f.skip--;
      const failureIndex = isSkipped ? -1 : failures.findIndex((f) => !f.path || path.startsWith(f.path));
      const query = Object.fromEntries(parsed.searchParams);
      const problems = service === "webhook" ? [] : helpdeskRequestProblems(service, { method, path, query, body });
      const refusal = problems.find((p) => p.kind === "refused" && p.message !== "not a documented path");
      if (down !== null) reply = { status: down, body: errorBody(service, down, "Service unavailable") };
      else if (failureIndex >= 0) {
        const [failure] = failures.splice(failureIndex, 1);
        reply = { status: failure!.status, body: failure!.body ?? errorBody(service, failure!.status, http.STATUS_CODES[failure!.status] ?? "Error"), headers: failure!.headers };
      } else if (!authorized) reply = { status: 401, body: errorBody(service, 401, "Invalid credentials") };
      else if (refusal) reply = refusalOf(service, refusal.message);
      else reply = handlers[service]({ method, path, query: parsed.searchParams, body, headers: req.headers });

      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
      const record = { method, path, query, headers, authorized, rawBody: raw, body, status: reply.status, at: new Date().toISOString(), problems };
      requests.push(record);
      history.push(record);
      if (reply.body === undefined) res.writeHead(reply.status, reply.headers).end();
      else res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    service,
    url,
    requests,
    store,
    failNext(status, times = 1, o = {}) {
      for (let i = 0; i < times; i++) failures.push({ status, body: o.body, headers: o.headers, path: o.path, skip: o.skip ?? 0 });
    },
    rateLimitNext(retryAfterSeconds, times = 1, o = {}) {
      const body = service === "zendesk" ? { error: "TooManyRequests", description: "You have exceeded the rate limit" } : errorBody(service, 429, "Too Many Requests");
      for (let i = 0; i < times; i++) failures.push({ status: 429, body, headers: { "retry-after": String(retryAfterSeconds) }, path: o.path, skip: 0 });
    },
    history,
    setDown(status) {
      down = status;
    },
    setWebhookAnswer(status, body) {
      webhookAnswer = { status, body };
    },
    reset() {
      requests.length = 0;
      failures.length = 0;
      down = null;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const looked = new WeakSet<RecordedHelpdeskRequest>();

/**
 * For an afterEach: the problems of the requests these loopbacks received since the last call, one
 * line each ("zendesk: POST /api/v2/tickets: /ticket/priority: must be equal to one of…"). A test
 * that sends a wrong request on purpose takes it out with `markChecked`.
 */
export function newNonconformingRequests(loopbacks: HelpdeskLoopback[]): string[] {
  const lines: string[] = [];
  for (const loopback of loopbacks) {
    for (const record of loopback.history) {
      if (looked.has(record)) continue;
      looked.add(record);
      for (const p of record.problems) lines.push(`${loopback.service}: ${p.where}: ${p.message}`);
    }
  }
  return lines;
}

/** Takes the requests received so far out of the next newNonconformingRequests (they were wrong on purpose). */
export function markChecked(loopback: HelpdeskLoopback): void {
  for (const record of loopback.history) looked.add(record);
}

/** A Front loopback knows the inboxes it is told about (an unknown inbox is a 404, as in Front). */
export function addFrontInbox(loopback: HelpdeskLoopback, id: string): void {
  (loopback.store.inboxes ??= []).push({ id, name: "SMS" });
}

/** An address on loopback where nothing listens: connecting is refused. */
export async function refusedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
