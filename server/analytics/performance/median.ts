/**
 * The median as the performance page reports it: the middle value, or the mean of the two middle
 * values for an even count — exactly PostgreSQL's percentile_cont(0.5), which computes it in SQL.
 * Null for no values (a period without a first response shows "—", not 0).
 */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
