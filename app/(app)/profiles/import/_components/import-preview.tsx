"use client";
import type { RouterOutputs } from "@/components/trpc";
import { PreviewCount, PreviewIssues } from "@/components/csv-import/csv-import-steps";
import { Badge, ConsentBadge, consentLabel } from "@/components/ui/badge";
import { formatNumber, plural } from "@/components/ui/format";
import { PhoneNumber } from "@/components/ui/phone-number";
import { Table, TBody, TD, TH, THead } from "@/components/ui/table";
import { formatPropertyValue } from "../../_components/format-property";

export type ImportPreviewResult = RouterOutputs["profiles"]["previewImport"];

const actionBadge = {
  create: <Badge tone="accent">New</Badge>,
  update: <Badge tone="neutral">Update</Badge>,
  unchanged: <Badge tone="neutral" className="text-slate-500">No change</Badge>,
} as const;

/** The preview: counts, the errors that block the import, the consent warnings, and the first rows as they will be saved. */
export function ImportPreview({ preview }: { preview: ImportPreviewResult }) {
  const { counts } = preview;
  const warnedRows = new Set(preview.warnings.map((w) => w.row));
  return (
    <div className="flex flex-col gap-4" data-testid="import-preview">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <PreviewCount label="Rows in the file" value={counts.rows} />
        <PreviewCount label="New profiles" value={counts.create} />
        <PreviewCount label="Profiles updated" value={counts.update} hint={counts.unchanged ? `${formatNumber(counts.unchanged)} already up to date` : undefined} />
        <PreviewCount
          label="Consent changes"
          value={counts.subscribed + counts.unsubscribed}
          hint={counts.subscribed + counts.unsubscribed ? `${formatNumber(counts.subscribed)} subscribed, ${formatNumber(counts.unsubscribed)} unsubscribed` : undefined}
        />
      </dl>

      {counts.errors > 0 ? (
        <PreviewIssues
          tone="error"
          testId="import-errors"
          title={`Fix ${plural(counts.errors, "error")} before importing`}
          intro="Row numbers match your spreadsheet (the header is row 1). Correct the file or the text above, then preview again."
          issues={preview.errors}
          total={counts.errors}
        />
      ) : null}

      {counts.warnings > 0 ? (
        <PreviewIssues
          tone="warning"
          testId="import-warnings"
          title={`${plural(counts.warnings, "profile")} will stay unsubscribed or keep their consent`}
          intro="These rows are imported, but their consent doesn't change: an import never resubscribes someone who opted out, and never_subscribed can't undo a subscription."
          issues={preview.warnings}
          total={counts.warnings}
        />
      ) : null}

      {preview.rows.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-medium text-slate-900">
            {preview.rows.length < counts.rows - counts.errors
              ? `The first ${formatNumber(preview.rows.length)} of ${plural(counts.rows - counts.errors, "valid row")}, as they will be saved`
              : "Every valid row, as it will be saved"}
          </h3>
          <Table label="Import preview">
            <THead>
              <tr>
                <TH className="text-right">Row</TH>
                <TH>Change</TH>
                <TH>Phone</TH>
                <TH>First name</TH>
                <TH>Last name</TH>
                <TH>Email</TH>
                <TH>SMS consent</TH>
                {preview.propertyKeys.map((key) => (
                  <TH key={key} className="font-mono normal-case">
                    {key}
                  </TH>
                ))}
              </tr>
            </THead>
            <TBody>
              {preview.rows.map((row) => (
                <tr key={row.row} data-testid="import-preview-row">
                  <TD className="text-right text-slate-500 tabular-nums">{row.row}</TD>
                  <TD>{actionBadge[row.action]}</TD>
                  <TD>
                    <PhoneNumber value={row.phone} />
                  </TD>
                  <TD>{row.firstName ?? <Blank />}</TD>
                  <TD>{row.lastName ?? <Blank />}</TD>
                  <TD>{row.email ?? <Blank />}</TD>
                  <TD className="whitespace-nowrap">
                    <ConsentBadge consent={row.smsConsent} />
                    {row.consentChange && row.action === "update" ? (
                      <span className="ml-1.5 text-xs text-slate-500">was {consentLabel(row.consentChange.from).toLowerCase()}</span>
                    ) : warnedRows.has(row.row) ? (
                      <span className="ml-1.5 text-xs text-escalated-ink">kept</span>
                    ) : null}
                  </TD>
                  {preview.propertyKeys.map((key) => (
                    <TD key={key}>{key in row.properties ? formatPropertyValue(row.properties[key]) : <Blank />}</TD>
                  ))}
                </tr>
              ))}
            </TBody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}

function Blank() {
  return <span className="text-slate-300">—</span>;
}
