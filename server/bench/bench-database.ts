/** Throwaway PostgreSQL databases named parley_bench_<purpose>_<random>, dropped when done. */
import crypto from "node:crypto";
import pg from "pg";

export type BenchDatabase = { name: string; url: string; drop(): Promise<void> };

const created = new Set<BenchDatabase>();

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(adminUrl: string, purpose: string): Promise<BenchDatabase> {
  const name = `parley_bench_${purpose}_${crypto.randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db: BenchDatabase = {
    name,
    url: url.toString(),
    drop: async () => {
      created.delete(db);
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
  created.add(db);
  return db;
}

/** Drops every database this process created and has not dropped yet (on exit or Ctrl+C). */
export async function dropAllBenchDatabases(): Promise<void> {
  for (const db of [...created]) await db.drop().catch(() => undefined);
}
