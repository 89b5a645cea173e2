/**
 * A Twilio-compatible HTTP server on loopback for tests: it answers the Messages API the way
 * Twilio does, records every request, and can be told to misbehave. The real `twilio` SDK talks
 * to it through TWILIO_API_BASE_URL.
 *   POST /2010-04-01/Accounts/{sid}/Messages.json  create: 201 + the message JSON, or Twilio's error JSON
 *   GET  /2010-04-01/Accounts/{sid}/Messages.json  list: newest first, filtered by To, From and
 *        DateSent / DateSent< / DateSent> (on, on-or-before, on-or-after; like Twilio, a message not yet
 *        sent has no DateSent and never matches a DateSent filter), paged by PageSize and Page
 *   GET/DELETE /__requests                          what was asked so far (Playwright reads it)
 * Misbehaviour for the next creates, in order: an error answer (failNext), the message accepted but
 * the answer late (delayNext: Twilio keeps the message, the client may time out first), or no
 * answer at all (hangNext, with or without Twilio keeping the message).
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedTwilioRequest = {
  method: string;
  path: string;
  accountSid: string | null;
  authorized: boolean;
  /** The POSTed form, or the query of a GET. */
  form: Record<string, string>;
  at: string;
};

/** A message Twilio holds (created by a POST that was accepted, whether or not its answer arrived). */
export type StoredTwilioMessage = {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  dateCreated: Date;
  dateSent: Date | null;
  status: "queued" | "sent";
};

export type FailureMode = { status: number; code: number; message: string };

type Behaviour = ({ kind: "fail"; failure: FailureMode } | { kind: "delay"; ms: number } | { kind: "hang"; accept: boolean }) & { to?: string };
/** Misbehaviour for sends to this number only (tests running side by side each text their own shopper). */
export type BehaviourScope = { to?: string };

export type TwilioLoopback = {
  url: string;
  requests: RecordedTwilioRequest[];
  /** Every message accepted so far, oldest first. */
  messages: StoredTwilioMessage[];
  /** The creates (POSTs to Messages.json) recorded so far, optionally only those to one number. */
  creates(to?: string): RecordedTwilioRequest[];
  /** The list requests (GETs of Messages.json) recorded so far, optionally only those filtered on one To. */
  lookups(to?: string): RecordedTwilioRequest[];
  /** The next `times` sends answer with this error (status 429/500 are retryable, 400 not). */
  failNext(mode: FailureMode, times?: number, scope?: BehaviourScope): void;
  /** The next `times` sends are accepted (Twilio keeps the message) but answered only after `ms`. */
  delayNext(ms: number, times?: number, scope?: BehaviourScope): void;
  /** The next `times` sends are never answered; `accept`: Twilio still keeps the message. */
  hangNext(opts: { accept: boolean }, times?: number, scope?: BehaviourScope): void;
  reset(): void;
  close(): Promise<void>;
};

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

function messageJson(m: StoredTwilioMessage) {
  return {
    sid: m.sid,
    account_sid: m.accountSid,
    to: m.to,
    from: m.from,
    body: m.body,
    status: m.status,
    num_segments: "1",
    num_media: "0",
    direction: "outbound-api",
    date_created: m.dateCreated.toUTCString(),
    date_updated: (m.dateSent ?? m.dateCreated).toUTCString(),
    date_sent: m.dateSent ? m.dateSent.toUTCString() : null,
    error_code: null,
    error_message: null,
    price: null,
    price_unit: "USD",
    api_version: "2010-04-01",
    messaging_service_sid: null,
    uri: `/2010-04-01/Accounts/${m.accountSid}/Messages/${m.sid}.json`,
    subresource_uris: { media: `/2010-04-01/Accounts/${m.accountSid}/Messages/${m.sid}/Media.json` },
  };
}

/** Twilio's date filters take a day (YYYY-MM-DD) or a full timestamp; a day compares by day. */
function dateFilter(value: string): { day: string } | { at: number } {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? { day: value } : { at: new Date(value).getTime() };
}
function compareToFilter(date: Date, filter: { day: string } | { at: number }): number {
  if ("day" in filter) {
    const day = date.toISOString().slice(0, 10);
    return day < filter.day ? -1 : day > filter.day ? 1 : 0;
  }
  return Math.sign(date.getTime() - filter.at);
}

