/**
 * 1. Webhook ingest: signed inbound webhooks at increasing fixed rates against the production
 * server; acknowledgement latency (p50/p99) per rate and the highest rate held with p99 < 100 ms
 * and no non-2xx answer. On PostgreSQL the web process runs with WORKER_MODE=off (ingest alone);
 * on PGlite the worker is embedded in the web process (the only way PGlite runs) and processes
 * the texts while they arrive.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAppServer } from "./app-processes";
import { createBenchDatabase } from "./bench-database";
import { DEMO_BRAND_NUMBER } from "./bench-constants";
import { machineSetup } from "./machine-setup";
import { emitFigure, percentile, say } from "./report";
import { postSignedWebhooks } from "./webhook-load";

export type IngestOptions = { adminUrl: string; rates: number[]; secondsPerRate: number; backends: ("pglite" | "postgres")[]; nodeArgs?: string[] };

const P99_TARGET_MS = 100;

export async function ingestBench(opts: IngestOptions): Promise<void> {
  for (const backend of opts.backends) await ingestOn(backend, opts);
}

async function ingestOn(backend: "pglite" | "postgres", opts: IngestOptions): Promise<void> {
  const pgliteDir = backend === "pglite" ? fs.mkdtempSync(path.join(os.tmpdir(), "parley-bench-pglite-")) : undefined;
  const database = backend === "postgres" ? await createBenchDatabase(opts.adminUrl, "ingest") : undefined;
  const workerMode = backend === "postgres" ? "off" : "embedded";
  const server = await startAppServer({ port: backend === "postgres" ? 3501 : 3500, databaseUrl: database?.url, pgliteDir, workerMode, nodeArgs: opts.nodeArgs });
  try {
    let sender = 0;
    const load = (rate: number, count: number) =>
      postSignedWebhooks({ serverUrl: server.url, brandNumber: DEMO_BRAND_NUMBER, rate, count, fromIndex: () => sender++ % 100_000, text: () => "where is my order #1001" });
    // Warm-up (not reported): JIT, Next's first route load, connection pools. Gentle: PGlite's
    // embedded worker would still be working through a heavier one when the first rate starts.
    await load(20, 100);
    let held: number | null = null;
    for (const rate of opts.rates) {
      const r = await load(rate, Math.round(rate * opts.secondsPerRate));
      const p50 = percentile(r.latenciesMs, 50);
      const p99 = percentile(r.latenciesMs, 99);
      const isHeld = r.non2xx === 0 && r.errors === 0 && p99 !== null && p99 < P99_TARGET_MS;
      if (isHeld && (held === null || rate > held)) held = rate;
      emitFigure(
        {
          bench: "ingest",
          backend,
          rate,
          achievedRate: r.achievedRate,
          requests: r.sent,
          p50Ms: p50,
          p99Ms: p99,
          maxMs: percentile(r.latenciesMs, 100),
          non2xx: r.non2xx,
          errors: r.errors,
          statusCounts: r.statusCounts,
          maxGeneratorLagMs: r.maxGeneratorLagMs,
          held: isHeld,
          setup: { ...(await machineSetup(opts.adminUrl)), server: "server/cli/start.ts (next production server)", worker: workerMode === "off" ? "WORKER_MODE=off (ingest only)" : "embedded in the web process (PGlite)", secondsPerRate: opts.secondsPerRate },
        },
        `ingest ${backend} ${rate} req/s: p50 ${p50} ms, p99 ${p99} ms, non-2xx ${r.non2xx + r.errors}${isHeld ? "" : "  (not held)"}`,
      );
      // Far past saturation every further step only queues; stop climbing.
      if (r.non2xx + r.errors > r.sent * 0.05 || (p99 ?? 0) > 2000) break;
    }
    emitFigure(
      { bench: "ingest", backend, figure: "maxRateHeld", maxRateHeld: held, p99TargetMs: P99_TARGET_MS, setup: { ...(await machineSetup(opts.adminUrl)), worker: workerMode } },
      `ingest ${backend}: highest rate held (p99 < ${P99_TARGET_MS} ms, all 2xx): ${held ?? "none"} req/s`,
    );
  } finally {
    await server.stop();
    await database?.drop();
    if (pgliteDir) fs.rmSync(pgliteDir, { recursive: true, force: true });
    say(`ingest ${backend}: cleaned up`);
  }
}
