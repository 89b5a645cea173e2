/**
 * 2. Pipeline throughput on PostgreSQL: N inbound texts from N distinct subscribed shoppers are
 * stored through the real webhook with no worker running, then 1 (and then 2) `npm run worker`
 * processes drain them: every text processed (processedAt set) and every agent reply received by
 * the Twilio loopback, through the real twilio SDK. The stored jobs are held back until the
 * workers are up; rate = texts ÷ (last reply received − release). Beside it: the database's raw single-row INSERT rate with as many connections
 * as the workers hold, CPU seconds of the workers vs. PostgreSQL, and statements (transactions)
 * per text, which say what bounds the figure.
 */
import pg from "pg";
import { startTwilioLoopback, type TwilioLoopback } from "../testing/twilio-loopback";
import { startAppServer, startWorkerProcess, type AppChild } from "./app-processes";
import { createBenchDatabase } from "./bench-database";
import { answerableText, demoBrand, inboundProgress, seedSubscribedShoppers } from "./bench-data";
import { DEMO_BRAND_NUMBER } from "./bench-constants";
import { cpuBetween, databaseCounters, postgresBackendPids, snapshotCpu } from "./cpu-usage";
import { machineSetup } from "./machine-setup";
import { rawInsertRate } from "./raw-insert-rate";
import { emitFigure, round, say } from "./report";
import { postSignedWebhooks } from "./webhook-load";

export type PipelineOptions = { adminUrl: string; texts: number; workerCounts: number[]; workerEnv: Record<string, string>; nodeArgs?: string[] };

/** Database connections one worker process may hold: Prisma's pool (server/db/client.ts). */
const CONNECTIONS_PER_WORKER = 10;
const TIMEOUT_MS = 10 * 60_000;

export async function pipelineBench(opts: PipelineOptions): Promise<void> {
  const database = await createBenchDatabase(opts.adminUrl, "pipeline");
  const loopback = await startTwilioLoopback({ port: 3510 });
  const server = await startAppServer({ port: 3502, databaseUrl: database.url, workerMode: "off", twilioApiBaseUrl: loopback.url });
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    const brand = await demoBrand(database.url);
    for (const [round_, workers] of opts.workerCounts.entries()) {
      await pipelineRound({ ...opts, database, loopback, serverUrl: server.url, serverPort: 3502, brandId: brand.id, pool, workers, firstShopper: (round_ + 1) * 1_000_000 });
    }
  } finally {
    await pool.end();
    await server.stop();
    await loopback.close();
    await database.drop();
    say("pipeline: cleaned up");
  }
}

type Round = PipelineOptions & {
  database: { name: string; url: string };
  loopback: TwilioLoopback;
  serverUrl: string;
  serverPort: number;
  brandId: string;
  pool: pg.Pool;
  workers: number;
  firstShopper: number;
};

/**
 * Holds (or releases) the stored inbound jobs by moving their start_after (pg-boss fetches only
 * jobs whose start_after has come). Bench-only: the app never touches pg-boss's tables.
 */
async function holdInboundJobs(pool: pg.Pool, isHeld: boolean): Promise<void> {
  await pool.query(
    `UPDATE pgboss.job SET start_after = ${isHeld ? "now() + interval '1 day'" : "now()"} WHERE name = 'inbound.process' AND state = 'created'`,
  );
}

function agentSends(loopback: TwilioLoopback): number {
  return loopback.requests.filter((r) => r.method === "POST" && r.path.endsWith("/Messages.json")).length;
}

