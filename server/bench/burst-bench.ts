/**
 * 3. A campaign's reply burst: `replies` signed webhooks from as many subscribed shoppers, posted
 * over HTTP within `seconds` to the production server on PostgreSQL (WORKER_MODE=off) with
 * `workers` separate worker processes. Measures the time from the first webhook until the last
 * agent reply reaches the Twilio loopback, the webhook latency during the burst, and the queue
 * depth (pg-boss jobs created or retrying) sampled every 500 ms.
 */
import pg from "pg";
import { startTwilioLoopback } from "../testing/twilio-loopback";
import { startAppServer, startWorkerProcess, type AppChild } from "./app-processes";
import { createBenchDatabase } from "./bench-database";
import { answerableText, demoBrand, inboundProgress, queueDepth, seedSubscribedShoppers } from "./bench-data";
import { DEMO_BRAND_NUMBER } from "./bench-constants";
import { machineSetup } from "./machine-setup";
import { emitFigure, percentile, round, say } from "./report";
import { postSignedWebhooks } from "./webhook-load";

export type BurstOptions = { adminUrl: string; replies: number; seconds: number; workers: number; workerEnv: Record<string, string>; nodeArgs?: string[] };

const TIMEOUT_MS = 20 * 60_000;
const SAMPLE_MS = 500;

export async function burstBench(opts: BurstOptions): Promise<void> {
  const database = await createBenchDatabase(opts.adminUrl, "burst");
  const loopback = await startTwilioLoopback({ port: 3511 });
  const server = await startAppServer({ port: 3503, databaseUrl: database.url, workerMode: "off", twilioApiBaseUrl: loopback.url, nodeArgs: opts.nodeArgs });
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const workers: AppChild[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    const brand = await demoBrand(database.url);
    await seedSubscribedShoppers(database.url, brand.id, 1, opts.replies);
    workers.push(...(await Promise.all(Array.from({ length: opts.workers }, (_, index) => startWorkerProcess({ index, port: 3503, databaseUrl: database.url, twilioApiBaseUrl: loopback.url, extra: opts.workerEnv, nodeArgs: opts.nodeArgs })))));
    const since = new Date(Date.now() - 1000);
    loopback.reset();
    const samples: { t: number; depth: Record<string, number> }[] = [];
    const startedAt = Date.now();
    let isSampling = false;
    sampler = setInterval(() => {
      if (isSampling) return;
      isSampling = true;
      queueDepth(pool)
        .then((depth) => samples.push({ t: Date.now() - startedAt, depth }))
        .catch(() => undefined)
        .finally(() => (isSampling = false));
    }, SAMPLE_MS);
    say(`burst: ${opts.replies} webhooks over ${opts.seconds} s, ${opts.workers} worker process(es)`);
    const load = await postSignedWebhooks({
      serverUrl: server.url,
      brandNumber: DEMO_BRAND_NUMBER,
      rate: opts.replies / opts.seconds,
      count: opts.replies,
      fromIndex: (i) => 1 + i,
      text: answerableText,
    });
    const postedAt = Date.now();
    say(`burst: posted in ${round((postedAt - startedAt) / 1000, 1)} s (p99 ${percentile(load.latenciesMs, 99)} ms, non-2xx ${load.non2xx + load.errors}); waiting for the replies`);
    let progress = await inboundProgress(pool, since);
    let outboundRows = 0;
    const sends = () => loopback.requests.filter((q) => q.method === "POST" && q.path.endsWith("/Messages.json")).length;
    for (;;) {
      progress = await inboundProgress(pool, since);
      outboundRows = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Message" WHERE direction = 'outbound' AND "createdAt" >= $1`, [since])).rows[0]!.n);
      if (progress.processed >= load.ok && sends() >= outboundRows) break;
      if (Date.now() - startedAt > TIMEOUT_MS) break;
      await new Promise((res) => setTimeout(res, 250));
    }
    clearInterval(sampler);
    const isComplete = progress.processed >= load.ok && sends() >= outboundRows;
    const lastReplyAt = Math.max(...loopback.requests.map((q) => Date.parse(q.at)), startedAt);
    const total = (d: Record<string, number>) => Object.values(d).reduce((a, b) => a + b, 0);
    const peak = samples.reduce((best, s) => (total(s.depth) > total(best.depth) ? s : best), { t: 0, depth: {} as Record<string, number> });
    const secondsToLastReply = round((lastReplyAt - startedAt) / 1000, 1);
    emitFigure(
      {
        bench: "burst",
        backend: "postgres",
        replies: opts.replies,
        postSeconds: round((postedAt - startedAt) / 1000, 1),
        stored: load.ok,
        non2xx: load.non2xx + load.errors,
        webhookP50Ms: percentile(load.latenciesMs, 50),
        webhookP99Ms: percentile(load.latenciesMs, 99),
        complete: isComplete,
        processed: progress.processed,
        repliesSent: sends(),
        secondsToLastReply,
        drainTextsPerSec: round(progress.processed / Math.max(0.001, (lastReplyAt - startedAt) / 1000), 1),
        maxQueueDepth: total(peak.depth),
        maxQueueDepthAtS: round(peak.t / 1000, 1),
        maxQueueDepthByQueue: peak.depth,
        queueDepthSamples: samples.filter((_, i) => i % 10 === 0).map((s) => [round(s.t / 1000, 1), total(s.depth)]),
        dispositions: progress.dispositions,
        setup: { ...(await machineSetup(opts.adminUrl)), web: "server/cli/start.ts, WORKER_MODE=off", workerProcesses: opts.workers, workerEnv: opts.workerEnv, targetPostSeconds: opts.seconds },
      },
      `burst ${opts.replies} replies: last reply sent after ${secondsToLastReply} s; max queue depth ${total(peak.depth)} at ${round(peak.t / 1000, 1)} s; webhook p99 ${percentile(load.latenciesMs, 99)} ms${isComplete ? "" : "  (INCOMPLETE: timed out)"}`,
    );
  } finally {
    if (sampler) clearInterval(sampler);
    await Promise.all(workers.map((w) => w.stop()));
    await pool.end();
    await server.stop();
    await loopback.close();
    await database.drop();
    say("burst: cleaned up");
  }
}
