/** What every figure is reported with: the machine, PostgreSQL and its settings, row counts, the generation run. */
import os from "node:os";
import type pg from "pg";
import { benchBrand } from "./scale-config";

const COUNTED = ["Profile", "Event", "Message", "Campaign", "Segment"] as const;
type Counted = (typeof COUNTED)[number];

export type ScaleSetup = Awaited<ReturnType<typeof readSetup>>;

export async function readSetup(client: pg.Client) {
  await client.query(`ALTER TABLE bench_scale_meta ADD COLUMN IF NOT EXISTS events_time_order jsonb`);
  const meta = (await client.query(`SELECT generated_at, seconds, steps, events_time_order FROM bench_scale_meta LIMIT 1`)).rows[0] as {
    generated_at: Date;
    seconds: number;
    steps: unknown;
    events_time_order: { orderedBy: string; orderedAt: string; seconds: number } | null;
  };
  // Exact row counts once (count(*) of 20M rows takes seconds), kept with the generation's record.
  await client.query(`ALTER TABLE bench_scale_meta ADD COLUMN IF NOT EXISTS counts jsonb`);
  let counts = (await client.query(`SELECT counts FROM bench_scale_meta LIMIT 1`)).rows[0]?.counts as Record<Counted, number> | null;
  if (!counts) {
    counts = {} as Record<Counted, number>;
    for (const table of COUNTED) {
      counts[table] = Number((await client.query(`SELECT count(*) AS n FROM "${table}" WHERE "brandId" = $1`, [benchBrand.id])).rows[0].n);
    }
    await client.query(`UPDATE bench_scale_meta SET counts = $1`, [JSON.stringify(counts)]);
  }
  const settings = (await client.query(
    `SELECT version() AS version, current_setting('shared_buffers') AS sb, current_setting('work_mem') AS wm,
       current_setting('max_parallel_workers_per_gather') AS pw, pg_size_pretty(pg_database_size(current_database())) AS size`,
  )).rows[0] as { version: string; sb: string; wm: string; pw: string; size: string };
  const cpus = os.cpus();
  return {
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? "unknown", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    postgres: { version: settings.version.split(" on ")[0]!, sharedBuffers: settings.sb, workMem: settings.wm, maxParallelWorkersPerGather: Number(settings.pw), databaseSize: settings.size },
    rows: counts,
    generation: { generatedAt: new Date(meta.generated_at).toISOString(), seconds: meta.seconds, steps: meta.steps },
    // The Event table rewritten in "occurredAt" order (as production's append-only table is); null for data from before that step.
    eventsTimeOrder: meta.events_time_order ? { orderedBy: meta.events_time_order.orderedBy, orderedAt: meta.events_time_order.orderedAt, seconds: meta.events_time_order.seconds } : null,
  };
}
