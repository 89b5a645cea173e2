/** How campaigns and their recipients read on the page: statuses, reasons, money, durations. Pure. */
import type { BadgeTone } from "@/components/ui/badge";

export type CampaignStatusValue = "draft" | "scheduled" | "sending" | "sent" | "cancelled";
export type RecipientStatusValue = "pending" | "waiting_quiet_hours" | "queued" | "sent" | "delivered" | "failed" | "skipped";

export const campaignStatusWords: Record<CampaignStatusValue, { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft", tone: "neutral" },
  scheduled: { label: "Scheduled", tone: "accent" },
  sending: { label: "Sending", tone: "automating" },
  sent: { label: "Sent", tone: "resolved" },
  cancelled: { label: "Cancelled", tone: "closed" },
};

export function campaignStatusOf(value: string): CampaignStatusValue {
  return value in campaignStatusWords ? (value as CampaignStatusValue) : "draft";
}

export const recipientStatusWords: Record<RecipientStatusValue, { label: string; tone: BadgeTone }> = {
  pending: { label: "Not sent yet", tone: "neutral" },
  queued: { label: "Queued", tone: "automating" },
  waiting_quiet_hours: { label: "Quiet hours", tone: "escalated" },
  sent: { label: "Sent", tone: "accent" },
  delivered: { label: "Delivered", tone: "resolved" },
  failed: { label: "Failed", tone: "failed" },
  skipped: { label: "Skipped", tone: "closed" },
};

const reasonWords: Record<string, string> = {
  unsubscribed: "Unsubscribed from SMS",
  never_subscribed: "Never subscribed to SMS",
  not_subscribed: "Unsubscribed before it was sent",
  cancelled: "The campaign was cancelled",
  profile_deleted: "The profile was deleted",
};

export function reasonWord(reason: string | null): string | null {
  if (!reason) return null;
  return reasonWords[reason] ?? reason;
}

const usd = (digits: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: digits });

/** Cents → "$0.06"; amounts under a cent keep their digits ("$0.0079"), so a price per segment reads true. */
export function formatCents(cents: number): string {
  const dollars = cents / 100;
  if (dollars !== 0 && Math.abs(dollars) < 0.01) return usd(4).format(dollars);
  return usd(2).format(dollars);
}

/** "under a minute", "about 3 minutes", "about 2 hours". */
export function formatSendDuration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return "under a minute";
  if (minutes < 90) return `about ${Math.round(minutes)} ${Math.round(minutes) === 1 ? "minute" : "minutes"}`;
  const hours = Math.round(minutes / 60);
  return `about ${hours} ${hours === 1 ? "hour" : "hours"}`;
}

/** The personalisation tag the "Insert first name" button adds. */
export const FIRST_NAME_TAG = '{{ first_name | default: "there" }}';

/** Inserts `snippet` into `text` at the selection, with a space where words would otherwise touch. */
export function insertAt(text: string, snippet: string, start: number, end = start): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before && !/\s$/.test(before) ? " " : "";
  const trail = /^[\p{L}\p{N}{]/u.test(after) ? " " : "";
  const inserted = `${lead}${snippet}${trail}`;
  return { text: before + inserted + after, caret: before.length + lead.length + snippet.length };
}
