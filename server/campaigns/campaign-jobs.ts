/**
 * The worker's side of campaigns: the handler for the campaign queue, and the start-up sweep that
 * re-enqueues campaigns a crash or restart left behind (a sending campaign resumes where its
 * recipients' statuses say it stopped; a scheduled one waits for its time again).
 */
import type { PgBoss } from "pg-boss";
import type { Db } from "../db";
import { CAMPAIGN_QUEUE, enqueueCampaignRun, ensureCampaignQueue, type CampaignJobData } from "./campaign-queue";
import { runCampaign, type RunCampaignOptions } from "./run-campaign";

/** Registers the campaign queue's handler on the worker's queue client. */
export async function registerCampaignJobs(boss: PgBoss, db: Db, opts: Pick<RunCampaignOptions, "budgetMs"> = {}): Promise<void> {
  await ensureCampaignQueue(boss);
  await boss.work<CampaignJobData>(
    CAMPAIGN_QUEUE,
    // Runs of different brands in parallel; the queue's singleton policy keeps one run per brand.
    { localConcurrency: 4, batchSize: 1, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 5 },
    async ([job]) => {
      if (!job) return;
      const result = await runCampaign(db, job.data.campaignId, { signal: job.signal, budgetMs: opts.budgetMs });
      // Follow-ups for work left now or at a quiet-hours wake-up. A run that came early (the campaign was
      // rescheduled) adds none: scheduling queued a job for the new time.
      if (result.next && (result.outcome === "more" || result.outcome === "waiting")) {
        const campaign = await db.campaign.findUnique({ where: { id: job.data.campaignId }, select: { id: true, brandId: true } });
        if (campaign) await enqueueCampaignRun(campaign, result.next);
      }
    },
  );
}

/** Re-enqueues every campaign with work left: sending ones now, scheduled ones for their time. */
export async function requeueCampaignWork(db: Db): Promise<number> {
  const campaigns = await db.campaign.findMany({ where: { status: { in: ["scheduled", "sending"] } }, select: { id: true, brandId: true, status: true, scheduledAt: true } });
  for (const c of campaigns) await enqueueCampaignRun(c, c.status === "scheduled" ? c.scheduledAt : null);
  return campaigns.length;
}
