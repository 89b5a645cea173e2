/** Addresses and credentials shared by the Playwright config and the specs. */
// Overridable so two checkouts can run their browser tests side by side.
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3123);
export const TWILIO_PORT = Number(process.env.E2E_TWILIO_PORT ?? 3124);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const TWILIO_URL = `http://127.0.0.1:${TWILIO_PORT}`;
export const DEMO_TWILIO = { accountSid: "AC" + "e2e0".repeat(8), authToken: "e2e-demo-auth-token" };
