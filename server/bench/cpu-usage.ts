/**
 * CPU seconds spent by processes, from /proc (Linux): a worker's whole process group (tsx starts
 * node under it) and the PostgreSQL backends serving one database. Tells whether the app's Node
 * processes or the database bound a throughput figure. Returns zeros where /proc is missing.
 */
import fs from "node:fs";
import pg from "pg";

const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: split after it.
    return raw.slice(raw.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** utime + stime (fields 14 and 15 of /proc/pid/stat) in seconds. */
function cpuSecondsOf(pid: number): number {
  const f = statFields(pid);
  return f ? (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND : 0;
}

/** Every live process in these process groups. */
function membersOfGroups(groups: number[]): number[] {
  if (!fs.existsSync("/proc")) return [];
  const wanted = new Set(groups);
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const f = statFields(pid);
    if (f && wanted.has(Number(f[2]))) pids.push(pid);
  }
  return pids;
}

export async function postgresBackendPids(pool: pg.Pool | pg.Client, database: string): Promise<number[]> {
  const { rows } = await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [database]);
  return rows.map((r) => r.pid);
}

export type CpuSnapshot = { app: Map<number, number>; postgres: Map<number, number> };

export function snapshotCpu(appGroups: number[], postgresPids: number[]): CpuSnapshot {
  return {
    app: new Map(membersOfGroups(appGroups).map((pid) => [pid, cpuSecondsOf(pid)])),
    postgres: new Map(postgresPids.map((pid) => [pid, cpuSecondsOf(pid)])),
  };
}

/** CPU seconds used between two snapshots (processes that appeared in between count from zero). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): { appCpuS: number; postgresCpuS: number } {
  const delta = (a: Map<number, number>, b: Map<number, number>) => [...b].reduce((sum, [pid, s]) => sum + Math.max(0, s - (a.get(pid) ?? 0)), 0);
  return { appCpuS: Math.round(delta(before.app, after.app) * 10) / 10, postgresCpuS: Math.round(delta(before.postgres, after.postgres) * 10) / 10 };
}

/** Database-wide counters (transactions ≈ statements for autocommit clients, rows written). */
export async function databaseCounters(pool: pg.Pool | pg.Client, database: string) {
  const { rows } = await pool.query<{ xact_commit: string; xact_rollback: string; tup_inserted: string; tup_updated: string; tup_deleted: string }>(
    "SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = $1",
    [database],
  );
  const r = rows[0]!;
  return { transactions: Number(r.xact_commit) + Number(r.xact_rollback), inserted: Number(r.tup_inserted), updated: Number(r.tup_updated), deleted: Number(r.tup_deleted) };
}
