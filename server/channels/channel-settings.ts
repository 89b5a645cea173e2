import type { Db } from "../db";
import { publicUrl } from "../env";
import { decryptSecret, SecretBoxError } from "./secret-box";
import { maskSecret } from "./twilio-credentials";

/** The Channels section as the browser sees it: the auth token only ever masked. */
export type ChannelSettings = {
  smsNumber: string;
  /** "" when the brand has no Twilio account (texts go through the built-in simulator). */
  accountSid: string;
  /** "••••••••1a2b", or null when no token is saved. */
  authTokenMasked: string | null;
  /** Set when a token is saved but cannot be read with this server's encryption key. */
  authTokenProblem: string | null;
  transport: "twilio" | "simulator";
  /** What to paste into the Twilio Console for the number. */
  webhooks: { inbound: string; status: string };
};

export function webhookUrls(): ChannelSettings["webhooks"] {
  const base = publicUrl();
  return { inbound: `${base}/api/twilio/inbound`, status: `${base}/api/twilio/status` };
}

export async function getChannelSettings(db: Db, brandId: string): Promise<ChannelSettings> {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { smsNumber: true, twilioAccountSid: true, twilioAuthToken: true } });
  let authTokenMasked: string | null = null;
  let authTokenProblem: string | null = null;
  if (brand.twilioAuthToken) {
    try {
      authTokenMasked = maskSecret(decryptSecret(brand.twilioAuthToken));
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      authTokenProblem = "The saved auth token can’t be read with this server’s encryption key. Enter it again to keep sending through Twilio.";
    }
  }
  return {
    smsNumber: brand.smsNumber,
    accountSid: brand.twilioAccountSid ?? "",
    authTokenMasked,
    authTokenProblem,
    transport: brand.twilioAccountSid && brand.twilioAuthToken ? "twilio" : "simulator",
    webhooks: webhookUrls(),
  };
}
