"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment } from "react";
import { MessageBubble } from "@/components/message-bubble";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DispositionChip } from "@/components/ui/disposition-chip";
import { ErrorNotice } from "@/components/ui/error-notice";
import { dayKey, formatDay, formatExact, formatTime } from "@/components/ui/format";
import { Skeleton } from "@/components/ui/skeleton";
import { useNow, useTimeZone } from "@/components/ui/time-zone";
import { describeEvent, eventConversationId, type EventTone } from "./describe-event";

type Entry = RouterOutputs["profiles"]["timeline"]["items"][number];

const PAGE_SIZE = 50;

const toneDot: Record<EventTone, string> = {
  automating: "bg-automating",
  resolved: "bg-resolved",
  escalated: "bg-escalated",
  closed_out: "bg-closed-out",
  failed: "bg-failed",
  neutral: "bg-slate-400",
};

/** Texts and events, newest first, with day separators; older ones a page at a time. */
export function ProfileTimeline({ profileId }: { profileId: string }) {
  const trpc = useTRPC();
  const timeZone = useTimeZone();
  const now = useNow(60_000);
  const timeline = useInfiniteQuery(
    trpc.profiles.timeline.infiniteQueryOptions({ id: profileId, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );

  if (timeline.isPending) {
    return (
      <div role="status" className="flex flex-col gap-3">
        <span className="sr-only">Loading activity…</span>
        <Skeleton className="ml-auto h-10 w-1/2 rounded-2xl" />
        <Skeleton className="mx-auto h-6 w-64 rounded-full" />
        <Skeleton className="h-12 w-2/3 rounded-2xl" />
      </div>
    );
  }
  // A failed "show older" keeps the pages already shown; only a failed first load replaces them.
  if (!timeline.data) return <ErrorNotice message={errorMessageOf(timeline.error)} onRetry={() => void timeline.refetch()} />;

  const entries = timeline.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) {
    return <p className="py-8 text-center text-sm text-slate-500">No texts or events yet. They appear here when this shopper texts your brand or does something you track.</p>;
  }

  let lastDay: string | null = null;
  // One "Open conversation" link per conversation (on its newest entry), not one per text.
  const linkedConversations = new Set<string>();
  const linkFor = (conversationId: string | null) => {
    if (!conversationId || linkedConversations.has(conversationId)) return null;
    linkedConversations.add(conversationId);
    return conversationId;
  };
  return (
    <div className="flex flex-col gap-4">
      <ol className="flex flex-col gap-4" aria-label="Activity, newest first" data-testid="profile-timeline">
        {entries.map((entry) => {
          const day = dayKey(entry.at, timeZone);
          const isNewDay = day !== lastDay;
          lastDay = day;
          return (
            <Fragment key={`${entry.kind}-${entry.id}`}>
              {isNewDay ? (
                <li className="flex items-center gap-3 py-1" role="separator" aria-label={formatDay(entry.at, timeZone, now)}>
                  <span className="h-px flex-1 bg-slate-200" />
                  <span className="text-xs font-medium text-slate-500" suppressHydrationWarning>
                    {formatDay(entry.at, timeZone, now)}
                  </span>
                  <span className="h-px flex-1 bg-slate-200" />
                </li>
              ) : null}
              <li>
                {entry.kind === "message" ? (
                  <TimelineMessage entry={entry} conversationLink={linkFor(entry.message.conversationId)} />
                ) : (
                  <TimelineEvent entry={entry} timeZone={timeZone} conversationLink={linkFor(eventConversationId(entry.event.properties))} />
                )}
              </li>
            </Fragment>
          );
        })}
      </ol>
      {timeline.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => void timeline.fetchNextPage()} isLoading={timeline.isFetchingNextPage}>
            Show older activity
          </Button>
        </div>
      ) : null}
      {timeline.isFetchNextPageError ? <ErrorNotice message={errorMessageOf(timeline.error)} onRetry={() => void timeline.fetchNextPage()} /> : null}
    </div>
  );
}

function ConversationLink({ id }: { id: string }) {
  return (
    <Link href={`/conversations/${id}`} className="rounded text-[11px] font-medium text-accent hover:underline">
      Open conversation
    </Link>
  );
}

function TimelineMessage({ entry, conversationLink }: { entry: Extract<Entry, { kind: "message" }>; conversationLink: string | null }) {
  const { message } = entry;
  const isInbound = message.direction === "inbound";
  return (
    <MessageBubble message={message}>
      {isInbound || conversationLink ? (
        <span className={cn("flex flex-wrap items-center gap-1.5", isInbound ? "justify-end" : "justify-start")}>
          {isInbound ? <DispositionChip code={message.disposition} text={entry.dispositionText} /> : null}
          {conversationLink ? <ConversationLink id={conversationLink} /> : null}
        </span>
      ) : null}
    </MessageBubble>
  );
}

function TimelineEvent({ entry, timeZone, conversationLink }: { entry: Extract<Entry, { kind: "event" }>; timeZone: string | undefined; conversationLink: string | null }) {
  const event = describeEvent(entry.event.name, entry.event.properties);
  return (
    <div className="flex flex-col items-center gap-1 text-center" data-testid="timeline-event">
      <span className="inline-flex max-w-full items-center gap-2 rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-700">
        <span className={cn("size-1.5 shrink-0 rounded-full", toneDot[event.tone])} aria-hidden="true" />
        <span className="truncate">{event.title}</span>
      </span>
      {event.details.length ? (
        <p className="max-w-full text-[11px] text-slate-500">
          {event.details.map(([label, value], i) => (
            <span key={label}>
              {i > 0 ? " · " : null}
              {label}: <span className="text-slate-700">{value}</span>
            </span>
          ))}
        </p>
      ) : null}
      <p className="flex items-center gap-2 text-[11px] text-slate-500 tabular-nums">
        <time dateTime={new Date(entry.at).toISOString()} title={formatExact(entry.at, timeZone)}>
          {formatTime(entry.at, timeZone)}
        </time>
        {conversationLink ? <ConversationLink id={conversationLink} /> : null}
      </p>
    </div>
  );
}
