/**
 * The queue worker: runs inbound texts through the pipeline, sends outbound messages and delivers
 * handoffs to the brand's helpdesk.
 * Embedded mode starts it inside the web process; `npm run worker` runs it alone.
 */
import { registerCampaignJobs, requeueCampaignWork } from "../campaigns/campaign-jobs";
import { resolveExpiredConversations } from "../conversations";
import { databaseKind, getDb } from "../db";
import { deliverHandoffAttempt, requeuePendingHandoffs } from "../helpdesk";
import { processInbound, requeueUnprocessedInbound } from "../inbound";
import { registerProfileImportJobs } from "../profiles";
import { deliverOutbound, reconcileStaleClaims, requeueQueuedOutbound } from "../outbound";
import type { Db } from "../db";
import { env } from "../env";
import { getBoss, QueueName, stopBoss } from "./queue";
import type { JobResult, JobWithMetadata } from "pg-boss";

type Holder = { started?: Promise<void>; sweeper?: NodeJS.Timeout };
const holder = ((globalThis as Record<string, unknown>).__parleyWorker ??= {}) as Holder;

async function isDatabaseUp(db: Db): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a job's work, riding out a database restart: when it fails while the database is
 * unreachable, wait for the database and run it again (the work is idempotent). Without this the
 * job's failure could not be recorded either, and pg-boss would hold the job (and, on the inbound
 * queue, the shopper's FIFO key) until it expires minutes later.
 */
async function ridingOutDatabaseOutage<T>(db: Db, work: () => Promise<T>, opts: { maxWaitMs: number; signal: AbortSignal }): Promise<T> {
  const deadline = Date.now() + opts.maxWaitMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (await isDatabaseUp(db)) throw error;
      do {
        // Aborted: pg-boss failed this attempt (its heartbeat lapsed during the outage) and retries it.
        if (Date.now() > deadline || opts.signal.aborted) throw error;
        await new Promise((r) => setTimeout(r, 250));
      } while (!(await isDatabaseUp(db)));
    }
  }
}

/**
 * What a crash or an outage left behind: claims of a dead sender (reconciled with the provider
 * before any resend), texts stored but never processed, sends queued without a job. `olderThan`
 * limits the last two to work stuck longer than a live job would take.
 */
async function sweep(db: Db, opts: { olderThan?: Date } = {}): Promise<void> {
  await reconcileStaleClaims(db);
  await requeueUnprocessedInbound(db, opts);
  await requeueQueuedOutbound(db, opts);
}

