"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { shopperName } from "@/components/shopper-name";
import { errorMessageOf, useTRPC, type ConversationStatus, type RouterOutputs } from "@/components/trpc";
import { conversationStatusLabel, StatusBadge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber, plural } from "@/components/ui/format";
import { ChatIcon } from "@/components/ui/icons";
import { PhoneNumber } from "@/components/ui/phone-number";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

type ConversationRow = RouterOutputs["conversations"]["list"]["items"][number];

const STATUSES = Object.keys(conversationStatusLabel) as ConversationStatus[];

export function isConversationStatus(value: string): value is ConversationStatus {
  return (STATUSES as string[]).includes(value);
}

const PAGE_SIZE = 25;

const authorPrefix: Record<string, string> = { agent: "Agent: ", human: "Teammate: ", system: "Compliance: ", shopper: "Shopper: " };

export function ConversationsTable({ status, onStatusChange }: { status?: ConversationStatus; onStatusChange: (status: ConversationStatus | undefined) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const list = useInfiniteQuery({
    ...trpc.conversations.list.infiniteQueryOptions({ status, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    refetchInterval: 10_000,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Select
          label="Status"
          fieldClassName="w-56"
          value={status ?? ""}
          onChange={(e) => onStatusChange(isConversationStatus(e.target.value) ? e.target.value : undefined)}
        >
          <option value="">All statuses</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {conversationStatusLabel[s]}
            </option>
          ))}
        </Select>
        {list.isSuccess && rows.length > 0 ? (
          <p className="text-sm text-slate-500" aria-live="polite">
            Showing {plural(rows.length, "conversation")}
            {list.hasNextPage ? "" : " (all)"}
          </p>
        ) : null}
      </div>

      {list.isPending ? (
        <SkeletonRows rows={6} label="Loading conversations…" />
      ) : list.isError ? (
        <ErrorNotice message={errorMessageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        status ? (
          <EmptyState
            icon={<ChatIcon className="size-5" />}
            title={`No ${conversationStatusLabel[status].toLowerCase()} conversations`}
            description="None of your conversations have this status right now."
            action={
              <Button variant="secondary" onClick={() => onStatusChange(undefined)}>
                Show all statuses
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
          <Table label="Conversations">
            <THead>
              <tr>
                <TH>Shopper</TH>
                <TH>Status</TH>
                <TH>Skill</TH>
                <TH className="w-full">Latest texts</TH>
                <TH className="text-right">Messages</TH>
                <TH>Last activity</TH>
              </tr>
            </THead>
            <TBody>
              {rows.map((row) => (
                <ConversationTableRow
                  key={row.id}
                  row={row}
                  shopperText={row.lastInbound?.body ?? null}
                  onOpen={() => router.push(`/conversations/${row.id}`)}
                />
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
 * The newest inbound text of each conversation, from the most recent inbound texts (newest first).
 * Older conversations whose texts fall outside that window show only their last message.
 */
function ConversationTableRow({ row, shopperText, onOpen }: { row: ConversationRow; shopperText: string | null; onOpen: () => void }) {
  const name = shopperName(row.profile);
  const last = row.lastMessage;
  const isLastFromShopper = last?.direction === "inbound";
  return (
    <TR isClickable onClick={onOpen} data-testid="conversation-row">
      <TD className="whitespace-nowrap">
        <Link href={`/conversations/${row.id}`} className="font-medium text-slate-900 hover:text-accent" onClick={(e) => e.stopPropagation()}>
          <PhoneNumber value={row.profile.phone} />
        </Link>
        <p className="text-xs text-slate-500">{name ?? "No name yet"}</p>
      </TD>
      <TD>
        <StatusBadge status={row.status} />
      </TD>
      <TD className="whitespace-nowrap">{row.skill ? <span className="font-mono text-xs">{row.skill}</span> : <span className="text-slate-400">—</span>}</TD>
      <TD className="max-w-0">
        {shopperText && !isLastFromShopper ? (
          <p className="truncate text-slate-900" title={shopperText}>
            <span className="text-slate-500">Shopper: </span>
            {shopperText}
          </p>
        ) : null}
        {last ? (
          <p className={cn("truncate", shopperText && !isLastFromShopper ? "text-slate-500" : "text-slate-900")} title={last.body}>
            <span className="text-slate-500">{authorPrefix[last.author] ?? ""}</span>
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
