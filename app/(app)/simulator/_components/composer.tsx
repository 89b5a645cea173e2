"use client";
import { useId, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { SendIcon } from "@/components/ui/icons";
import { SegmentCounter } from "@/components/ui/segment-counter";
import { cn } from "@/components/ui/cn";

// The longest text the Simulator accepts (10 GSM-7 segments), the same limit the server checks.
const MAX_BODY_CHARACTERS = 1600;

export const QUICK_REPLIES = ["where is my order?", "where is order #1002", "can I talk to a person?", "thanks!", "STOP", "START"];

/** The shopper's keyboard: suggested texts, the message field with its live segment counter, Send. */
export function Composer({
  value,
  onChange,
  onSend,
  isSending,
  isDisabled,
  disabledReason,
  error,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  onSend: (body: string) => void;
  isSending: boolean;
  /** No usable number is chosen yet. */
  isDisabled: boolean;
  disabledReason?: string;
  error: string | null;
  placeholder: string;
}) {
  const id = useId();
  const fieldId = `${id}-message`;
  const canSend = !isDisabled && !isSending && value.trim().length > 0;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (canSend) onSend(value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter starts a new line; never while an IME is composing a character.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <div className="border-t border-slate-200 bg-slate-50 px-3 pt-2 pb-3">
      <div className="mb-2 flex flex-wrap gap-1.5" role="group" aria-label="Suggested texts">
        {QUICK_REPLIES.map((text) => (
          <button
            key={text}
            type="button"
            disabled={isDisabled || isSending}
            onClick={() => onSend(text)}
            className="shrink-0 rounded-full border border-indigo-200 bg-white px-2.5 py-1 text-xs font-medium text-accent hover:bg-accent-soft disabled:cursor-not-allowed disabled:opacity-50"
          >
            {text}
          </button>
        ))}
      </div>
      <form onSubmit={submit} className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={fieldId} className="sr-only">
            Message
          </label>
          <textarea
            id={fieldId}
            rows={2}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder={placeholder}
            maxLength={MAX_BODY_CHARACTERS}
            disabled={isDisabled}
            aria-describedby={`${fieldId}-segments ${fieldId}-hint${error ? ` ${fieldId}-error` : ""}`}
            aria-invalid={error ? true : undefined}
            className={cn(controlClasses, "max-h-32 min-h-10 resize-none rounded-2xl text-[13px]")}
          />
        </div>
        <Button type="submit" disabled={!canSend} isLoading={isSending} className="rounded-full" aria-describedby={isDisabled && disabledReason ? `${fieldId}-hint` : undefined}>
          {isSending ? null : <SendIcon />}
          Send
        </Button>
      </form>
      <div className="mt-1.5 flex flex-wrap items-center justify-between gap-x-3 gap-y-0.5 px-1">
        <SegmentCounter id={`${fieldId}-segments`} text={value} />
        <p id={`${fieldId}-hint`} className="text-[11px] text-slate-400">
          {isDisabled && disabledReason ? disabledReason : "Shift+Enter for a new line"}
        </p>
      </div>
      {error ? (
        <p id={`${fieldId}-error`} role="alert" className="mt-2 rounded-md bg-failed-soft px-3 py-2 text-xs text-failed-ink" data-testid="send-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
