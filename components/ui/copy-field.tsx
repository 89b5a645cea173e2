"use client";
import { useId, useRef, useState, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A read-only value with a Copy button (webhook URLs, secrets, API keys). Without clipboard access
 * (an insecure origin, a denied permission) the value is selected for Ctrl+C instead, and a
 * screen reader hears which happened. `noun` names what is copied ("URL" → "Copy the … URL").
 */
export function CopyField({ label, value, help, noun, testId }: { label: string; value: string; help: ReactNode; noun?: string; testId?: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const name = noun ? `${label} ${noun}` : label;

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("copied");
    } catch {
      inputRef.current?.select();
      setCopied("failed");
    }
    window.setTimeout(() => setCopied(null), 2500);
  }

  return (
    <div className="flex flex-col gap-1.5" data-testid={testId}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={value}
          aria-describedby={`${id}-help`}
          onFocus={(event) => event.currentTarget.select()}
          className="block h-9 w-full min-w-0 rounded-md border-0 bg-slate-50 px-3 font-mono text-xs text-slate-800 ring-1 ring-slate-200 ring-inset focus:ring-2 focus:ring-accent focus-visible:outline-none"
        />
        <Button variant="secondary" onClick={() => void copy()} aria-label={`Copy the ${label.toLowerCase()}${noun ? ` ${noun}` : ""}`}>
          {copied === "copied" ? "Copied" : "Copy"}
        </Button>
      </div>
      <p id={`${id}-help`} className="text-xs text-slate-500">
        {help}
      </p>
      <p className="sr-only" aria-live="polite">
        {copied === "copied" ? `${name} copied.` : copied === "failed" ? `Couldn’t copy; the ${noun ?? "text"} is selected, press Control+C.` : ""}
      </p>
    </div>
  );
}
