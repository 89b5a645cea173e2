/**
 * The profile import queue (pg-boss). One job = one import, run a part at a time (see
 * profile-imports.ts). Policy "singleton" keyed by the import: never two runs of one import at once.
 */
import type { PgBoss } from "pg-boss";
import type { Db } from "../db";
import { ensureQueueOnce, getBoss } from "../jobs/queue";
import { runProfileImport } from "./profile-imports";

export const PROFILE_IMPORT_QUEUE = "profiles.import";

export type ProfileImportJobData = { importId: string };

/** Creates the queue once per queue client (the web process enqueues before any worker ran). */
function ensureProfileImportQueue(boss: PgBoss): Promise<void> {
  return ensureQueueOnce(boss, PROFILE_IMPORT_QUEUE, {
    policy: "singleton",
    notify: true,
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
    // 10,000 rows take well under a minute; the heartbeat fails a run whose process died sooner.
    expireInSeconds: 900,
  });
}

export async function enqueueProfileImport(importId: string): Promise<void> {
  const boss = await getBoss();
  await ensureProfileImportQueue(boss);
  await boss.send(PROFILE_IMPORT_QUEUE, { importId } satisfies ProfileImportJobData, { singletonKey: importId, heartbeatSeconds: 10 });
}

/** Registers the handler on the worker's queue client, and re-enqueues imports a restart interrupted (they resume where they stopped). */
export async function registerProfileImportJobs(boss: PgBoss, db: Db): Promise<void> {
  await ensureProfileImportQueue(boss);
  await boss.work<ProfileImportJobData>(PROFILE_IMPORT_QUEUE, { localConcurrency: 1, batchSize: 1, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 5 }, async ([job]) => {
    if (job) await runProfileImport(db, job.data.importId, { signal: job.signal });
  });
  const unfinished = await db.profileImport.findMany({ where: { status: { in: ["queued", "running"] } }, select: { id: true } });
  for (const { id } of unfinished) await enqueueProfileImport(id);
}
