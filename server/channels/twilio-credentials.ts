import type { Brand } from "../db";
import { decryptSecret } from "./secret-box";

export type TwilioCredentials = { accountSid: string; authToken: string };

/**
 * The brand's Twilio credentials with the auth token decrypted, or null when it has none (the
 * simulator transport). The one reader of Brand.twilioAuthToken: transports and webhook checks use it.
 */
export function twilioCredentialsOf(brand: Pick<Brand, "twilioAccountSid" | "twilioAuthToken">): TwilioCredentials | null {
  if (!brand.twilioAccountSid || !brand.twilioAuthToken) return null;
  return { accountSid: brand.twilioAccountSid, authToken: decryptSecret(brand.twilioAuthToken) };
}

/** Whether the brand sends through Twilio, without decrypting anything (the app shell's badge). */
export function hasTwilioCredentials(brand: Pick<Brand, "twilioAccountSid" | "twilioAuthToken">): boolean {
  return Boolean(brand.twilioAccountSid && brand.twilioAuthToken);
}

/** "••••••••1a2b": enough to recognise a token, never enough to use it. */
export function maskSecret(secret: string): string {
  return `••••••••${secret.slice(-4)}`;
}
