"use client";
import { useEffect, useRef, type ReactNode } from "react";
import { MessageBubble, type BubbleMessage } from "@/components/message-bubble";
import { Skeleton } from "@/components/ui/skeleton";
import { PhoneNumber } from "@/components/ui/phone-number";

/** A phone-shaped frame: the brand's name at the top, the thread in the middle, the composer at the bottom. */
export function PhoneFrame({ brandName, brandNumber, children }: { brandName: string; brandNumber: string | null; children: ReactNode }) {
  return (
    <div className="mx-auto flex h-[min(720px,calc(100vh-230px))] min-h-[520px] w-full max-w-[400px] flex-col overflow-hidden rounded-[2.5rem] border-[10px] border-slate-900 bg-white shadow-xl">
      <div className="relative flex flex-col items-center border-b border-slate-200 bg-slate-50 px-4 pt-6 pb-2.5">
        <span className="absolute top-1.5 h-1.5 w-20 rounded-full bg-slate-900" aria-hidden="true" />
        <span className="flex size-8 items-center justify-center rounded-full bg-accent text-sm font-semibold text-white" aria-hidden="true">
          {brandName.slice(0, 1).toUpperCase()}
        </span>
        <p className="mt-1 text-xs font-semibold text-slate-900">{brandName}</p>
        {brandNumber ? <PhoneNumber value={brandNumber} className="text-[11px] text-slate-500" /> : null}
      </div>
      {children}
    </div>
  );
}

export type PendingText = { body: string; messageId?: string };

export function PhoneThread({
  messages,
  pendingText,
  isTyping,
  isLoading,
  emptyHint,
  label,
}: {
  messages: BubbleMessage[];
  /** The text being sent, shown until the thread has it. */
  pendingText: PendingText | null;
  isTyping: boolean;
  isLoading: boolean;
  emptyHint: ReactNode;
  label: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const lastId = messages[messages.length - 1]?.id;

  // Keep the newest text in view, as a phone does.
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTo({ top: el.scrollHeight, behavior: "smooth" });
  }, [lastId, messages.length, pendingText, isTyping]);

  return (
    <div ref={scroller} className="flex-1 overflow-y-auto bg-white px-3 py-4" role="log" aria-label={label} aria-live="polite" tabIndex={0}>
      {isLoading ? (
        <div className="flex flex-col gap-3" role="status">
          <span className="sr-only">Loading the thread…</span>
          <Skeleton className="ml-auto h-9 w-2/3 rounded-2xl" />
          <Skeleton className="h-14 w-3/4 rounded-2xl" />
          <Skeleton className="ml-auto h-9 w-1/2 rounded-2xl" />
        </div>
      ) : messages.length === 0 && !pendingText ? (
        <div className="flex h-full flex-col items-center justify-center px-6 text-center text-sm text-slate-500">{emptyHint}</div>
      ) : (
        <ol className="flex flex-col gap-3">
          {messages.map((m) => (
            <li key={m.id}>
              <MessageBubble message={m} size="sm" />
            </li>
          ))}
          {pendingText ? (
            <li>
              <div className="flex justify-end">
                <span className="sr-only">Shopper (sending):</span>
                <div
                  data-testid="shopper-message"
                  data-pending="true"
                  className="max-w-[85%] rounded-2xl rounded-br-md bg-accent/70 px-3.5 py-2 text-[13px] leading-snug break-words whitespace-pre-wrap text-white"
                >
                  {pendingText.body}
                </div>
              </div>
            </li>
          ) : null}
          {isTyping ? (
            <li>
              <div
                className="inline-flex items-center gap-1 rounded-2xl rounded-bl-md bg-slate-100 px-3.5 py-3"
                role="status"
                aria-label="The agent is typing"
                data-testid="typing-indicator"
              >
                {[0, 150, 300].map((delay) => (
                  <span key={delay} className="size-1.5 animate-typing rounded-full bg-slate-500" style={{ animationDelay: `${delay}ms` }} />
                ))}
              </div>
            </li>
          ) : null}
        </ol>
      )}
    </div>
  );
}
