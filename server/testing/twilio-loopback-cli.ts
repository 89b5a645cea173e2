/** Runs the Twilio-compatible loopback server on its own (Playwright starts it beside the app). */
import { startTwilioLoopback } from "./twilio-loopback";

const port = Number(process.argv[2] ?? 3124);
startTwilioLoopback({ port }).then((s) => console.log(`Twilio loopback listening on ${s.url}`));
