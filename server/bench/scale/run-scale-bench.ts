/**
 * npm run bench:scale — segments and the performance page on a generated brand of 1,000,000
 * profiles and 20,000,000 events, on PostgreSQL (server/bench/README.md: "Benchmarks at scale").
 *
 *   npm run bench:scale                      generate when the data is missing, then measure
 *   npm run bench:scale -- --generate        generate when missing, don't measure
 *   npm run bench:scale -- --regenerate      drop the database, generate again, measure
 *   npm run bench:scale -- --measure-only    measure; fail if the data is missing
 *   (data generated before the generator wrote events in time order is reordered once first, any mode)
 *   options: --runs 20 (repeated figures), --single-runs 200 (single-profile figures), --only <regex>,
 *            --budget-seconds 60 (a figure stops repeating once this is spent; at least one timed run),
 *            --timeout-seconds 120 (statement_timeout of the measuring connections; a figure over it is reported as timed out)
 *
 * The database is BENCH_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/parley_bench_scale.
 * stdout: one JSON line per figure (with the setup); stderr: progress and a human summary.
 */
import os from "node:os";
import { connectBenchDatabase, dropDatabase, ensureDatabase } from "./bench-database";
import { DEFAULT_BENCH_DATABASE_URL } from "./scale-config";
import type { Figure } from "./scale-measurements";

type Args = { generateOnly: boolean; regenerate: boolean; measureOnly: boolean; runs: number; singleRuns: number; budgetSeconds: number; timeoutSeconds: number; only?: RegExp };

