/**
 * Fault injection for the crash tests (server/faults/): when PARLEY_FAILPOINT names a point, the
 * process kills itself with SIGKILL there — no cleanup, no graceful shutdown, exactly what a power
 * cut or an OOM kill does. Unset (always, outside tests) it does nothing.
 */
import { env } from "../env";

export type Failpoint = NonNullable<ReturnType<typeof env>["PARLEY_FAILPOINT"]>;

export function failpoint(name: Failpoint): void {
  if (env().PARLEY_FAILPOINT !== name) return;
  console.error(`[failpoint] ${name}: killing process ${process.pid}`);
  process.kill(process.pid, "SIGKILL");
  // The signal is on its way; make sure not one more line of the caller runs meanwhile.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
}
