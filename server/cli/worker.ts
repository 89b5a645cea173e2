/** npm run worker — the queue worker alone, for PostgreSQL deployments with WORKER_MODE=off on the web processes. */
import { closeDb, databaseKind } from "../db";
import { startWorker, stopWorker } from "../jobs";

async function main() {
  if (databaseKind() === "pglite") {
    console.error("The embedded database (PGlite) belongs to one process: npm start already runs the worker. Set DATABASE_URL to run workers separately.");
    process.exit(1);
  }
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

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
