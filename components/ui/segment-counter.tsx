import { segmentInfo } from "@/server/sms";
import { cn } from "./cn";
import { formatNumber, plural } from "./format";

/**
 * "42 characters · GSM-7 · 1 segment". Amber above one segment: each extra part is billed,
 * and one emoji switches the whole text to UCS-2 (70 characters a part instead of 160).
 */
export function SegmentCounter({ text, id, className }: { text: string; id?: string; className?: string }) {
  const info = segmentInfo(text);
  const isOver = info.segments > 1;
  return (
    <p id={id} className={cn("text-xs tabular-nums", isOver ? "font-medium text-amber-700" : "text-slate-500", className)} data-testid="segment-counter">
      {plural(info.characters, "character")} · {info.encoding} · {plural(info.segments, "segment")}
      {isOver ? <span className="sr-only"> (more than one SMS)</span> : null}
    </p>
  );
}

export function segmentSummary(segments: number, encoding: string): string {
  return `${formatNumber(segments)} ${segments === 1 ? "segment" : "segments"} · ${encoding}`;
}
