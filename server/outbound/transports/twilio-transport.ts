import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { env } from "../../env";
import type { SmsTransport } from "./transport";
import { TransportError } from "./transport";

const TWILIO_API = "https://api.twilio.com";

/**
 * The official SDK's HTTP client, sending to TWILIO_API_BASE_URL instead of api.twilio.com when
 * configured (a Twilio-compatible server on loopback in tests and local development).
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 10_000 });
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

export function twilioTransport(accountSid: string, authToken: string): SmsTransport {
  const base = env().TWILIO_API_BASE_URL.replace(/\/$/, "");
  const client = twilio(accountSid, authToken, {
    httpClient: base === TWILIO_API ? undefined : new BaseUrlRequestClient(base),
  });
  return {
    name: "twilio",
    async send({ from, to, body, statusCallbackUrl }) {
      try {
        const message = await client.messages.create({ from, to, body, statusCallback: statusCallbackUrl });
        // Twilio's "queued"/"accepted" mean Twilio has the message: for us it has left Parley.
        return { providerSid: message.sid, status: message.status === "delivered" ? "delivered" : "sent" };
      } catch (error) {
        const e = error as { status?: number; code?: number; message?: string };
        throw new TransportError(
          `Twilio refused the message${e.code ? ` (error ${e.code})` : ""}: ${e.message ?? String(error)}`,
          !isPermanent(e.status, e.code),
          e.code ? String(e.code) : undefined,
        );
      }
    },
  };
}
