import { cn } from "./cn";
import { formatNumber } from "./format";

/**
 * "420 / 1,000 characters": a live count against a limit the server enforces. Red above the
 * limit, with how far over, so the marketer can trim before saving.
 */
export function CharacterCount({ id, count, limit, className }: { id?: string; count: number; limit: number; className?: string }) {
  const isOver = count > limit;
  return (
    <p id={id} className={cn("text-xs tabular-nums", isOver ? "font-medium text-red-700" : "text-slate-500", className)} data-testid="character-count">
      {formatNumber(count)} / {formatNumber(limit)} characters
      {isOver ? ` · ${formatNumber(count - limit)} over the limit` : null}
    </p>
  );
}
