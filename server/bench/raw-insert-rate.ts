/**
 * The database's raw single-row INSERT rate: autocommit INSERTs of one row into a scratch table,
 * from `connections` clients at once for a few seconds, measured with pgbench (C, so the client
 * costs little CPU) or, when pgbench is not installed, with node-postgres. The ceiling the
 * pipeline's rate is compared with.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { withClient } from "./bench-data";

export type RawInsertResult = { insertsPerSec: number; connections: number; seconds: number; tool: "pgbench" | "node-postgres" };

const SCRATCH = "parley_bench_scratch";

export async function rawInsertRate(url: string, connections: number, seconds = 5): Promise<RawInsertResult> {
  await withClient(url, (c) => c.query(`CREATE TABLE IF NOT EXISTS ${SCRATCH} (id bigserial PRIMARY KEY, k int NOT NULL, v text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`));
  try {
    return pgbenchRate(url, connections, seconds) ?? (await nodeRate(url, connections, seconds));
  } finally {
    await withClient(url, (c) => c.query(`DROP TABLE IF EXISTS ${SCRATCH}`));
  }
}

function pgbenchRate(url: string, connections: number, seconds: number): RawInsertResult | null {
  const script = path.join(os.tmpdir(), `parley-bench-insert-${process.pid}.sql`);
  fs.writeFileSync(script, `INSERT INTO ${SCRATCH} (k, v) VALUES (:client_id, 'one row, like one message');\n`);
  try {
    const run = spawnSync("pgbench", ["-n", "-c", String(connections), "-j", String(Math.min(connections, os.cpus().length)), "-T", String(seconds), "-f", script, url], { encoding: "utf8" });
    const tps = run.status === 0 ? run.stdout.match(/tps = ([\d.]+)/) : null;
    return tps ? { insertsPerSec: Math.round(Number(tps[1])), connections, seconds, tool: "pgbench" } : null;
  } catch {
    return null;
  } finally {
    fs.rmSync(script, { force: true });
  }
}

async function nodeRate(url: string, connections: number, seconds: number): Promise<RawInsertResult> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const deadline = Date.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, k) => {
      while (Date.now() < deadline) {
        await pool.query(`INSERT INTO ${SCRATCH} (k, v) VALUES ($1, 'one row, like one message')`, [k]);
        count++;
      }
    }),
  );
  await pool.end();
  return { insertsPerSec: Math.round(count / seconds), connections, seconds, tool: "node-postgres" };
}
