/** Repeated timing: one warm-up call (not counted), then `runs` calls in sequence; median and p95 in ms. */
export type Timing = { runs: number; medianMs: number; p95Ms: number; minMs: number; maxMs: number };

/** Nearest-rank percentile of sorted values (p95 of 20 runs is the 19th). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function summarize(durations: readonly number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { runs: sorted.length, medianMs, p95Ms: percentile(sorted, 0.95), minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]! };
}

/**
 * Times `work(i)` for i = 0..runs-1 after one warm-up call; returns the timing and the last result.
 * A call far over its target would take hours at 20 runs: the runs stop once `budgetMs` is spent
 * (at least one timed run), and the figure says how many it got.
 */
export async function timeRepeated<T>(runs: number, work: (i: number) => Promise<T>, budgetMs = Number.POSITIVE_INFINITY): Promise<{ timing: Timing; result: T }> {
  let result = await work(-1);
  const durations: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs && (i === 0 || performance.now() - started < budgetMs); i++) {
    const t = performance.now();
    result = await work(i);
    durations.push(performance.now() - t);
  }
  return { timing: summarize(durations), result };
}