/** One job's outcome for pg-boss: completed, or failed (retried while retries are left). */
async function settle(id: string, run: () => Promise<void>): Promise<JobResult> {
  try {
    await run();
    return { id, status: "completed" };
  } catch (error) {
    return { id, status: "failed", output: { message: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Fetch options for a busy queue. A fetch takes up to `batchSize` jobs (never two of one shopper on
 * the inbound queue: key_strict_fifo hands out each key's head only) and they run at once, each
 * settled on its own; metadata comes with the fetch, so no extra query per job for its retry
 * count. While fetches come back full there is a backlog and the loop fetches again at once; the
 * default (wait for NOTIFY or the idle poll after every fetch) drained a backlog at about one job
 * per loop per idle interval.
 */
function busyQueueOptions(batchSize: number, localConcurrency: number) {
  const idle = env().WORKER_IDLE_POLL_SECONDS;
  return {
    batchSize,
    localConcurrency,
    includeMetadata: true,
    perJobResults: true,
    burstWhenBatchFull: true,
    // batchSize 1 has no "full" batch: burst while the cached backlog says there is more.
    burstWhenReadyExceeds: 1,
    pollingIntervalSeconds: Math.min(0.5, idle),
    notifyPollingIntervalSeconds: idle,
  } as const;
}

type BusyQueueOptions = ReturnType<typeof busyQueueOptions>;

/**
 * Defaults by database: PostgreSQL takes 8 jobs a fetch on 2 loops. PGlite runs one query at a
 * time for the whole process, webhooks included, so the embedded worker keeps 2 texts in flight
 * (a webhook waits behind their queries) and lets a backlog wait in the queue instead.
 */
function workerTuning() {
  const e = env();
  // Batches of 2 rather than 1 on PGlite: a full batch is what keeps a loop fetching through a backlog.
  const [batch, loops] = databaseKind() === "pglite" ? [2, 1] : [8, 2];
  return {
    inbound: { batchSize: e.WORKER_INBOUND_BATCH_SIZE ?? batch, concurrency: e.WORKER_INBOUND_CONCURRENCY ?? loops },
    outbound: { batchSize: e.WORKER_OUTBOUND_BATCH_SIZE ?? batch, concurrency: e.WORKER_OUTBOUND_CONCURRENCY ?? loops },
  };
}

async function start(): Promise<void> {
  const boss = await getBoss();
  const db = getDb();
  const tuning = workerTuning();
  await boss.work<{ messageId: string }, JobResult[], BusyQueueOptions>(QueueName.inbound, busyQueueOptions(tuning.inbound.batchSize, tuning.inbound.concurrency), (jobs: JobWithMetadata<{ messageId: string }>[]) =>
    Promise.all(
      jobs.map((job) =>
        settle(job.id, async () => {
          try {
            await ridingOutDatabaseOutage(db, () => processInbound(db, job.data.messageId), { maxWaitMs: 45_000, signal: job.signal });
          } catch (error) {
            if (job.retryCount < job.retryLimit) throw error;
            // Out of retries: the text still gets a visible answer to "why no reply?".
            console.error(`[pipeline] gave up on message ${job.data.messageId}:`, error);
            await db.message.updateMany({
              where: { id: job.data.messageId, processedAt: null },
              data: { disposition: "failed", processedAt: new Date(), errorMessage: String(error instanceof Error ? error.message : error).slice(0, 500) },
            });
          }
        }),
      ),
    ),
  );
  await boss.work<{ messageId: string }, JobResult[], BusyQueueOptions>(QueueName.outbound, busyQueueOptions(tuning.outbound.batchSize, tuning.outbound.concurrency), (jobs: JobWithMetadata<{ messageId: string }>[]) =>
    Promise.all(
      jobs.map((job) =>
        settle(job.id, async () => {
          const outcome = await ridingOutDatabaseOutage(
            db,
            () => deliverOutbound(db, job.data.messageId, { isLastAttempt: job.retryCount >= job.retryLimit }),
            { maxWaitMs: 25_000, signal: job.signal },
          );
          if (outcome === "retry") throw new Error(`send of ${job.data.messageId} failed; retrying`);
        }),
      ),
    ),
  );
  await boss.work<{ ticketId: string }>(
    QueueName.handoff,
    { localConcurrency: 2, batchSize: 1, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 5 },
    async ([job]) => {
      if (!job) return;
      const meta = await boss.getJobById<{ ticketId: string }>(QueueName.handoff, job.id);
      const isLastAttempt = !meta || job.retryCount >= meta.retryLimit;
      const outcome = await deliverHandoffAttempt(db, job.data.ticketId, { isLastAttempt });
      if (outcome === "retry") throw new Error(`delivery of handoff ${job.data.ticketId} failed; retrying`);
    },
  );
  await registerCampaignJobs(boss, db);
  await registerProfileImportJobs(boss, db);
  // Work a crash left behind: stored texts never processed, replies never handed to a transport
  // (or claimed by a sender that died), handoffs never delivered.
  await sweep(db);
  await requeuePendingHandoffs(db);
  await requeueCampaignWork(db);
  // Periodically: the same for work an outage stranded while this worker ran, and conversations
  // answered and then left quiet past their window are resolved.
  const e = env();
  let sweeping = false;
  holder.sweeper = setInterval(() => {
    // One sweep at a time: under a large backlog a sweep can outlast the interval.
    if (!sweeping) {
      sweeping = true;
      void sweep(db, { olderThan: new Date(Date.now() - e.STUCK_WORK_AFTER_MS) })
        .catch((error) => console.error("[sweeper]", error))
        .finally(() => (sweeping = false));
    }
    void resolveExpiredConversations(db).catch((error) => console.error("[sweeper]", error));
  }, e.WORKER_SWEEP_INTERVAL_MS);
  holder.sweeper.unref();
}

/** Starts the worker once per process. */
export function startWorker(): Promise<void> {
  holder.started ??= start().catch((error) => {
    holder.started = undefined;
    throw error;
  });
  return holder.started;
}

export function isWorkerStarted(): boolean {
  return holder.started !== undefined;
}

/** Stops the sweeper and the queue (in-flight jobs finish first). */
export async function stopWorker(): Promise<void> {
  if (holder.sweeper) clearInterval(holder.sweeper);
  holder.sweeper = undefined;
  holder.started = undefined;
  await stopBoss();
}
