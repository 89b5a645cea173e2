/**
 * How a benchmark speaks: one JSON line per figure on stdout (machine-readable, stable keys) and
 * a short human line on stderr. Percentiles are exact (sorted samples), not estimated.
 */
import type { MachineSetup } from "./machine-setup";

export type Figure = { bench: string; backend?: "postgres" | "pglite"; setup: MachineSetup & Record<string, unknown> } & Record<string, unknown>;

export function emitFigure(figure: Figure, summary: string): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
  say(summary);
}

export function say(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/** The p-th percentile (0–100) of the samples, nearest-rank; null when there are none. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[rank]!);
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
