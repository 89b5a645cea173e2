"use client";
import { cn } from "./cn";
import { formatExact, formatRelative, toDate } from "./format";
import { useNow, useTimeZone } from "./time-zone";

/** "3 min ago", with the exact time (in the brand's time zone) on hover. */
export function RelativeTime({ date, className }: { date: Date | string | number; className?: string }) {
  const now = useNow();
  const timeZone = useTimeZone();
  const value = toDate(date);
  return (
    <time dateTime={value.toISOString()} title={formatExact(value, timeZone)} className={cn("whitespace-nowrap", className)} suppressHydrationWarning>
      {formatRelative(value, now, timeZone)}
    </time>
  );
}
