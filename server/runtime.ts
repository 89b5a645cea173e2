/**
 * Process start-up for the web server: in embedded mode the queue worker runs inside the
 * same process (PGlite is one process's database). Called by route handlers and pages; runs once.
 */
import { getDb, databaseKind } from "./db";
import { env } from "./env";
import { isWorkerStarted, startWorker } from "./jobs";

export async function ensureServerReady(): Promise<void> {
  if (env().WORKER_MODE === "embedded" && !isWorkerStarted()) await startWorker();
}

export async function healthReport() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return { ok: true, database: databaseKind(), worker: isWorkerStarted() ? "running" : env().WORKER_MODE };
  } catch (error) {
    return { ok: false, database: databaseKind(), error: error instanceof Error ? error.message : String(error) };
  }
}
