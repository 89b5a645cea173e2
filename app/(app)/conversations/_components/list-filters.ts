/** The Conversations list's filters, as state and as URL parameters (?waiting=1&status=&disposition=&campaign=&from=&to=&q=). */
import type { ConversationStatus, RouterInputs } from "@/components/trpc";
import { conversationStatusLabel } from "@/components/ui/badge";

export type ConversationDisposition = NonNullable<RouterInputs["conversations"]["list"]["disposition"]>;

export type ListFilters = {
  /** Only conversations waiting for a person (the "Waiting for a person" toggle, ?waiting=1). */
  isWaitingOnly: boolean;
  status?: ConversationStatus;
  disposition?: ConversationDisposition;
  campaignId?: string;
  /** "2026-11-03", a day in the brand's time zone. */
  from?: string;
  to?: string;
  search: string;
};

export const STATUSES = Object.keys(conversationStatusLabel) as ConversationStatus[];

/** Dispositions a shopper text inside a conversation can have, in plain words. */
export const dispositionLabel: Record<ConversationDisposition, string> = {
  agent_replied: "The agent replied",
  combined: "Answered with the next text",
  human: "Left for a teammate",
  escalated: "Handed to a teammate",
  closed_out: "Closeout message sent",
  failed: "The agent failed",
  not_subscribed: "Not subscribed (no reply allowed)",
};
export const DISPOSITIONS = Object.keys(dispositionLabel) as ConversationDisposition[];

export function isConversationStatus(value: string | null): value is ConversationStatus {
  return value !== null && (STATUSES as string[]).includes(value);
}

function isDisposition(value: string | null): value is ConversationDisposition {
  return value !== null && (DISPOSITIONS as string[]).includes(value);
}

const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function filtersFromUrl(params: URLSearchParams): ListFilters {
  const status = params.get("status");
  const disposition = params.get("disposition");
  const from = params.get("from");
  const to = params.get("to");
  return {
    isWaitingOnly: params.get("waiting") === "1",
    status: isConversationStatus(status) ? status : undefined,
    disposition: isDisposition(disposition) ? disposition : undefined,
    campaignId: params.get("campaign") || undefined,
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
    search: params.get("q") ?? "",
  };
}

/** The URL parameters for these filters (null removes one). */
export function filtersToUrl(filters: ListFilters): Record<string, string | null> {
  return {
    waiting: filters.isWaitingOnly ? "1" : null,
    status: filters.status ?? null,
    disposition: filters.disposition ?? null,
    campaign: filters.campaignId ?? null,
    from: filters.from ?? null,
    to: filters.to ?? null,
    q: filters.search.trim() || null,
  };
}

/** Filters besides the waiting toggle, which is a view of the list rather than a filter to clear. */
export function hasActiveFilters(filters: ListFilters): boolean {
  return Boolean(filters.status || filters.disposition || filters.campaignId || filters.from || filters.to || filters.search.trim());
}

/** "The start date is after the end date." when the range is backwards; dates are "YYYY-MM-DD", so they compare as text. */
export function dateRangeError(filters: ListFilters): string | null {
  return filters.from && filters.to && filters.from > filters.to ? "The start date is after the end date." : null;
}

export const EMPTY_FILTERS: ListFilters = { isWaitingOnly: false, search: "" };

/** The filters cleared, keeping whether the list shows only conversations waiting for a person. */
export function clearedFilters(filters: ListFilters): ListFilters {
  return { ...EMPTY_FILTERS, isWaitingOnly: filters.isWaitingOnly };
}
