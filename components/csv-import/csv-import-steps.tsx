"use client";
import type { ReactNode } from "react";
import { errorMessageOf } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber } from "@/components/ui/format";

/** Step 2 of a CSV import: the preview, dimmed once the text has changed since. */
export function CsvPreviewCard({ isStale, children }: { isStale: boolean; children: ReactNode }) {
  return (
    <Card className={isStale ? "opacity-70" : undefined}>
      <CardHeader title="2. Check the preview" description={isStale ? "This preview is for the earlier text." : "Nothing has been saved yet."} />
      <CardBody className="py-4">{children}</CardBody>
    </Card>
  );
}

/** Step 3 of a CSV import: what importing will do, why it can't yet, and the button. */
export function CsvImportCard({
  summaryId,
  summary,
  runImport,
  onImport,
  canImport,
  label,
  statusNote,
}: {
  summaryId: string;
  summary: string;
  runImport: { isPending: boolean; isError: boolean; error: unknown };
  onImport: () => void;
  canImport: boolean;
  label: string;
  /** When given (null included), a live note beside the button, e.g. progress while importing. */
  statusNote?: ReactNode;
}) {
  const button = (
    <Button onClick={onImport} disabled={!canImport} isLoading={runImport.isPending} aria-describedby={summaryId}>
      {label}
    </Button>
  );
  return (
    <Card>
      <CardHeader title="3. Import" />
      <CardBody className="flex flex-col gap-3 py-4">
        <p className="text-sm text-slate-600" id={summaryId}>
          {summary}
        </p>
        {runImport.isError ? <ErrorNotice message={errorMessageOf(runImport.error)} /> : null}
        {statusNote === undefined ? (
          <div>{button}</div>
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            {button}
            <p className="text-sm text-slate-500" aria-live="polite">
              {statusNote}
            </p>
          </div>
        )}
      </CardBody>
    </Card>
  );
}

/** One count in a preview's summary row, e.g. "Rows in the file 12". */
export function PreviewCount({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900 tabular-nums">{formatNumber(value)}</dd>
      {hint ? <dd className="text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

type PreviewIssue = { row: number | null; column: string | null; message: string };

/** The errors that block an import, or the warnings about rows imported with a caveat; the first ones, then how many more. */
export function PreviewIssues({ tone, title, intro, issues, total, testId }: { tone: "error" | "warning"; title: string; intro?: string; issues: PreviewIssue[]; total: number; testId: string }) {
  const isError = tone === "error";
  return (
    <section
      role={isError ? "alert" : undefined}
      data-testid={testId}
      className={isError ? "rounded-lg border border-red-200 bg-failed-soft px-4 py-3 text-failed-ink" : "rounded-lg border border-amber-200 bg-escalated-soft px-4 py-3 text-escalated-ink"}
    >
      <h3 className="text-sm font-semibold">{title}</h3>
      {intro ? <p className="mt-0.5 text-xs opacity-90">{intro}</p> : null}
      <ul className="mt-2 flex max-h-64 list-disc flex-col gap-1 overflow-y-auto pl-5 text-sm">
        {issues.map((issue, i) => (
          <li key={`${issue.row ?? "file"}-${issue.column ?? ""}-${i}`}>{issue.message}</li>
        ))}
      </ul>
      {total > issues.length ? <p className="mt-2 text-xs">…and {formatNumber(total - issues.length)} more.</p> : null}
    </section>
  );
}
