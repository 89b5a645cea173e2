/** npm run worker — the queue worker alone, for PostgreSQL deployments with WORKER_MODE=off on the web processes. */
import os from "node:os";
import { closeDb, databaseKind } from "../db";
import { env } from "../env";
import { startWorker, stopWorker } from "../jobs";

async function main() {
  if (databaseKind() === "pglite") {
    console.error("The embedded database (PGlite) belongs to one process: npm start already runs the worker. Set DATABASE_URL to run workers separately.");
    process.exit(1);
  }
  lowerPriority(env().WORKER_NICENESS);
  await startWorker();
  console.log("Parley worker running (inbound pipeline and outbound sends). Ctrl+C to stop.");
  const shutdown = async () => {
    await stopWorker();
    await closeDb();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

/**
 * Webhooks first: a worker sharing CPUs with web processes yields to them, so a reply burst that
 * keeps the workers busy never delays an acknowledgement to Twilio past its 15 s timeout.
 */
function lowerPriority(niceness: number) {
  if (niceness === 0) return;
  try {
    os.setPriority(0, Math.min(19, os.getPriority(0) + niceness));
  } catch (error) {
    console.warn(`Could not lower the worker's CPU priority (WORKER_NICENESS=${niceness}): ${error instanceof Error ? error.message : error}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