async function pipelineRound(r: Round): Promise<void> {
  await seedSubscribedShoppers(r.database.url, r.brandId, r.firstShopper, r.texts);
  const since = new Date(Date.now() - 1000);
  r.loopback.reset();
  const stored = await postSignedWebhooks({
    serverUrl: r.serverUrl,
    brandNumber: DEMO_BRAND_NUMBER,
    rate: 300,
    count: r.texts,
    fromIndex: (i) => r.firstShopper + i,
    text: answerableText,
  });
  if (stored.ok !== r.texts) throw new Error(`pipeline: only ${stored.ok} of ${r.texts} webhooks were stored (${JSON.stringify(stored.statusCounts)})`);
  say(`pipeline: ${r.texts} texts stored with no worker running; starting ${r.workers} worker(s)`);

  const raw = await rawInsertRate(r.database.url, r.workers * CONNECTIONS_PER_WORKER);
  const workers: AppChild[] = [];
  try {
    // Hold the stored jobs back until every worker is up (a worker booting under load takes
    // seconds, and the first one up would otherwise start alone), then release them at once.
    await holdInboundJobs(r.pool, true);
    workers.push(...(await Promise.all(Array.from({ length: r.workers }, (_, index) => startWorkerProcess({ index, port: r.serverPort, databaseUrl: r.database.url, twilioApiBaseUrl: r.loopback.url, extra: r.workerEnv, nodeArgs: r.nodeArgs })))));
    await new Promise((res) => setTimeout(res, 2000));
    const cpuBefore = snapshotCpu(workers.map((w) => w.pid), await postgresBackendPids(r.pool, r.database.name));
    const countersBefore = await databaseCounters(r.pool, r.database.name);
    const startedAt = Date.now();
    await holdInboundJobs(r.pool, false);
    const deadline = startedAt + TIMEOUT_MS;
    let progress = await inboundProgress(r.pool, since);
    let outboundRows = 0;
    for (;;) {
      progress = await inboundProgress(r.pool, since);
      outboundRows = Number((await r.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Message" WHERE direction = 'outbound' AND "createdAt" >= $1`, [since])).rows[0]!.n);
      if (progress.processed >= r.texts && agentSends(r.loopback) >= outboundRows) break;
      if (Date.now() > deadline) break;
      await new Promise((res) => setTimeout(res, 250));
    }
    const doneAt = Date.now();
    const cpu = cpuBetween(cpuBefore, snapshotCpu(workers.map((w) => w.pid), await postgresBackendPids(r.pool, r.database.name)));
    const isComplete = progress.processed >= r.texts && agentSends(r.loopback) >= outboundRows;
    const lastReplyAt = Math.max(...r.loopback.requests.map((q) => Date.parse(q.at)), 0);
    const seconds = Math.max(0.001, ((isComplete ? lastReplyAt : doneAt) - startedAt) / 1000);
    // pg_stat_database is flushed by each backend at most once a second.
    await new Promise((res) => setTimeout(res, 1500));
    const countersAfter = await databaseCounters(r.pool, r.database.name);
    const textsPerSec = round(progress.processed / seconds);
    emitFigure(
      {
        bench: "pipeline",
        backend: "postgres",
        workers: r.workers,
        texts: r.texts,
        complete: isComplete,
        processed: progress.processed,
        replies: agentSends(r.loopback),
        seconds: round(seconds, 2),
        textsPerSec,
        rawInsertsPerSec: raw.insertsPerSec,
        fractionOfRawInsert: round(textsPerSec / raw.insertsPerSec, 3),
        perText: {
          transactions: round((countersAfter.transactions - countersBefore.transactions) / r.texts, 1),
          rowsInserted: round((countersAfter.inserted - countersBefore.inserted) / r.texts, 1),
          rowsUpdated: round((countersAfter.updated - countersBefore.updated) / r.texts, 1),
        },
        cpuMsPerText: { workers: round((1000 * cpu.appCpuS) / r.texts, 2), postgres: round((1000 * cpu.postgresCpuS) / r.texts, 2) },
        cpuSeconds: { workers: cpu.appCpuS, postgres: cpu.postgresCpuS, wall: round((doneAt - startedAt) / 1000, 1) },
        dispositions: progress.dispositions,
        setup: {
          ...(await machineSetup(r.adminUrl)),
          workerProcesses: r.workers,
          workerEnv: r.workerEnv,
          rawInsert: raw,
          loopback: "server/testing/twilio-loopback.ts in the bench process",
          storedWith: "signed webhooks to the production server (WORKER_MODE=off), 300 req/s",
        },
      },
      `pipeline ${r.workers} worker(s): ${progress.processed}/${r.texts} texts in ${round(seconds, 1)} s = ${textsPerSec} texts/s (${round((100 * textsPerSec) / raw.insertsPerSec, 1)}% of ${raw.insertsPerSec} raw inserts/s); ` +
        `CPU workers ${cpu.appCpuS} s, postgres ${cpu.postgresCpuS} s${isComplete ? "" : "  (INCOMPLETE: timed out)"}`,
    );
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}
