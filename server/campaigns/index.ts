/** SMS campaigns: compose, estimate, send now or on a schedule, the queue that sends them, progress and reply attribution. */
export { createCampaign, updateCampaign, deleteCampaign, sendCampaignNow, scheduleCampaign, unscheduleCampaign, cancelCampaign, listCampaigns, getCampaign, campaignStatuses, MAX_SCHEDULE_AHEAD_DAYS, type CampaignStatus, type CampaignSummary } from "./campaigns";
export { estimateCampaign, previewCampaignText, type CampaignEstimate } from "./campaign-estimate";
export { campaignProgress, listCampaignRecipients, recipientStatuses, type RecipientStatus, type CampaignProgress, type CampaignRecipientRow } from "./progress";
export { campaignForReply, DEFAULT_ATTRIBUTION_WINDOW_HOURS } from "./campaign-for-reply";
export { registerCampaignJobs, requeueCampaignWork } from "./campaign-jobs";
export { enqueueCampaignRun, CAMPAIGN_QUEUE } from "./campaign-queue";
export { runCampaign, campaignIdempotencyKey, type RunCampaignOptions, type RunCampaignResult } from "./run-campaign";
export { getSendingRate, updateSendingRate, validateSendingRate, type SendingRate } from "./sending-rate";
export { senderTypes, senderTypeLabel, defaultMessagesPerSecond, sendIntervalMs, type SenderType } from "./sending-rate-math";
export { composeCampaignText, withStopFooter, hasOptOutLanguage, STOP_FOOTER } from "./compose-campaign-text";
export { personalize, parseTemplate, personalizationTags } from "./personalize";
export { nextAllowedTime } from "./next-allowed-time";
export { validateCampaignFields, type CampaignFields } from "./validate-campaign";
