/**
 * Per test file: a fresh database, copied from the one migrated once per run
 * (server/testing/migrate-template-database.ts). PGlite in memory, started from the migrated
 * snapshot; or (TEST_BACKEND=postgres) a new database created from the migrated template on
 * TEST_DATABASE_URL's server and dropped afterwards.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { afterAll, inject } from "vitest";
import { withClient } from "../bench/bench-data";
import { databaseUrl } from "./migrate-template-database";

const backend = process.env.TEST_BACKEND ?? "pglite";
const migrated = inject("migratedDatabase");
let dropDatabase: (() => Promise<void>) | undefined;

if (backend === "postgres") {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_BACKEND=postgres needs TEST_DATABASE_URL");
  const name = `parley_test_${crypto.randomBytes(6).toString("hex")}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${migrated}`));
  process.env.DATABASE_URL = databaseUrl(adminUrl, name);
  dropDatabase = () => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined);
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
  // Opened here from the snapshot; the app's getDb() then finds it already open.
  const { openPglite } = await import("../db/pglite");
  openPglite("memory://", { loadDataDir: new Blob([fs.readFileSync(migrated)]) });
}
process.env.WORKER_MODE = "embedded";
process.env.AGENT_TIMEOUT_MS ??= "5000";
// Texts are processed as soon as they are queued; tests of the reply pause set their own.
process.env.AGENT_REPLY_PAUSE_MS ??= "0";

const { resetEnvForTests } = await import("../env");
resetEnvForTests();

afterAll(async () => {
  const { stopWorker } = await import("../jobs");
  const { closeDb } = await import("../db");
  await stopWorker().catch(() => undefined);
  await closeDb();
  await dropDatabase?.();
});
