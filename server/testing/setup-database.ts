/**
 * Per test file: a fresh, migrated database. PGlite in memory, or (TEST_BACKEND=postgres) a new
 * database created on TEST_DATABASE_URL's server and dropped afterwards.
 */
import crypto from "node:crypto";
import { afterAll } from "vitest";
import pg from "pg";

const backend = process.env.TEST_BACKEND ?? "pglite";
let dropDatabase: (() => Promise<void>) | undefined;

if (backend === "postgres") {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_BACKEND=postgres needs TEST_DATABASE_URL");
  const name = `parley_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
}
process.env.WORKER_MODE = "embedded";
process.env.AGENT_TIMEOUT_MS ??= "5000";
// Texts are processed as soon as they are queued; tests of the reply pause set their own.
process.env.AGENT_REPLY_PAUSE_MS ??= "0";

const { resetEnvForTests } = await import("../env");
resetEnvForTests();
const { applyMigrations } = await import("../db/migrate");
await applyMigrations();

afterAll(async () => {
  const { stopWorker } = await import("../jobs");
  const { closeDb } = await import("../db");
  await stopWorker().catch(() => undefined);
  await closeDb();
  await dropDatabase?.();
});
