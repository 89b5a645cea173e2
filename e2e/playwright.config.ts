/**
 * Browser tests against the production server (`npm start` = next build + next start in-process
 * with the queue worker) on a fresh embedded database, plus a Twilio-compatible server on
 * loopback so the demo brand's replies go through the real Twilio SDK.
 * Two workers share that one server and its one seeded demo brand: the specs that change the
 * brand's shared settings or count brand-wide totals run first, one at a time; the rest, each
 * keeping to shoppers and names of its own, run two at a time after them.
 */
import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { APP_PORT, APP_URL, DEMO_TWILIO, TWILIO_PORT, TWILIO_URL } from "./e2e-env";


const root = path.resolve(__dirname, "..");
/**
 * Specs that keep to data of their own (their own shoppers, names with a timestamp) and depend on
 * no brand setting another spec changes: these may run beside each other. Any other spec, a new
 * one included, runs alone (who the agent answers, how it hands off, the helpdesk, the attribution
 * window, or totals over the whole brand) until it is shown to belong here.
 */
const sideBySide = ["campaigns", "members", "profiles", "security-headers", "segments", "settings-channels", "settings-read-only", "settings", "sign-in", "simulator", "sms-workflows", "tenant-isolation", "twilio-webhook"];
const sideBySideSpecs = new RegExp(`/(${sideBySide.join("|")})\\.spec\\.ts$`);
const signedIn = { ...devices["Desktop Chrome"], storageState: path.join(__dirname, ".results", "demo-user.json") };
const chromium = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: ".",
  outputDir: "./.results",
  fullyParallel: false,
  // On two cores, two browsers against the one server: E2E_WORKERS overrides (1 runs everything in turn).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  // A whole test's budget: its page loads and hydration, which on a busy machine (two browsers and
  // the server on two cores) take seconds each; every wait for an outcome is still expect's 10 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      // Without the network flags Chromium floods this machine's closed network.
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "brand-wide", testMatch: /.*\.spec\.ts/, testIgnore: sideBySideSpecs, dependencies: ["setup"], workers: 1, use: signedIn },
    { name: "side-by-side", testMatch: sideBySideSpecs, dependencies: ["brand-wide"], use: signedIn },
  ],
  webServer: [
    {
      command: `npx tsx server/testing/twilio-loopback-cli.ts ${TWILIO_PORT}`,
      url: `${TWILIO_URL}/__requests`,
      cwd: root,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "npx tsx server/cli/start.ts",
      url: `${APP_URL}/api/health`,
      cwd: root,
      reuseExistingServer: false,
      timeout: 400_000,
      stdout: "pipe",
      env: {
        PORT: String(APP_PORT),
        HOSTNAME: "127.0.0.1",
        PUBLIC_URL: APP_URL,
        PGLITE_DATA_DIR: "memory://",
        DATABASE_URL: "",
        TWILIO_API_BASE_URL: TWILIO_URL,
        DEMO_TWILIO_ACCOUNT_SID: DEMO_TWILIO.accountSid,
        DEMO_TWILIO_AUTH_TOKEN: DEMO_TWILIO.authToken,
        NEXTAUTH_URL: APP_URL,
        NEXT_TELEMETRY_DISABLED: "1",
        AI_PROVIDER: "builtin",
        // The helpdesk spec's receiver listens on loopback, which the outbound address policy refuses unless allowed.
        OUTBOUND_ALLOWED_HOSTS: "127.0.0.1",
        // Texts wait the agent's reply pause (3 s) in the queue; the worker looks for due ones often.
        WORKER_IDLE_POLL_SECONDS: "0.5",
      },
    },
  ],
});
