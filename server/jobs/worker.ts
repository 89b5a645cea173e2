/**
 * The queue worker: runs inbound texts through the pipeline, sends outbound messages and delivers
 * handoffs to the brand's helpdesk.
 * Embedded mode starts it inside the web process; `npm run worker` runs it alone.
 */
import { registerCampaignJobs, requeueCampaignWork } from "../campaigns/campaign-jobs";
import { resolveExpiredConversations } from "../conversations";
import { getDb } from "../db";
import { deliverHandoffAttempt, requeuePendingHandoffs } from "../helpdesk";
import { processInbound, requeueUnprocessedInbound } from "../inbound";
import { deliverOutbound, requeueQueuedOutbound } from "../outbound";
import { getBoss, QueueName, stopBoss } from "./queue";

type Holder = { started?: Promise<void>; sweeper?: NodeJS.Timeout };
const holder = ((globalThis as Record<string, unknown>).__parleyWorker ??= {}) as Holder;

async function start(): Promise<void> {
  const boss = await getBoss();
  const db = getDb();
  await boss.work<{ messageId: string }>(
    QueueName.inbound,
    { localConcurrency: 4, batchSize: 1, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 5 },
    async ([job]) => {
      if (!job) return;
      try {
        await processInbound(db, job.data.messageId);
      } catch (error) {
        const meta = await boss.getJobById<{ messageId: string }>(QueueName.inbound, job.id);
        if (meta && job.retryCount < meta.retryLimit) throw error;
        // Out of retries: the text still gets a visible answer to "why no reply?".
        console.error(`[pipeline] gave up on message ${job.data.messageId}:`, error);
        await db.message.updateMany({
          where: { id: job.data.messageId, processedAt: null },
          data: { disposition: "failed", processedAt: new Date(), errorMessage: String(error instanceof Error ? error.message : error).slice(0, 500) },
        });
      }
    },
  );
  await boss.work<{ messageId: string }>(
    QueueName.outbound,
    { localConcurrency: 4, batchSize: 1, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 5 },
    async ([job]) => {
      if (!job) return;
      const meta = await boss.getJobById<{ messageId: string }>(QueueName.outbound, job.id);
      const isLastAttempt = !meta || job.retryCount >= meta.retryLimit;
      const outcome = await deliverOutbound(db, job.data.messageId, { isLastAttempt });
      if (outcome === "retry") throw new Error(`send of ${job.data.messageId} failed; retrying`);
    },
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
  // Work a crash left behind: stored texts never processed, replies never handed to a transport,
  // handoffs never delivered.
  await requeueUnprocessedInbound(db);
  await requeueQueuedOutbound(db);
  await requeuePendingHandoffs(db);
  await requeueCampaignWork(db);
  // Conversations answered and then left quiet past their window are resolved.
  holder.sweeper = setInterval(() => void resolveExpiredConversations(db).catch((e) => console.error("[sweeper]", e)), SWEEP_INTERVAL_MS);
  holder.sweeper.unref();
}

const SWEEP_INTERVAL_MS = 60_000;

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
