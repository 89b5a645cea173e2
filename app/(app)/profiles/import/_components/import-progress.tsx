"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/trpc";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber } from "@/components/ui/format";

export type ImportStatus = { id: string; status: string; total: number; processed: number; created: number; updated: number; unchanged: number; consentChanges: number; warnings: number; error: string | null };

const POLL_MS = 500;
const isFinished = (status: string | undefined) => status === "done" || status === "failed";

/**
 * A queued import's progress (it runs a few hundred rows at a time), polled until it ends: a bar
 * with rows imported of the total, then `onDone` once, or the reason it stopped and what was kept
 * (and `onFailed`, so the page lets the user try again).
 */
export function ImportProgress({ started, onDone, onFailed }: { started: ImportStatus; onDone: (result: ImportStatus) => void; onFailed: (result: ImportStatus) => void }) {
  const trpc = useTRPC();
  const { data = started, error } = useQuery({
    ...trpc.profiles.importStatus.queryOptions({ id: started.id }),
    refetchInterval: (query) => (isFinished(query.state.data?.status) ? false : POLL_MS),
  });
  const reported = useRef(false);
  useEffect(() => {
    if (!isFinished(data.status) || reported.current) return;
    reported.current = true;
    if (data.status === "done") onDone(data);
    else onFailed(data);
  }, [data, onDone, onFailed]);

  if (data.status === "failed") return <ErrorNotice message={data.error ?? "The import stopped."} />;
  const percent = data.total > 0 ? Math.round((data.processed / data.total) * 100) : 0;
  return (
    <div className="flex flex-col gap-2" data-testid="import-progress">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={data.total}
        aria-valuenow={data.processed}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {data.status === "done" ? "Imported" : "Importing"} {formatNumber(data.processed)} of {formatNumber(data.total)} rows
        {data.status === "queued" ? " (starting…)" : "…"} You can leave this page; the import carries on.
      </p>
      {error ? <p className="text-sm text-failed-ink">Couldn’t check the progress just now; trying again.</p> : null}
    </div>
  );
}