function listPage(accountSid: string, query: URLSearchParams, all: StoredTwilioMessage[]) {
  const to = query.get("To");
  const from = query.get("From");
  const on = query.get("DateSent");
  const before = query.get("DateSent<");
  const after = query.get("DateSent>");
  const matching = all
    .filter((m) => m.accountSid === accountSid && (!to || m.to === to) && (!from || m.from === from))
    .filter((m) => {
      if (!on && !before && !after) return true;
      if (!m.dateSent) return false;
      if (on && compareToFilter(m.dateSent, dateFilter(on)) !== 0) return false;
      if (before && compareToFilter(m.dateSent, dateFilter(before)) > 0) return false;
      if (after && compareToFilter(m.dateSent, dateFilter(after)) < 0) return false;
      return true;
    })
    .reverse(); // newest first
  const pageSize = Math.min(Math.max(Number(query.get("PageSize") ?? 50) || 50, 1), 1000);
  const page = Math.max(Number(query.get("Page") ?? 0) || 0, 0);
  const slice = matching.slice(page * pageSize, (page + 1) * pageSize);
  const base = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  const uriFor = (p: number) => {
    const q = new URLSearchParams(query);
    q.set("PageSize", String(pageSize));
    q.set("Page", String(p));
    return `${base}?${q.toString()}`;
  };
  const hasNext = (page + 1) * pageSize < matching.length;
  return {
    messages: slice.map(messageJson),
    start: page * pageSize,
    end: page * pageSize + Math.max(slice.length - 1, 0),
    page,
    page_size: pageSize,
    uri: uriFor(page),
    first_page_uri: uriFor(0),
    next_page_uri: hasNext ? uriFor(page + 1) : null,
    previous_page_uri: page > 0 ? uriFor(page - 1) : null,
  };
}

export async function startTwilioLoopback(opts: { port?: number; accounts?: Record<string, string> } = {}): Promise<TwilioLoopback> {
  const requests: RecordedTwilioRequest[] = [];
  const messages: StoredTwilioMessage[] = [];
  const behaviours: Behaviour[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const [path, search = ""] = (req.url ?? "").split("?") as [string, string?];
      if (req.method === "GET" && path === "/__requests") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(requests));
        return;
      }
      if (req.method === "DELETE" && path === "/__requests") {
        requests.length = 0;
        res.writeHead(204).end();
        return;
      }
      const auth = req.headers.authorization?.match(/^Basic (.+)$/);
      const [user, pass] = auth ? Buffer.from(auth[1]!, "base64").toString().split(":") : [null, null];
      const authorized = !opts.accounts || (user != null && opts.accounts[user] === pass);
      const query = new URLSearchParams(search);
      const form = req.method === "GET" ? Object.fromEntries(query) : Object.fromEntries(new URLSearchParams(raw));
      requests.push({ method: req.method ?? "", path, accountSid: user ?? null, authorized, form, at: new Date().toISOString() });
      const json = (status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      const match = path.match(MESSAGES_PATH);
      if (!match || (req.method !== "POST" && req.method !== "GET")) {
        json(404, { code: 20404, message: "The requested resource was not found", status: 404 });
        return;
      }
      if (!authorized || (user != null && user !== match[1])) {
        json(401, { code: 20003, message: "Authenticate", status: 401 });
        return;
      }
      if (req.method === "GET") {
        json(200, listPage(match[1]!, query, messages));
        return;
      }
      const index = behaviours.findIndex((b) => !b.to || b.to === form.To);
      const behaviour = index >= 0 ? behaviours.splice(index, 1)[0] : undefined;
      if (behaviour?.kind === "fail") {
        const f = behaviour.failure;
        json(f.status, { code: f.code, message: f.message, status: f.status, more_info: `https://www.twilio.com/docs/errors/${f.code}` });
        return;
      }
      if (behaviour?.kind === "hang" && !behaviour.accept) return; // close() destroys the socket
      const message: StoredTwilioMessage = {
        sid: `SM${crypto.randomBytes(16).toString("hex")}`,
        accountSid: match[1]!,
        to: form.To ?? "",
        from: form.From ?? "",
        body: form.Body ?? "",
        dateCreated: new Date(),
        dateSent: null,
        status: "queued",
      };
      messages.push(message);
      const answer = () => {
        json(201, messageJson(message));
        // Twilio sends it right after answering: from now on it has a DateSent.
        Object.assign(message, { status: "sent", dateSent: new Date() });
      };
      if (behaviour?.kind === "hang") {
        Object.assign(message, { status: "sent", dateSent: new Date() });
        return;
      }
      if (behaviour?.kind === "delay") {
        const t = setTimeout(() => {
          timers.delete(t);
          if (!res.destroyed) answer();
          else Object.assign(message, { status: "sent", dateSent: new Date() });
        }, behaviour.ms);
        timers.add(t);
        return;
      }
      answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    messages,
    creates: (to) => requests.filter((r) => r.method === "POST" && MESSAGES_PATH.test(r.path) && (!to || r.form.To === to)),
    lookups: (to) => requests.filter((r) => r.method === "GET" && MESSAGES_PATH.test(r.path) && (!to || r.form.To === to)),
    failNext(mode, times = 1, scope = {}) {
      for (let i = 0; i < times; i++) behaviours.push({ kind: "fail", failure: mode, ...scope });
    },
    delayNext(ms, times = 1, scope = {}) {
      for (let i = 0; i < times; i++) behaviours.push({ kind: "delay", ms, ...scope });
    },
    hangNext({ accept }, times = 1, scope = {}) {
      for (let i = 0; i < times; i++) behaviours.push({ kind: "hang", accept, ...scope });
    },
    reset() {
      requests.length = 0;
      messages.length = 0;
      behaviours.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
