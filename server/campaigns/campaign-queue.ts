/**
 * The campaign queue (pg-boss). One job = one run of a campaign: start it when due, then send for a
 * few seconds at the brand's rate and hand over to a follow-up job. Policy "singleton" keyed by
 * brand: at most one run per brand is active at a time, across every worker process, so a brand's
 * campaigns share its sender's rate and never race each other; any number may wait queued.
 */
import type { PgBoss } from "pg-boss";
import { ensureQueueOnce, getBoss } from "../jobs/queue";

export const CAMPAIGN_QUEUE = "campaign.send";

export type CampaignJobData = { campaignId: string };

/** Creates the queue once per queue client (the web process may enqueue before any worker ran). */
export async function ensureCampaignQueue(boss: PgBoss): Promise<void> {
  await ensureQueueOnce(boss, CAMPAIGN_QUEUE, {
    policy: "singleton",
    notify: true,
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    // A run hands over after a few seconds; one that stays active this long died with its process.
    expireInSeconds: 60,
  });
}

/** Runs the campaign now, or not before `startAfter`. Duplicates are harmless: a run with nothing due does nothing. */
export async function enqueueCampaignRun(campaign: { id: string; brandId: string }, startAfter?: Date | null): Promise<void> {
  const boss = await getBoss();
  await ensureCampaignQueue(boss);
  await boss.send(CAMPAIGN_QUEUE, { campaignId: campaign.id } satisfies CampaignJobData, {
    singletonKey: `brand:${campaign.brandId}`,
    ...(startAfter && startAfter.getTime() > Date.now() ? { startAfter } : {}),
  });
}
