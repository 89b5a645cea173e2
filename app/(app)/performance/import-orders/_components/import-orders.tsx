"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { CsvImportCard, CsvPreviewCard, PreviewCount, PreviewIssues } from "@/components/csv-import/csv-import-steps";
import { CsvSourceCard } from "@/components/csv-import/csv-source-card";
import { useCsvImport } from "@/components/csv-import/use-csv-import";
import { shopperName } from "@/components/shopper-name";
import { useTRPC, type RouterOutputs } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatNumber, plural } from "@/components/ui/format";
import { PhoneNumber } from "@/components/ui/phone-number";
import { Table, TBody, TD, TH, THead } from "@/components/ui/table";
import { useTimeZone } from "@/components/ui/time-zone";
import { useToast } from "@/components/ui/toast";
import { MAX_IMPORT_BYTES } from "@/server/profiles/import-rules";
import { formatMoney } from "../../_components/format-metric";

type Preview = RouterOutputs["performance"]["previewOrderImport"];

/** Choose or paste a CSV → preview (writes nothing) → import (checked again, saved together). Like the profiles import. */
export function ImportOrders() {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const preview = useMutation(trpc.performance.previewOrderImport.mutationOptions());
  const runImport = useMutation(trpc.performance.importOrders.mutationOptions());
  const source = useCsvImport({ preview, runImport, maxBytes: MAX_IMPORT_BYTES });
  const { previewed, isStale, current } = source;

  function onImport() {
    source.importPreviewed(async (result) => {
      await queryClient.invalidateQueries(trpc.performance.pathFilter());
      toast({
        tone: "success",
        title: "Orders imported",
        description: `${plural(result.imported, "order")} recorded${result.alreadyRecorded ? `, ${formatNumber(result.alreadyRecorded)} already there` : ""}${result.unmatched ? `; ${formatNumber(result.unmatched)} without a profile can’t be credited` : ""}.`,
      });
      router.push("/performance");
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <CsvSourceCard
        source={source}
        preview={preview}
        description="The header row first, then one order per row."
        placeholder={"order_number,phone,email,total,placed_at\n1042,+1 555 555 0101,ava@example.com,48.50,2026-03-01 14:05"}
        textareaTestId="order-csv"
      />

      {previewed ? (
        <CsvPreviewCard isStale={isStale}>
          <OrderPreview preview={previewed.result} />
        </CsvPreviewCard>
      ) : null}

      {previewed ? (
        <CsvImportCard
          summaryId="order-import-summary"
          summary={importSummary(current, isStale)}
          runImport={runImport}
          onImport={onImport}
          canImport={source.canImport}
          label="Import orders"
        />
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
        <PreviewCount label="Rows in the file" value={counts.rows} />
        <PreviewCount label="New orders" value={counts.new} />
        <PreviewCount label="Already recorded" value={counts.alreadyRecorded} />
        <PreviewCount label="Matched to a shopper" value={counts.matched} hint={counts.unmatched ? `${formatNumber(counts.unmatched)} not matched` : undefined} />
      </dl>
      {counts.errors > 0 ? (
        <PreviewIssues tone="error" title={`Fix ${plural(counts.errors, "error")} before importing`} issues={preview.errors} total={counts.errors} testId="order-import-errors" />
      ) : null}
      {counts.warnings > 0 ? (
        <PreviewIssues tone="warning" title={`${plural(counts.warnings, "order")} can’t be credited to the agent`} issues={preview.warnings} total={counts.warnings} testId="order-import-warnings" />
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
