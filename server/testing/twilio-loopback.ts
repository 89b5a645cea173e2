/**
 * A Twilio-compatible HTTP server on loopback for tests: it answers the Messages API the way
 * Twilio does (201 + message JSON, or Twilio's error JSON), records every request, and can be
 * told to fail. The real `twilio` SDK talks to it through TWILIO_API_BASE_URL.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedTwilioRequest = {
  method: string;
  path: string;
  accountSid: string | null;
  authorized: boolean;
  form: Record<string, string>;
  at: string;
};

export type FailureMode = { status: number; code: number; message: string };

export type TwilioLoopback = {
  url: string;
  requests: RecordedTwilioRequest[];
  /** The next `times` sends answer with this error (status 429/500 are retryable, 400 not). */
  failNext(mode: FailureMode, times?: number): void;
  reset(): void;
  close(): Promise<void>;
};

export async function startTwilioLoopback(opts: { port?: number; accounts?: Record<string, string> } = {}): Promise<TwilioLoopback> {
  const requests: RecordedTwilioRequest[] = [];
  const failures: FailureMode[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0]!;
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
      const form = Object.fromEntries(new URLSearchParams(raw));
      requests.push({ method: req.method ?? "", path, accountSid: user ?? null, authorized, form, at: new Date().toISOString() });
      const match = path.match(/^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/);
      if (!match || req.method !== "POST") {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ code: 20404, message: "The requested resource was not found", status: 404 }));
        return;
      }
      if (!authorized) {
        res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ code: 20003, message: "Authenticate", status: 401 }));
        return;
      }
      const failure = failures.shift();
      if (failure) {
        res.writeHead(failure.status, { "content-type": "application/json" }).end(JSON.stringify({ code: failure.code, message: failure.message, status: failure.status, more_info: `https://www.twilio.com/docs/errors/${failure.code}` }));
        return;
      }
      const sid = `SM${crypto.randomBytes(16).toString("hex")}`;
      const now = new Date().toUTCString();
      res.writeHead(201, { "content-type": "application/json" }).end(
        JSON.stringify({
          sid,
          account_sid: match[1],
          to: form.To,
          from: form.From,
          body: form.Body,
          status: "queued",
          num_segments: "1",
          direction: "outbound-api",
          date_created: now,
          date_updated: now,
          date_sent: null,
          error_code: null,
          error_message: null,
          price: null,
          api_version: "2010-04-01",
          uri: `/2010-04-01/Accounts/${match[1]}/Messages/${sid}.json`,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(mode, times = 1) {
      for (let i = 0; i < times; i++) failures.push(mode);
    },
    reset() {
      requests.length = 0;
      failures.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
