"use client";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
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
import {
  dateRangeError,
  DISPOSITIONS,
  dispositionLabel,
  EMPTY_FILTERS,
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
  const [searchText, setSearchText] = useState(filters.search);
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
  const list = useInfiniteQuery({
    ...trpc.conversations.list.infiniteQueryOptions(
      {
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
  const isFiltered = hasActiveFilters(filters);
  const isOnlyStatus = hasActiveFilters(filters) && !hasActiveFilters({ ...filters, status: undefined });
  const set = (changes: Partial<ListFilters>) => onFiltersChange({ ...filters, ...changes });
  function clearFilters() {
    setSearchText("");
    onFiltersChange(EMPTY_FILTERS);
  }
  const campaignList = campaigns.data ?? [];

  return (
    <div className="flex flex-col gap-4">
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
        isFiltered ? (
          <EmptyState
            icon={<ChatIcon className="size-5" />}
            title={isOnlyStatus && filters.status ? `No ${conversationStatusLabel[filters.status].toLowerCase()} conversations` : "No conversations match these filters"}
            description="Try another status, date range or search, or clear the filters to see every conversation."
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
          <Table label="Conversations" className={cn(list.isPlaceholderData && "opacity-60 transition-opacity")}>
            <THead>
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

/** One conversation: who, where it stands, who owns it, what was said last, and how much is unread. */
function ConversationTableRow({ row, onOpen }: { row: ConversationRow; onOpen: () => void }) {
  const name = shopperName(row.profile);
  const last = row.lastMessage;
  const shopperText = row.lastInbound?.body ?? null;
  const isLastFromShopper = last?.direction === "inbound";
  const isUnread = row.unreadCount > 0;
  const isWaiting = row.status === "escalated" && !row.assignee;
  return (
    <TR isClickable onClick={onOpen} data-testid="conversation-row" data-unread={isUnread || undefined} className={cn(isUnread && "bg-indigo-50/40")}>
      <TD className="whitespace-nowrap">
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
        </div>
        <p className="text-xs text-slate-500">{name ?? "No name yet"}</p>
      </TD>
      <TD className="whitespace-nowrap">
        <StatusBadge status={row.status} />
        {row.skill ? <p className="mt-1 font-mono text-[11px] text-slate-500">{row.skill}</p> : null}
      </TD>
      <TD className="whitespace-nowrap" data-testid="conversation-owner">
        {row.assignee ? <span className="text-slate-900">{row.assignee.name}</span> : <span className={cn(isWaiting ? "font-medium text-escalated-ink" : "text-slate-400")}>{isWaiting ? "Nobody yet" : "—"}</span>}
      </TD>
      <TD className="max-w-0">
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
        {row.status === "escalated" && row.escalationReason ? (
          <p className="mt-0.5 truncate text-xs text-escalated-ink">Escalated: {row.escalationReason.replace(/_/g, " ")}</p>
        ) : null}
      </TD>
      <TD className="text-right tabular-nums">{formatNumber(row.messageCount)}</TD>
      <TD className="text-slate-500">
        <RelativeTime date={row.lastMessageAt} />
      </TD>
    </TR>
  );
}
