import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { env } from "../../env";
import type { SmsTransport, TransportResult } from "./transport";
import { TransportError } from "./transport";

const TWILIO_API = "https://api.twilio.com";

/**
 * The official SDK's HTTP client with our timeout, sending to TWILIO_API_BASE_URL instead of
 * api.twilio.com when configured (a Twilio-compatible server on loopback in tests and local development).
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    timeout: number,
  ) {
    super({ timeout });
  }
  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = opts.uri.startsWith(TWILIO_API) ? this.baseUrl + opts.uri.slice(TWILIO_API.length) : opts.uri;
    return super.request<TData>({ ...opts, uri });
  }
}

/** Twilio errors that another attempt cannot fix (bad number, unsubscribed recipient, auth). */
function isPermanent(status: number | undefined, code: number | undefined): boolean {
  if (code === 21610 /* recipient replied STOP */ || code === 21211 /* invalid To */ || code === 21614) return true;
  return status !== undefined && status >= 400 && status < 500 && status !== 429;
}

type SdkError = { status?: number; code?: number | string; message?: string };

/** Twilio answered with an error (a status and its error code), or never answered at all. */
function transportErrorOf(error: unknown, timeoutMs: number): TransportError {
  const e = error as SdkError;
  if (typeof e.status === "number") {
    const code = typeof e.code === "number" ? e.code : undefined;
    return new TransportError(`Twilio refused the message${code ? ` (error ${code})` : ""}: ${e.message ?? String(error)}`, !isPermanent(e.status, code), code ? String(code) : undefined);
  }
  // No HTTP answer. Refused connections never reached Twilio; anything else (a timeout, a reset
  // after the request was written) may have created the message there.
  const netCode = typeof e.code === "string" ? e.code : undefined;
  if (netCode === "ECONNREFUSED" || netCode === "ENOTFOUND") {
    return new TransportError(`Could not reach Twilio: ${e.message ?? netCode}`, true, "twilio_unreachable");
  }
  const isTimeout = netCode === "ECONNABORTED" || netCode === "ETIMEDOUT" || /timeout/i.test(e.message ?? "");
  return new TransportError(
    isTimeout ? `Twilio did not answer within ${timeoutMs} ms` : `Twilio's answer was cut off: ${e.message ?? String(error)}`,
    true,
    isTimeout ? "twilio_timeout" : "twilio_no_answer",
    true,
  );
}

const ourStatus = (twilioStatus: string): TransportResult["status"] => (twilioStatus === "delivered" ? "delivered" : "sent");

/** How many of the pair's newest texts a reconciliation reads; a resend follows its attempt within minutes. */
const LOOKUP_PAGE = 50;

export function twilioTransport(accountSid: string, authToken: string): SmsTransport {
  const e = env();
  const base = e.TWILIO_API_BASE_URL.replace(/\/$/, "");
  const timeoutMs = e.TWILIO_TIMEOUT_MS;
  const client = twilio(accountSid, authToken, { httpClient: new BaseUrlRequestClient(base, timeoutMs) });
  return {
    name: "twilio",
    async send({ from, to, body, statusCallbackUrl }) {
      try {
        const message = await client.messages.create({ from, to, body, statusCallback: statusCallbackUrl });
        // Twilio's "queued"/"accepted" mean Twilio has the message: for us it has left Parley.
        return { providerSid: message.sid, status: ourStatus(message.status) };
      } catch (error) {
        throw transportErrorOf(error, timeoutMs);
      }
    },
    async findSent({ from, to, body, since }) {
      try {
        // Filtered by To and From only: DateSent stays empty while Twilio still queues a text (a slow
        // or rate-limited Twilio is exactly when we ask), so a DateSent filter could hide the one we
        // look for. Newest first; the creation time and the body decide.
        const messages = await client.messages.list({ from, to, limit: LOOKUP_PAGE, pageSize: LOOKUP_PAGE });
        return messages
          .filter((m) => m.direction.startsWith("outbound") && m.body === body && m.dateCreated.getTime() >= since.getTime())
          .map((m) => ({ providerSid: m.sid, status: ourStatus(m.status) }));
      } catch (error) {
        // A lookup that failed says nothing: the caller must not send.
        const failure = transportErrorOf(error, timeoutMs);
        throw new TransportError(`Could not ask Twilio whether it already has this text: ${failure.message}`, failure.retryable, failure.code, true);
      }
    },
  };
}
