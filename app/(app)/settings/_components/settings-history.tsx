"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber, plural } from "@/components/ui/format";
import { HistoryIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { areaLabelOf, fieldChangesOf, type ValueText } from "./describe-change";

type SettingsChange = RouterOutputs["settings"]["history"][number];

const PAGE_SIZE = 20;

/** For every settings save on this page: the history gains an entry, so it is fetched again. */
export function useInvalidateSettingsHistory(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.settings.history.queryKey() }), [queryClient, trpc]);
}

/** Who changed which settings when, newest first, with each changed field before → after. */
export function SettingsHistorySection() {
  const trpc = useTRPC();
  const history = useQuery(trpc.settings.history.queryOptions());
  const rows = history.data ?? [];
  const [shown, setShown] = useState(PAGE_SIZE);

  return (
    <section aria-labelledby="settings-history-heading" className="flex flex-col gap-4">
      <div className="max-w-[720px]">
        <h2 id="settings-history-heading" className="text-base font-semibold text-slate-900">
          History
        </h2>
        <p className="mt-1 text-sm text-slate-600">Every saved change on this page: who made it, when, and what it was.</p>
      </div>

      {history.isPending ? (
        <SkeletonRows rows={3} label="Loading settings history…" />
      ) : history.isError ? (
        <ErrorNotice message={errorMessageOf(history.error)} onRetry={() => void history.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<HistoryIcon className="size-5" />}
          title="No changes yet"
          description="When someone on your team saves a setting on this page, the change shows here with who made it and when."
        />
      ) : (
        <>
          <Table label="Settings history">
            <THead>
              <tr>
                <TH>When</TH>
                <TH>Who</TH>
                <TH>Area</TH>
                <TH className="w-full">What changed</TH>
              </tr>
            </THead>
            <TBody>
              {rows.slice(0, shown).map((row) => (
                <HistoryRow key={row.id} row={row} />
              ))}
            </TBody>
          </Table>
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-xs text-slate-500">
              {rows.length > shown ? `Showing the latest ${formatNumber(shown)} of ${plural(rows.length, "change")}` : `${plural(rows.length, "change")}, newest first`}
            </p>
            {rows.length > shown ? (
              <Button variant="secondary" size="sm" onClick={() => setShown((n) => n + PAGE_SIZE)}>
                Show {formatNumber(Math.min(PAGE_SIZE, rows.length - shown))} more
              </Button>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}

function HistoryRow({ row }: { row: SettingsChange }) {
  const changes = fieldChangesOf(row);
  return (
    <TR data-testid="settings-history-row">
      <TD className="whitespace-nowrap text-slate-500">
        <RelativeTime date={row.createdAt} />
      </TD>
      <TD className="whitespace-nowrap">{row.userName}</TD>
      <TD>
        <Badge tone="neutral">{areaLabelOf(row.area)}</Badge>
      </TD>
      <TD className="max-w-0 min-w-72">
        {changes.length === 0 ? (
          <span className="text-slate-500">No field changes recorded</span>
        ) : (
          <ul className="flex flex-col gap-1">
            {changes.map((change) => (
              <li key={change.key} data-field={change.key} className="break-words">
                <span className="font-medium text-slate-900">{change.label}:</span>{" "}
                {change.before ? (
                  <>
                    <Value value={change.before} /> <span className="text-slate-400">→</span>{" "}
                  </>
                ) : null}
                <Value value={change.after} />
              </li>
            ))}
          </ul>
        )}
      </TD>
    </TR>
  );
}

function Value({ value }: { value: ValueText }) {
  return (
    <span title={value.isTruncated ? value.full : undefined} className={value.isEmpty ? "text-slate-400 italic" : "text-slate-700"}>
      {value.text}
    </span>
  );
}
