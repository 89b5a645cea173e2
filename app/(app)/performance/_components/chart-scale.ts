/** Axis arithmetic for the hand-drawn charts. Pure. */

/**
 * Round steps (1, 2, 2.5, 5 × 10ⁿ) from 0 up to at least `max`, about `count` of them. Counts
 * (`integer`) step by whole numbers only.
 */
export function niceTicks(max: number, opts: { count?: number; integer?: boolean } = {}): number[] {
  const count = opts.count ?? 4;
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const multipliers = opts.integer ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  const found = multipliers.map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const step = opts.integer ? Math.max(1, Math.round(found)) : found;
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** Every k-th day gets a label so labels never overlap (the last day always has one). */
export function labelEvery(dayCount: number, plotWidth: number, minLabelWidth = 56): number {
  const fits = Math.max(1, Math.floor(plotWidth / minLabelWidth));
  return Math.max(1, Math.ceil(dayCount / fits));
}
