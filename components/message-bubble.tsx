"use client";
import type { ReactNode } from "react";
import { cn } from "./ui/cn";
import { formatExact, formatTime } from "./ui/format";
import { ShieldIcon } from "./ui/icons";
import { segmentSummary } from "./ui/segment-counter";
import { useTimeZone } from "./ui/time-zone";

export type BubbleMessage = {
  id: string;
  direction: "inbound" | "outbound";
  author: "shopper" | "agent" | "human" | "system";
  body: string;
  encoding: string;
  segments: number;
  status: string;
  createdAt: Date | string;
  /** Outbound: compliance | agent | automation | human | campaign | test. */
  purpose?: string | null;
  /** Human texts: the teammate or helpdesk rep who wrote it. */
  authorName?: string | null;
};

const statusWords: Record<string, string> = {
  queued: "Queued",
  sending: "Sending…",
  sent: "Sent",
  delivered: "Delivered",
  undelivered: "Not delivered",
  failed: "Failed to send",
};

const authorWords: Record<BubbleMessage["author"], string> = {
  shopper: "Shopper",
  agent: "Agent",
  human: "Teammate",
  system: "Compliance reply",
};

/** The label above a brand text that isn't the agent's: "Campaign", "Teammate · Sam", "Compliance reply". */
function authorLabel(message: BubbleMessage): string {
  if (message.purpose === "campaign") return "Campaign";
  if (message.purpose === "automation") return "Keyword automation";
  if (message.purpose === "test") return "Test text";
  if (message.author === "human" && message.authorName) return `${authorWords.human} · ${message.authorName}`;
  return authorWords[message.author];
}

/**
 * One text in a thread: the shopper on the right, the brand on the left. Brand texts show
 * their SMS segment count; compliance (system) replies look different from the agent's.
 */
export function MessageBubble({ message, size = "md", children }: { message: BubbleMessage; size?: "sm" | "md"; children?: ReactNode }) {
  const timeZone = useTimeZone();
  const isShopper = message.direction === "inbound";
  const isSystem = message.author === "system";
  const isHuman = message.author === "human";
  const didFail = message.status === "failed" || message.status === "undelivered";
  return (
    <div className={cn("flex", isShopper ? "justify-end" : "justify-start")}>
      {/* The test id wraps the bubble and its meta line (time, segments, delivery), which belong to the text. */}
      <div
        data-testid={isShopper ? "shopper-message" : "brand-message"}
        data-author={message.author}
        className={cn("flex max-w-[85%] flex-col gap-1", isShopper ? "items-end" : "items-start")}
      >
        {!isShopper && message.author !== "agent" ? (
          <span className={cn("flex items-center gap-1 text-[11px] font-medium", isSystem ? "text-slate-600" : "text-amber-700")}>
            {isSystem ? <ShieldIcon className="size-3" /> : null}
            {authorLabel(message)}
          </span>
        ) : null}
        {isShopper || message.author === "agent" ? <span className="sr-only">{`${authorWords[message.author]}:`}</span> : null}
        <div
          className={cn(
            "rounded-2xl px-3.5 py-2 break-words whitespace-pre-wrap",
            size === "sm" ? "text-[13px] leading-snug" : "text-sm",
            isShopper && "rounded-br-md bg-accent text-white",
            !isShopper && !isSystem && !isHuman && "rounded-bl-md bg-slate-100 text-slate-900",
            isHuman && "rounded-bl-md bg-amber-50 text-slate-900 ring-1 ring-amber-200",
            isSystem && "rounded-bl-md border border-dashed border-slate-400 bg-white text-slate-700",
          )}
        >
          {message.body}
        </div>
        <p className={cn("text-[11px] text-slate-500 tabular-nums", isShopper ? "text-right" : "text-left")}>
          <time dateTime={new Date(message.createdAt).toISOString()} title={formatExact(message.createdAt, timeZone)}>
            {formatTime(message.createdAt, timeZone)}
          </time>
          {!isShopper ? (
            <>
              {" · "}
              <span data-testid="segment-info">{segmentSummary(message.segments, message.encoding)}</span>
              {statusWords[message.status] ? (
                <span className={cn(didFail && "font-medium text-red-700")}>{` · ${statusWords[message.status]}`}</span>
              ) : null}
            </>
          ) : null}
        </p>
        {children}
      </div>
    </div>
  );
}
