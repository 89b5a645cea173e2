/**
 * npm start — one command for a newcomer: migrate the database (embedded PGlite unless
 * DATABASE_URL is set), seed the demo brand, build if needed, then serve Next.js and, in
 * embedded mode, the queue worker in this same process.
 */
import http from "node:http";
import next from "next";
import { closeDb, databaseKind, getDb } from "../db";
import { applyMigrations } from "../db/migrate";
import { defaultNextAuthUrl, env, publicUrl } from "../env";
import { startWorker, stopWorker } from "../jobs";
import { withClientAddress } from "../security";
import { keysBesideDataWarning } from "../security/key-files";
import { shopifyApiVersionWarning } from "../commerce/shopify/api-version";
import { DEMO, demoPasswordForLogs, demoTwilio, seedDemo } from "../../prisma/seed";
import { buildIfNeeded } from "./build-if-needed";

async function main() {
  const e = env();
  defaultNextAuthUrl();
  const keysWarning = keysBesideDataWarning(e);
  if (keysWarning) console.warn(keysWarning);
  const shopifyWarning = shopifyApiVersionWarning(e.SHOPIFY_API_VERSION);
  if (shopifyWarning) console.warn(shopifyWarning);
  if (!process.argv.includes("--no-build")) buildIfNeeded();
  const applied = await applyMigrations();
  console.log(`Database: ${databaseKind() === "pglite" ? `embedded PGlite at ${e.PGLITE_DATA_DIR}` : "PostgreSQL (DATABASE_URL)"}; ${applied.length} migration(s) applied.`);
  const seeded = await seedDemo(getDb(), { password: e.DEMO_PASSWORD, twilio: demoTwilio(e) });
  if (seeded) console.log(`Seeded the demo brand ${DEMO.brandName} (${DEMO.smsNumber}).`);

  const app = next({ dev: false, dir: process.cwd(), hostname: e.HOSTNAME, port: e.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Rate limits count per address: decide each request's address once, before Next sees it.
  const server = http.createServer(withClientAddress(e.TRUST_PROXY, (req, res) => void handle(req, res)));
  await new Promise<void>((resolve) => server.listen(e.PORT, e.HOSTNAME, resolve));
  if (e.WORKER_MODE === "embedded") await startWorker();

  console.log(`
  Parley is running: ${publicUrl()}
  Sign in with ${DEMO.userEmail} / ${demoPasswordForLogs(e.DEMO_PASSWORD)}
  Then open Simulator and text "where is my order #1001".
  Queue worker: ${e.WORKER_MODE === "embedded" ? "running in this process" : "off (run npm run worker)"}
`);

  const shutdown = async () => {
    server.close();
    await stopWorker().catch(() => undefined);
    await closeDb().catch(() => undefined);
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
