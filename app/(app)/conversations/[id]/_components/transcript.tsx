"use client";
import { MessageBubble } from "@/components/message-bubble";
import { ToolCalls, toToolCalls } from "@/components/tool-calls";
import { cn } from "@/components/ui/cn";
import { DispositionChip } from "@/components/ui/disposition-chip";
import { formatDay, formatDuration, formatExact, formatTime } from "@/components/ui/format";
import { useNow } from "@/components/ui/time-zone";
import type { EventTone, Note, TimelineItem, Turn } from "./build-timeline";

const eventDot: Record<EventTone, string> = {
  automating: "bg-automating",
  resolved: "bg-resolved",
  escalated: "bg-escalated",
  closed_out: "bg-closed-out",
  failed: "bg-failed",
  closed: "bg-slate-500",
  neutral: "bg-slate-400",
};

/** The conversation as it happened: day separators, texts, dispositions under inbound texts, system lines centred. */
export function Transcript({ items, timeZone }: { items: TimelineItem[]; timeZone: string | undefined }) {
  const now = useNow(60_000);
  return (
    <ol className="flex flex-col gap-4" aria-label="Transcript">
      {items.map((item) => {
        if (item.kind === "day") {
          return (
            <li key={item.key} className="flex items-center gap-3 py-1" role="separator" aria-label={formatDay(item.date, timeZone, now)}>
              <span className="h-px flex-1 bg-slate-200" />
              <span className="text-xs font-medium text-slate-500" suppressHydrationWarning>
                {formatDay(item.date, timeZone, now)}
              </span>
              <span className="h-px flex-1 bg-slate-200" />
            </li>
          );
        }
        if (item.kind === "event") {
          return (
            <li key={item.key} className="flex justify-center" data-testid="system-event">
              <span className="inline-flex items-center gap-2 rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-600">
                <span className={cn("size-1.5 rounded-full", eventDot[item.tone])} aria-hidden="true" />
                {item.text}
              </span>
            </li>
          );
        }
        if (item.kind === "note") {
          return (
            <li key={item.key}>
              <NoteCard note={item.note} timeZone={timeZone} />
            </li>
          );
        }
        const { message, turn } = item;
        const isInbound = message.direction === "inbound";
        return (
          <li key={item.key}>
            <MessageBubble message={message}>
              {isInbound ? (
                <span className="flex flex-wrap items-center justify-end gap-1.5">
                  <DispositionChip code={message.disposition} text={message.dispositionText} testId="disposition" />
                  <span className="text-[11px] text-slate-500">{message.dispositionText ?? "Processing…"}</span>
                </span>
              ) : null}
              {message.status === "failed" && message.errorMessage ? <span className="max-w-md text-[11px] text-red-700">{message.errorMessage}</span> : null}
              {turn ? <TurnDetails turn={turn} /> : null}
            </MessageBubble>
          </li>
        );
      })}
    </ol>
  );
}

function TurnDetails({ turn }: { turn: Turn }) {
  const calls = toToolCalls(turn.tools);
  const names = [...new Set(calls.map((c) => c.name))];
  return (
    <details className="group w-full max-w-md rounded-md border border-slate-200 bg-slate-50 text-xs" data-testid="turn-details">
      <summary className="flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-slate-600 select-none hover:bg-slate-100">
        <svg viewBox="0 0 20 20" className="size-3 text-slate-400 transition-transform group-open:rotate-90" fill="none" aria-hidden="true">
          <path d="m8 5 5 5-5 5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {names.length ? (
          <span>
            Tools used: <span className="font-mono text-slate-800">{names.join(", ")}</span>
          </span>
        ) : (
          <span>No tools used</span>
        )}
        <span className="ml-auto text-slate-400 tabular-nums">{formatDuration(turn.latencyMs)}</span>
      </summary>
      <div className="flex flex-col gap-2 border-t border-slate-200 p-2.5">
        <p className="text-slate-600">
          <span className="font-mono">{turn.model}</span> · outcome <span className="font-medium text-slate-800">{turn.outcome}</span>
          {turn.skill ? (
            <>
              {" "}
              · skill <span className="font-mono">{turn.skill}</span>
            </>
          ) : null}
        </p>
        {calls.length ? <ToolCalls tools={turn.tools} /> : null}
      </div>
    </details>
  );
}

/** A teammate's internal note: set apart from the texts, and plainly never sent. */
function NoteCard({ note, timeZone }: { note: Note; timeZone: string | undefined }) {
  return (
    <div className="mx-auto w-full max-w-lg rounded-md border border-amber-200 bg-amber-50/70 px-3 py-2 text-sm" data-testid="internal-note">
      <p className="flex flex-wrap items-center gap-x-2 text-[11px] text-amber-800">
        <span className="font-semibold">Internal note · {note.authorName}</span>
        <time dateTime={new Date(note.createdAt).toISOString()} title={formatExact(note.createdAt, timeZone)} className="tabular-nums">
          {formatTime(note.createdAt, timeZone)}
        </time>
        <span className="text-amber-700/80">Not sent to the shopper</span>
      </p>
      <p className="mt-1 break-words whitespace-pre-wrap text-slate-900">{note.body}</p>
    </div>
  );
}
