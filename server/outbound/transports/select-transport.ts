import type { Brand } from "../../db";
import { simulatorTransport } from "./simulator-transport";
import type { SmsTransport } from "./transport";
import { twilioTransport } from "./twilio-transport";

/** Twilio when the brand has credentials, otherwise the built-in simulator. */
export function selectTransport(brand: Pick<Brand, "twilioAccountSid" | "twilioAuthToken">): SmsTransport {
  if (brand.twilioAccountSid && brand.twilioAuthToken) {
    return twilioTransport(brand.twilioAccountSid, brand.twilioAuthToken);
  }
  return simulatorTransport;
}