function parseArgs(argv: string[]): Args {
  const args: Args = { generateOnly: false, regenerate: false, measureOnly: false, runs: 20, singleRuns: 200, budgetSeconds: 60, timeoutSeconds: 120 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--generate") args.generateOnly = true;
    else if (a === "--regenerate") args.regenerate = true;
    else if (a === "--measure-only") args.measureOnly = true;
    else if (a === "--runs") args.runs = Math.max(1, Number(value()));
    else if (a === "--single-runs") args.singleRuns = Math.max(1, Number(value()));
    else if (a === "--budget-seconds") args.budgetSeconds = Math.max(1, Number(value()));
    else if (a === "--timeout-seconds") args.timeoutSeconds = Math.max(1, Number(value()));
    else if (a === "--only") args.only = new RegExp(value());
    else throw new Error(`Unknown option ${a} (see server/bench/scale/run-scale-bench.ts)`);
  }
  return args;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  // A CLI chooses its database before the app's configuration is first read (like npm run eval).
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const args = parseArgs(process.argv.slice(2));
  // The app's connections (migrations, measurements) stop a statement after --timeout-seconds.
  const appUrl = new URL(url);
  appUrl.searchParams.set("options", `-c statement_timeout=${args.timeoutSeconds * 1000}`);
  process.env.DATABASE_URL = appUrl.toString();
  const started = Date.now();

  const { applyMigrations } = await import("../../db/migrate");
  const { generateScaleData, isScaleDataPresent, isEventTableTimeOrdered, orderEventsByTime, recordTimeOrder } = await import("./generate-scale-data");
  const { readSetup } = await import("./scale-setup");
  const dbName = new URL(url).pathname.slice(1);

  await ensureDatabase(url);
  let client = await connectBenchDatabase(url);
  try {
    const isPresent = await isScaleDataPresent(client);
    if (!isPresent && args.measureOnly) throw new Error("No generated data in the bench database; run npm run bench:scale -- --generate first.");
    if (!isPresent || args.regenerate) {
      // Always from an empty database: a generation cut short leaves partial rows and dropped indexes.
      await client.end();
      log(`Creating ${dbName} afresh and generating the brand (1,000,000 profiles, 20,000,000 events); this takes minutes…`);
      await dropDatabase(url);
      await ensureDatabase(url);
      const applied = await applyMigrations();
      log(`Applied ${applied.length} migration(s).`);
      const report = await generateScaleData(() => connectBenchDatabase(url), log);
      log(`Generated in ${report.seconds.toFixed(0)} s.`);
      client = await connectBenchDatabase(url);
    } else {
      const applied = await applyMigrations();
      if (applied.length) log(`Applied ${applied.length} new migration(s) to ${dbName}: ${applied.join(", ")}`);
      // Data generated before the generator wrote events in time order: reorder it once (recorded, so re-runs skip it).
      if (!(await isEventTableTimeOrdered(client))) {
        const run = (sql: string, params: unknown[] = []) => client.query(sql, params);
        await recordTimeOrder(run, await orderEventsByTime(run, log, { vacuum: true }));
      }
    }
    const setup = await readSetup(client);
    if (args.generateOnly) {
      process.stdout.write(`${JSON.stringify({ figure: "generation", seconds: setup.generation.seconds, steps: setup.generation.steps, setup })}\n`);
      return;
    }

    const { measureScale } = await import("./scale-measurements");
    const { getDb, closeDb } = await import("../../db");
    log(`Measuring (${args.runs} runs each, ${args.singleRuns} for single-profile figures)…`);
    const measureStarted = Date.now();
    let figures: Figure[];
    try {
      figures = await measureScale(getDb(), { runs: args.runs, singleProfileRuns: args.singleRuns, budgetMs: args.budgetSeconds * 1000, statementTimeoutSeconds: args.timeoutSeconds, only: args.only, log });
    } finally {
      await closeDb();
    }
    const measureSeconds = (Date.now() - measureStarted) / 1000;
    const runSetup = { ...setup, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), measuredAt: new Date().toISOString() };
    for (const f of figures) {
      const round = (n: number) => Math.round(n * 100) / 100;
      process.stdout.write(
        `${JSON.stringify({
          figure: f.figure,
          group: f.group,
          runs: f.timing.runs,
          medianMs: round(f.timing.medianMs),
          p95Ms: round(f.timing.p95Ms),
          minMs: round(f.timing.minMs),
          maxMs: round(f.timing.maxMs),
          targetMs: f.targetMs,
          meetsTarget: f.timing.p95Ms < f.targetMs,
          result: f.result,
          setup: runSetup,
        })}\n`,
      );
    }
    printSummary(figures, setup, measureSeconds, (Date.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

function printSummary(figures: Figure[], setup: Awaited<ReturnType<typeof import("./scale-setup").readSetup>>, measureSeconds: number, totalSeconds: number) {
  const c = setup.rows;
  log("");
  log(`Scale benchmark — ${c.Profile.toLocaleString("en-US")} profiles, ${c.Event.toLocaleString("en-US")} events, ${c.Message.toLocaleString("en-US")} messages, ${c.Campaign} campaigns`);
  log(`${setup.machine.cpus} × ${setup.machine.cpuModel}, ${setup.machine.memoryGb} GB; ${setup.postgres.version}; shared_buffers ${setup.postgres.sharedBuffers}, work_mem ${setup.postgres.workMem}; load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  log(`Data generated ${setup.generation.generatedAt} in ${setup.generation.seconds.toFixed(0)} s`);
  log("");
  const width = Math.max(...figures.map((f) => f.figure.length), 10);
  log(`${"figure".padEnd(width)}  ${"median ms".padStart(10)}  ${"p95 ms".padStart(10)}  ${"target".padStart(8)}  met`);
  for (const f of figures) {
    log(`${f.figure.padEnd(width)}  ${f.timing.medianMs.toFixed(1).padStart(10)}  ${f.timing.p95Ms.toFixed(1).padStart(10)}  ${`< ${f.targetMs}`.padStart(8)}  ${f.timing.p95Ms < f.targetMs ? "yes" : "NO"}`);
  }
  log("");
  log(`Measured in ${measureSeconds.toFixed(0)} s (whole run ${totalSeconds.toFixed(0)} s).`);
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
