import crypto from "node:crypto";
import type { SmsTransport } from "./transport";

/**
 * The built-in transport for brands without Twilio credentials: nothing leaves the machine;
 * the message row itself is what the Simulator page shows as "sent to the phone".
 */
export const simulatorTransport: SmsTransport = {
  name: "simulator",
  async send() {
    return { providerSid: `SM${crypto.randomBytes(16).toString("hex")}`, status: "delivered" };
  },
  // Nothing is kept outside the row: an attempt that died before the row was updated sent nothing.
  async findSent() {
    return [];
  },
};
