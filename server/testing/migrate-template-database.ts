/**
 * vitest globalSetup of an integration project: migrates one database per run, which every
 * integration file then copies (server/testing/setup-database.ts) instead of migrating its own.
 *   PostgreSQL  a template database on TEST_DATABASE_URL's server; each file runs
 *               CREATE DATABASE … TEMPLATE it. Dropped when the run ends.
 *   PGlite      a dump of a migrated in-memory data directory, in a temporary file; each file
 *               starts its in-memory PGlite from it (loadDataDir).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { TestProject } from "vitest/node";
import { withClient } from "../bench/bench-data";

declare module "vitest" {
  export interface ProvidedContext {
    /** PostgreSQL: the template database's name. PGlite: the path of the data directory dump. */
    migratedDatabase: string;
  }
}

/** The address of another database on the same server. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function migratePostgresTemplate(adminUrl: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `parley_template_${crypto.randomBytes(6).toString("hex")}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const drop = () => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined);
  try {
    const { applyMigrations } = await import("../db/migrate");
    // Our own pool, ended after: CREATE DATABASE … TEMPLATE refuses while anyone is connected to it.
    const pool = new pg.Pool({ connectionString: databaseUrl(adminUrl, name), max: 1 });
    try {
      await applyMigrations(new PrismaPg(pool));
    } finally {
      await pool.end();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, drop };
}

async function migratePgliteSnapshot(): Promise<{ file: string; remove: () => void }> {
  const { applyMigrations } = await import("../db/migrate");
  const pglite = new PGlite();
  try {
    await applyMigrations(new PrismaPGlite(pglite));
    const dump = await pglite.dumpDataDir("none");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-pglite-"));
    const file = path.join(dir, "migrated.tar");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
  } finally {
    await pglite.close();
  }
}

export default async function setup(project: TestProject) {
  if (project.config.env.TEST_BACKEND === "postgres") {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error("TEST_BACKEND=postgres needs TEST_DATABASE_URL");
    const template = await migratePostgresTemplate(adminUrl);
    project.provide("migratedDatabase", template.name);
    return template.drop;
  }
  const snapshot = await migratePgliteSnapshot();
  project.provide("migratedDatabase", snapshot.file);
  return snapshot.remove;
}
