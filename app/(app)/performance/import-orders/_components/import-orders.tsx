"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type ChangeEvent } from "react";
import { shopperName } from "@/components/shopper-name";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorNotice } from "@/components/ui/error-notice";
import { controlClasses, describedBy, Field } from "@/components/ui/field";
import { formatDateTime, formatNumber, plural } from "@/components/ui/format";
import { PhoneNumber } from "@/components/ui/phone-number";
import { Table, TBody, TD, TH, THead } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { useTimeZone } from "@/components/ui/time-zone";
import { useToast } from "@/components/ui/toast";
import { MAX_IMPORT_BYTES } from "@/server/profiles/import-rules";
import { formatMoney } from "../../_components/format-metric";

type Preview = RouterOutputs["performance"]["previewOrderImport"];
type Issue = Preview["errors"][number];

const MB = 1024 * 1024;

/** Choose or paste a CSV → preview (writes nothing) → import (checked again, saved together). Like the profiles import. */
export function ImportOrders() {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const fileInputId = useId();
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [previewed, setPreviewed] = useState<{ csv: string; result: Preview } | null>(null);

  const preview = useMutation(trpc.performance.previewOrderImport.mutationOptions());
  const runImport = useMutation(trpc.performance.importOrders.mutationOptions());

  const isStale = previewed !== null && previewed.csv !== csv;
  const current = previewed && !isStale ? previewed.result : null;
  const canImport = current?.canImport === true && !runImport.isPending;

  async function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setFileError(`“${file.name}” is ${(file.size / MB).toFixed(1)} MB; an import can be at most ${MAX_IMPORT_BYTES / MB} MB. Split it into smaller files.`);
      event.target.value = "";
      return;
    }
    const text = await file.text();
    setFileName(file.name);
    setCsv(text);
    runPreview(text);
  }

  function runPreview(text: string) {
    runImport.reset();
    preview.mutate({ csv: text }, { onSuccess: (result) => setPreviewed({ csv: text, result }) });
  }

  function onImport() {
    if (!previewed || !canImport) return;
    const text = previewed.csv;
    runImport.mutate(
      { csv: text },
      {
        onSuccess: async (result) => {
          await queryClient.invalidateQueries(trpc.performance.pathFilter());
          toast({
            tone: "success",
            title: "Orders imported",
            description: `${plural(result.imported, "order")} recorded${result.alreadyRecorded ? `, ${formatNumber(result.alreadyRecorded)} already there` : ""}${result.unmatched ? `; ${formatNumber(result.unmatched)} without a profile can’t be credited` : ""}.`,
          });
          router.push("/performance");
        },
        onError: () => runPreview(text),
      },
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader title="1. Choose a file or paste CSV" description="The header row first, then one order per row." />
        <CardBody className="flex flex-col gap-4 py-4">
          <Field id={fileInputId} label="CSV file" help={fileName ? `Loaded “${fileName}”. You can fix mistakes in the text below.` : undefined} error={fileError}>
            <input
              id={fileInputId}
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(e) => void onFileChosen(e)}
              aria-describedby={describedBy(fileInputId, { help: fileName, error: fileError })}
              className={`${controlClasses} h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2.5 file:py-1 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200`}
            />
          </Field>
          <Textarea
            label="CSV text"
            help="Or paste from a spreadsheet. Edit here to fix a row, then preview again."
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            rows={8}
            spellCheck={false}
            placeholder={"order_number,phone,email,total,placed_at\n1042,+1 555 555 0101,ava@example.com,48.50,2026-03-01 14:05"}
            className="font-mono text-xs"
            data-testid="order-csv"
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button variant={current ? "secondary" : "primary"} onClick={() => runPreview(csv)} disabled={csv.trim() === ""} isLoading={preview.isPending}>
              {previewed ? "Preview again" : "Preview import"}
            </Button>
            <p className="text-sm text-slate-500" aria-live="polite">
              {preview.isPending ? "Checking every row…" : isStale ? "The text changed since the preview. Preview again to import it." : null}
            </p>
          </div>
          {preview.isError ? <ErrorNotice message={errorMessageOf(preview.error)} /> : null}
        </CardBody>
      </Card>

      {previewed ? (
        <Card className={isStale ? "opacity-70" : undefined}>
          <CardHeader title="2. Check the preview" description={isStale ? "This preview is for the earlier text." : "Nothing has been saved yet."} />
          <CardBody className="py-4">
            <OrderPreview preview={previewed.result} />
          </CardBody>
        </Card>
      ) : null}

      {previewed ? (
        <Card>
          <CardHeader title="3. Import" />
          <CardBody className="flex flex-col gap-3 py-4">
            <p className="text-sm text-slate-600" id="order-import-summary">
              {importSummary(current, isStale)}
            </p>
            {runImport.isError ? <ErrorNotice message={errorMessageOf(runImport.error)} /> : null}
            <div>
              <Button onClick={onImport} disabled={!canImport} isLoading={runImport.isPending} aria-describedby="order-import-summary">
                Import orders
              </Button>
            </div>
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

function importSummary(preview: Preview | null, isStale: boolean): string {
  if (isStale || !preview) return "Preview the current text before importing it.";
  const { counts } = preview;
  if (counts.errors > 0) return `Importing is blocked until the ${plural(counts.errors, "error")} above ${counts.errors === 1 ? "is" : "are"} fixed. Nothing is imported from a file with errors.`;
  if (counts.new === 0) return "Every order in the file is already recorded; there is nothing to import.";
  return `Importing records ${plural(counts.new, "new order")}${counts.alreadyRecorded ? ` and skips ${formatNumber(counts.alreadyRecorded)} already recorded` : ""}. All rows are saved together.`;
}

function OrderPreview({ preview }: { preview: Preview }) {
  const timeZone = useTimeZone();
  const { counts } = preview;
  return (
    <div className="flex flex-col gap-4" data-testid="order-import-preview">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Count label="Rows in the file" value={counts.rows} />
        <Count label="New orders" value={counts.new} />
        <Count label="Already recorded" value={counts.alreadyRecorded} />
        <Count label="Matched to a shopper" value={counts.matched} hint={counts.unmatched ? `${formatNumber(counts.unmatched)} not matched` : undefined} />
      </dl>
      {counts.errors > 0 ? (
        <Issues tone="error" title={`Fix ${plural(counts.errors, "error")} before importing`} issues={preview.errors} total={counts.errors} testId="order-import-errors" />
      ) : null}
      {counts.warnings > 0 ? (
        <Issues tone="warning" title={`${plural(counts.warnings, "order")} can’t be credited to the agent`} issues={preview.warnings} total={counts.warnings} testId="order-import-warnings" />
      ) : null}
      {preview.rows.length > 0 ? (
        <Table label="Order import preview">
          <THead>
            <tr>
              <TH className="text-right">Row</TH>
              <TH>Order</TH>
              <TH>Shopper</TH>
              <TH className="text-right">Total</TH>
              <TH>Placed</TH>
              <TH>Status</TH>
            </tr>
          </THead>
          <TBody>
            {preview.rows.map((row) => (
              <tr key={row.row} data-testid="order-import-row">
                <TD className="text-right text-slate-500 tabular-nums">{row.row}</TD>
                <TD className="font-medium text-slate-900">#{row.orderNumber}</TD>
                <TD>
                  {row.profile ? (
                    <>
                      {shopperName(row.profile) ?? <PhoneNumber value={row.profile.phone} />}
                      {shopperName(row.profile) ? (
                        <p className="text-xs text-slate-500">
                          <PhoneNumber value={row.profile.phone} />
                        </p>
                      ) : null}
                    </>
                  ) : (
                    <span className="text-slate-500">
                      No profile ({row.phone ? <PhoneNumber value={row.phone} /> : row.email})
                    </span>
                  )}
                </TD>
                <TD className="text-right tabular-nums">{formatMoney(row.totalCents, row.currency)}</TD>
                <TD className="whitespace-nowrap">{formatDateTime(row.placedAt, timeZone)}</TD>
                <TD>{row.status === "new" ? <Badge tone="accent">New</Badge> : <Badge tone="neutral">Already recorded</Badge>}</TD>
              </tr>
            ))}
          </TBody>
        </Table>
      ) : null}
    </div>
  );
}

function Count({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900 tabular-nums">{formatNumber(value)}</dd>
      {hint ? <dd className="text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

function Issues({ tone, title, issues, total, testId }: { tone: "error" | "warning"; title: string; issues: Issue[]; total: number; testId: string }) {
  const isError = tone === "error";
  return (
    <section
      role={isError ? "alert" : undefined}
      data-testid={testId}
      className={isError ? "rounded-lg border border-red-200 bg-failed-soft px-4 py-3 text-failed-ink" : "rounded-lg border border-amber-200 bg-escalated-soft px-4 py-3 text-escalated-ink"}
    >
      <h3 className="text-sm font-semibold">{title}</h3>
      <ul className="mt-2 flex max-h-64 list-disc flex-col gap-1 overflow-y-auto pl-5 text-sm">
        {issues.map((issue, i) => (
          <li key={`${issue.row ?? "file"}-${i}`}>{issue.message}</li>
        ))}
      </ul>
      {total > issues.length ? <p className="mt-2 text-xs">…and {formatNumber(total - issues.length)} more.</p> : null}
    </section>
  );
}
