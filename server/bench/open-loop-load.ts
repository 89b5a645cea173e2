/**
 * An open-loop load generator: request i is due at start + i / rate whatever happened to earlier
 * ones (a closed loop would wait for slow answers and hide them). Requests go over a keep-alive
 * pool (undici); a request waiting for a free connection counts that wait in its latency.
 * Latency = from the moment the request was due to the complete answer, so a generator or server
 * falling behind shows up in the figures instead of being silently skipped.
 */
import { Pool } from "undici";

export type LoadResult = {
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  latenciesMs: number[];
  /** Requests actually sent per second over the run (below the target when the generator lagged). */
  achievedRate: number;
  durationS: number;
  /** How late the generator itself sent a request, worst case (a busy machine delays the timer). */
  maxGeneratorLagMs: number;
  statusCounts: Record<string, number>;
};

export type LoadOptions = {
  url: string;
  path: string;
  rate: number;
  count: number;
  connections?: number;
  /** Builds request i (body and headers). */
  request(i: number): { body: string; headers: Record<string, string> };
};

const TICK_MS = 2;

export async function runOpenLoop(opts: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(opts.url, { connections: opts.connections ?? 256, pipelining: 1, keepAliveTimeout: 30_000 });
  const latenciesMs: number[] = [];
  const statusCounts: Record<string, number> = {};
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  let maxGeneratorLagMs = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  const fire = (i: number, dueAt: number) => {
    const { body, headers } = opts.request(i);
    sent++;
    maxGeneratorLagMs = Math.max(maxGeneratorLagMs, performance.now() - dueAt);
    inFlight.push(
      pool
        .request({ method: "POST", path: opts.path, body, headers })
        .then(async (res) => {
          await res.body.dump();
          latenciesMs.push(performance.now() - dueAt);
          statusCounts[res.statusCode] = (statusCounts[res.statusCode] ?? 0) + 1;
          if (res.statusCode >= 200 && res.statusCode < 300) ok++;
          else non2xx++;
        })
        .catch(() => {
          errors++;
          statusCounts.error = (statusCounts.error ?? 0) + 1;
        }),
    );
  };
  let next = 0;
  while (next < opts.count) {
    const now = performance.now();
    const due = Math.min(opts.count, Math.floor(((now - start) / 1000) * opts.rate) + 1);
    for (; next < due; next++) fire(next, start + (next / opts.rate) * 1000);
    await new Promise((r) => setTimeout(r, TICK_MS));
  }
  const lastSentAt = performance.now();
  await Promise.all(inFlight);
  await pool.close();
  const sendSeconds = (lastSentAt - start) / 1000;
  return {
    sent,
    ok,
    non2xx,
    errors,
    latenciesMs,
    achievedRate: Math.round(sent / Math.max(sendSeconds, 1 / opts.rate)),
    durationS: Math.round(((performance.now() - start) / 1000) * 10) / 10,
    maxGeneratorLagMs: Math.round(maxGeneratorLagMs),
    statusCounts,
  };
}
