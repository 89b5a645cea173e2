import type { Brand } from "../../db";
// Imported from the file, not the folder's index: channels' test SMS goes through outbound.
import { twilioCredentialsOf } from "../../channels/twilio-credentials";
import { SecretBoxError } from "../../channels/secret-box";
import { simulatorTransport } from "./simulator-transport";
import { TransportError, type SmsTransport } from "./transport";
import { twilioTransport } from "./twilio-transport";

/** Twilio when the brand has credentials, otherwise the built-in simulator. */
export function selectTransport(brand: Pick<Brand, "twilioAccountSid" | "twilioAuthToken">): SmsTransport {
  let credentials;
  try {
    credentials = twilioCredentialsOf(brand);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    // Never fall back to the simulator for a brand that has Twilio: fail each send with the reason.
    return unreadableCredentialsTransport(error.message);
  }
  return credentials ? twilioTransport(credentials.accountSid, credentials.authToken) : simulatorTransport;
}

function unreadableCredentialsTransport(reason: string): SmsTransport {
  return {
    name: "twilio",
    async send() {
      throw new TransportError(reason, false, "credentials_unreadable");
    },
    async findSent() {
      throw new TransportError(reason, false, "credentials_unreadable");
    },
  };
}
