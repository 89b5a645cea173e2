"use client";
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { shopperName } from "@/components/shopper-name";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { conversationStatusLabel, StatusBadge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber, plural } from "@/components/ui/format";
import { ChatIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { PhoneNumber } from "@/components/ui/phone-number";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { escalationReasonLine } from "./escalation-reason";
import {
  clearedFilters,
  dateRangeError,
  DISPOSITIONS,
  dispositionLabel,
  hasActiveFilters,
  isConversationStatus,
  STATUSES,
  type ConversationDisposition,
  type ListFilters,
} from "./list-filters";
import { useDebouncedValue } from "./use-debounced-value";

type ConversationRow = RouterOutputs["conversations"]["list"]["items"][number];

const PAGE_SIZE = 25;
// New escalations and new shopper texts show up without a reload.
const POLL_MS = 5_000;

const authorPrefix: Record<string, string> = { agent: "Agent: ", human: "Teammate: ", system: "Compliance: ", shopper: "Shopper: " };

export function ConversationsTable({ filters, onFiltersChange }: { filters: ListFilters; onFiltersChange: (filters: ListFilters) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [searchText, setSearchText] = useState(filters.search);
  // On a phone the filters besides search fold away, so the conversations come first.
  const [areMoreFiltersOpen, setAreMoreFiltersOpen] = useState(false);
  const moreFiltersId = useId();
  const debouncedSearch = useDebouncedValue(searchText, 250);
  // Push the search once it settles, onto whatever the other filters are by then.
  const latest = useRef({ filters, onFiltersChange });
  useEffect(() => {
    latest.current = { filters, onFiltersChange };
  });
  useEffect(() => {
    const { filters: current, onFiltersChange: change } = latest.current;
    if (debouncedSearch !== current.search) change({ ...current, search: debouncedSearch });
  }, [debouncedSearch]);

  const rangeError = dateRangeError(filters);
  const campaigns = useQuery(trpc.conversations.campaignChoices.queryOptions());
  // The same query (and cache) as the sidebar badge; re-read with every list poll (below).
  const awaiting = useQuery(trpc.conversations.awaitingCount.queryOptions());
  const list = useInfiniteQuery({
    ...trpc.conversations.list.infiniteQueryOptions(
      {
        waiting: filters.isWaitingOnly || undefined,
        status: filters.status,
        disposition: filters.disposition,
        campaignId: filters.campaignId,
        from: filters.from,
        to: filters.to,
        search: filters.search.trim() || undefined,
        limit: PAGE_SIZE,
      },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    enabled: !rangeError,
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  // Each fresh list re-reads the waiting count, so the toggle and the sidebar badge never disagree with the rows for a poll.
  const listUpdatedAt = list.dataUpdatedAt;
  useEffect(() => {
    if (listUpdatedAt) void queryClient.invalidateQueries({ queryKey: trpc.conversations.awaitingCount.queryKey() });
  }, [listUpdatedAt, queryClient, trpc]);
  const isFiltered = hasActiveFilters(filters);
  const moreFilterCount = [filters.status, filters.disposition, filters.campaignId, filters.from, filters.to].filter(Boolean).length;
  const isOnlyStatus = hasActiveFilters(filters) && !hasActiveFilters({ ...filters, status: undefined });
  const set = (changes: Partial<ListFilters>) => onFiltersChange({ ...filters, ...changes });
  function clearFilters() {
    setSearchText("");
    onFiltersChange(clearedFilters(filters));
  }
  const campaignList = campaigns.data ?? [];

  return (
    <div className="flex flex-col gap-4">
      <WaitingToggle isWaitingOnly={filters.isWaitingOnly} waitingCount={awaiting.data} onChange={(isWaitingOnly) => set({ isWaitingOnly })} />
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter conversations">
        <Input
          label="Search"
          type="search"
          fieldClassName="w-full sm:w-64"
          placeholder="Phone number, name or text"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          maxLength={100}
          data-testid="conversations-search"
        />
        <Button variant="secondary" className="md:hidden" aria-expanded={areMoreFiltersOpen} aria-controls={moreFiltersId} onClick={() => setAreMoreFiltersOpen((isOpen) => !isOpen)}>
          {areMoreFiltersOpen ? "Hide filters" : moreFilterCount ? `Filters (${formatNumber(moreFilterCount)})` : "More filters"}
        </Button>
        <div id={moreFiltersId} className={cn("flex-wrap items-end gap-3", areMoreFiltersOpen ? "flex w-full md:contents" : "hidden md:contents")}>
          <Select
            label="Status"
            fieldClassName="w-40"
            value={filters.status ?? ""}
            onChange={(e) => set({ status: isConversationStatus(e.target.value) ? e.target.value : undefined })}
          >
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {conversationStatusLabel[s]}
              </option>
            ))}
          </Select>
          <Select
            label="Shopper texts"
            fieldClassName="w-52"
            value={filters.disposition ?? ""}
            onChange={(e) => set({ disposition: (e.target.value || undefined) as ConversationDisposition | undefined })}
          >
            <option value="">Any disposition</option>
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>
                {dispositionLabel[d]} ({d})
              </option>
            ))}
          </Select>
          <Select
            label="Campaign"
            fieldClassName="w-44"
            value={filters.campaignId ?? ""}
            disabled={campaigns.isSuccess && campaignList.length === 0 && !filters.campaignId}
            onChange={(e) => set({ campaignId: e.target.value || undefined })}
          >
            {campaigns.isSuccess && campaignList.length === 0 && !filters.campaignId ? (
              <option value="">No campaigns yet</option>
            ) : (
              <>
                <option value="">All campaigns</option>
                {campaignList.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
                {filters.campaignId && !campaignList.some((c) => c.id === filters.campaignId) ? <option value={filters.campaignId}>Campaign {filters.campaignId}</option> : null}
              </>
            )}
          </Select>
          <Input label="Started from" type="date" fieldClassName="w-40" value={filters.from ?? ""} max={filters.to} onChange={(e) => set({ from: e.target.value || undefined })} />
          <Input
            label="Started to"
            type="date"
            fieldClassName="w-40"
            value={filters.to ?? ""}
            min={filters.from}
            onChange={(e) => set({ to: e.target.value || undefined })}
            error={rangeError ?? undefined}
          />
        </div>
        {isFiltered ? (
          <Button variant="ghost" onClick={clearFilters}>
            Clear filters
          </Button>
        ) : null}
        {list.isSuccess && rows.length > 0 ? (
          <p className="ml-auto self-center text-sm text-slate-500" aria-live="polite">
            Showing {plural(rows.length, "conversation")}
            {list.hasNextPage ? "" : " (all)"}
          </p>
        ) : null}
      </div>

      {rangeError ? (
        <EmptyState icon={<ChatIcon className="size-5" />} title="Pick a start date on or before the end date" description="The list shows conversations started between the two dates, in your brand's time zone." />
      ) : list.isPending ? (
        <SkeletonRows rows={6} label="Loading conversations…" />
      ) : list.isError ? (
        <ErrorNotice message={errorMessageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        filters.isWaitingOnly && !isFiltered ? (
          <EmptyState
            icon={<ChatIcon className="size-5" />}
            title="Nobody is waiting for a person"
            description="A conversation waits here when the agent hands it off, when a shopper writes again after a closeout message, or when your Who can chat rules send a text to the inbox. The longest waiting are at the top."
            action={
              <Button variant="secondary" onClick={() => set({ isWaitingOnly: false })}>
                Show all conversations
              </Button>
            }
          />
        ) : isFiltered ? (
          <EmptyState
            icon={<ChatIcon className="size-5" />}
            title={
              isOnlyStatus && filters.status
                ? `No ${conversationStatusLabel[filters.status].toLowerCase()} conversations${filters.isWaitingOnly ? " are waiting for a person" : ""}`
                : filters.isWaitingOnly
                  ? "No waiting conversations match these filters"
                  : "No conversations match these filters"
            }
            description={`Try another status, date range or search, or clear the filters to see every ${filters.isWaitingOnly ? "conversation waiting for a person" : "conversation"}.`}
            action={
              <Button variant="secondary" onClick={clearFilters}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={<ChatIcon className="size-5" />}
            title="No conversations yet — text the demo brand from the Simulator"
            description="A conversation starts when a subscribed shopper texts your brand and the agent answers. Send a text from the Simulator to see one here."
            action={
              <Link href="/simulator" className={buttonClasses()}>
                Open the Simulator
              </Link>
            }
          />
        )
      ) : (
        <>
          {/* Below md the table turns into stacked rows: each row a small card, no sideways scroll. */}
          <Table
            label={filters.isWaitingOnly ? "Conversations waiting for a person" : "Conversations"}
            className={cn("max-md:[&_table]:block max-md:[&_tbody]:block", list.isPlaceholderData && "opacity-60 transition-opacity")}
          >
            <THead className="max-md:hidden">
              <tr>
                <TH>Shopper</TH>
                <TH>Status</TH>
                <TH>Owner</TH>
                <TH className="w-full">Latest texts</TH>
                <TH className="text-right">Messages</TH>
                <TH>Last activity</TH>
              </tr>
            </THead>
            <TBody>
              {rows.map((row) => (
                <ConversationTableRow key={row.id} row={row} onOpen={() => router.push(`/conversations/${row.id}`)} />
              ))}
            </TBody>
          </Table>
          {list.hasNextPage ? (
            <div className="flex justify-center">
              <Button variant="secondary" onClick={() => void list.fetchNextPage()} isLoading={list.isFetchingNextPage}>
                Load more
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

/**
 * "All conversations" or only those waiting for a person: a view of the list, above the filters,
 * with the count the sidebar badge shows. Two toggle buttons, each one Tab stop.
 */
function WaitingToggle({ isWaitingOnly, waitingCount, onChange }: { isWaitingOnly: boolean; waitingCount: number | undefined; onChange: (isWaitingOnly: boolean) => void }) {
  const option = (isSelected: boolean) =>
    cn(
      "inline-flex h-8 items-center gap-2 rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors",
      isSelected ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900",
    );
  return (
    <div role="group" aria-label="Which conversations to show" className="inline-flex w-fit max-w-full rounded-lg bg-slate-100 p-1" data-testid="waiting-toggle">
      <button type="button" aria-pressed={!isWaitingOnly} className={option(!isWaitingOnly)} onClick={() => onChange(false)}>
        All conversations
      </button>
      <button type="button" aria-pressed={isWaitingOnly} className={option(isWaitingOnly)} onClick={() => onChange(true)} data-testid="waiting-filter">
        Waiting for a person
        {waitingCount !== undefined ? (
          <span
            className={cn(
              "rounded-full px-1.5 text-xs font-semibold tabular-nums",
              waitingCount > 0 ? "bg-escalated-soft text-escalated-ink ring-1 ring-escalated/40 ring-inset" : "bg-slate-200 text-slate-600",
            )}
            data-testid="waiting-count"
          >
            {formatNumber(waitingCount)}
          </span>
        ) : null}
      </button>
    </div>
  );
}

/**
 * One conversation: who, where it stands, who owns it, what was said last, and how much is unread.
 * A conversation waiting for a person says so first, in amber, with how long it has waited and why.
 * Below md the cells stack: shopper; status, owner and time; then the texts.
 */
function ConversationTableRow({ row, onOpen }: { row: ConversationRow; onOpen: () => void }) {
  const name = shopperName(row.profile);
  const last = row.lastMessage;
  const shopperText = row.lastInbound?.body ?? null;
  const isLastFromShopper = last?.direction === "inbound";
  const isUnread = row.unreadCount > 0;
  const isWaiting = row.waitingForPerson;
  const reason = escalationReasonLine(row);
  return (
    <TR
      isClickable
      onClick={onOpen}
      data-testid="conversation-row"
      data-unread={isUnread || undefined}
      data-waiting={isWaiting || undefined}
      className={cn(
        "max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-3 max-md:gap-y-1.5 max-md:px-4 max-md:py-3",
        isUnread && "bg-indigo-50/40",
        // An amber edge on the left: the rows somebody must answer stand out in a long list.
        isWaiting && "shadow-[inset_3px_0_0_var(--color-escalated)]",
      )}
    >
      <TD className="whitespace-nowrap max-md:order-1 max-md:w-full max-md:p-0">
        <div className="flex items-center gap-2">
          <Link
            href={`/conversations/${row.id}`}
            className={cn("text-slate-900 hover:text-accent", isUnread ? "font-semibold" : "font-medium")}
            onClick={(e) => e.stopPropagation()}
          >
            <PhoneNumber value={row.profile.phone} />
          </Link>
          {isUnread ? (
            <span className="rounded-full bg-accent px-1.5 text-[11px] leading-4 font-semibold text-white tabular-nums" data-testid="unread-count" title={`${plural(row.unreadCount, "unread shopper text")}`}>
              {formatNumber(row.unreadCount)}
              <span className="sr-only"> unread</span>
            </span>
          ) : null}
          <span className="truncate text-xs text-slate-500 md:hidden">{name ?? "No name yet"}</span>
        </div>
        <p className="text-xs text-slate-500 max-md:hidden">{name ?? "No name yet"}</p>
      </TD>
      <TD className="whitespace-nowrap max-md:order-2 max-md:p-0">
        <StatusBadge status={row.status} />
        {row.skill ? <p className="mt-1 font-mono text-[11px] text-slate-500 max-md:hidden">{row.skill}</p> : null}
      </TD>
      <TD className="whitespace-nowrap max-md:order-3 max-md:p-0 max-md:text-xs" data-testid="conversation-owner">
        <span className="text-slate-500 md:hidden">Owner: </span>
        {row.assignee ? (
          <span className="text-slate-900">{row.assignee.name}</span>
        ) : (
          <span className={cn(isWaiting ? "font-medium text-escalated-ink" : "text-slate-400")}>{isWaiting ? "Nobody yet" : "—"}</span>
        )}
      </TD>
      <TD className="max-w-0 max-md:order-5 max-md:w-full max-md:max-w-none max-md:p-0">
        {isWaiting && row.awaitingPersonSince ? (
          <p className="mb-1 flex items-center gap-1.5 text-xs font-semibold text-escalated-ink" data-testid="waiting-marker">
            <span className="size-1.5 shrink-0 rounded-full bg-escalated" aria-hidden="true" />
            <span>
              Waiting for a person · since <RelativeTime date={row.awaitingPersonSince} />
            </span>
          </p>
        ) : null}
        {shopperText && !isLastFromShopper ? (
          <p className={cn("truncate", isUnread ? "font-medium text-slate-900" : "text-slate-900")} title={shopperText}>
            <span className="font-normal text-slate-500">Shopper: </span>
            {shopperText}
          </p>
        ) : null}
        {last ? (
          <p className={cn("truncate", shopperText && !isLastFromShopper ? "text-slate-500" : "text-slate-900", isUnread && isLastFromShopper && "font-medium")} title={last.body}>
            <span className="font-normal text-slate-500">{last.author === "human" && last.authorName ? `${last.authorName}: ` : (authorPrefix[last.author] ?? "")}</span>
            {last.body}
          </p>
        ) : (
          <span className="text-slate-400">No messages</span>
        )}
        {reason ? (
          <p className={cn("mt-0.5 truncate text-xs", isWaiting ? "text-escalated-ink" : "text-slate-500")} title={reason} data-testid="conversation-reason">
            {reason}
          </p>
        ) : null}
      </TD>
      <TD className="text-right tabular-nums max-md:hidden">{formatNumber(row.messageCount)}</TD>
      <TD className="text-slate-500 max-md:order-4 max-md:ml-auto max-md:p-0 max-md:text-xs">
        <RelativeTime date={row.lastMessageAt} />
      </TD>
    </TR>
  );
}
