/** Signed inbound webhooks at a fixed rate against a running server: the load of the ingest and burst benchmarks. */
import { BENCH_SECRETS } from "./app-processes";
import { runOpenLoop, type LoadResult } from "./open-loop-load";
import { benchShopperPhone, signedInbound } from "./signed-webhook";

export type WebhookLoad = {
  serverUrl: string;
  brandNumber: string;
  rate: number;
  count: number;
  /** Sender of request i (distinct shoppers by default). */
  fromIndex(i: number): number;
  text(i: number): string;
};

export function postSignedWebhooks(load: WebhookLoad): Promise<LoadResult> {
  return runOpenLoop({
    url: load.serverUrl,
    path: "/api/twilio/inbound",
    rate: load.rate,
    count: load.count,
    request: (i) => {
      const signed = signedInbound({
        publicUrl: load.serverUrl,
        authToken: BENCH_SECRETS.DEMO_TWILIO_AUTH_TOKEN,
        from: benchShopperPhone(load.fromIndex(i)),
        to: load.brandNumber,
        body: load.text(i),
      });
      return { body: signed.body, headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signed.signature } };
    },
  });
}
