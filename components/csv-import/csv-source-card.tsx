"use client";
import { errorMessageOf } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorNotice } from "@/components/ui/error-notice";
import { controlClasses, describedBy, Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { CsvImport } from "./use-csv-import";

/** Step 1 of a CSV import: choose a file or paste the text, then preview it. */
export function CsvSourceCard<Result extends { canImport: boolean }>({
  source,
  preview,
  description,
  placeholder,
  textareaTestId,
}: {
  source: CsvImport<Result>;
  preview: { isPending: boolean; isError: boolean; error: unknown };
  /** What one row is, e.g. "The header row first, then one order per row." */
  description: string;
  /** An example header and row for the empty text box. */
  placeholder: string;
  textareaTestId?: string;
}) {
  const { fileInputId, fileName, fileError, csv, current, previewed, isStale } = source;
  return (
    <Card>
      <CardHeader title="1. Choose a file or paste CSV" description={description} />
      <CardBody className="flex flex-col gap-4 py-4">
        <Field id={fileInputId} label="CSV file" help={fileName ? `Loaded “${fileName}”. You can fix mistakes in the text below.` : undefined} error={fileError}>
          <input
            id={fileInputId}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => void source.onFileChosen(e)}
            aria-describedby={describedBy(fileInputId, { help: fileName, error: fileError })}
            className={`${controlClasses} h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2.5 file:py-1 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200`}
          />
        </Field>
        <Textarea
          label="CSV text"
          help="Or paste from a spreadsheet. Edit here to fix a row, then preview again."
          value={csv}
          onChange={(e) => source.setCsv(e.target.value)}
          rows={8}
          spellCheck={false}
          placeholder={placeholder}
          className="font-mono text-xs"
          data-testid={textareaTestId}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button variant={current ? "secondary" : "primary"} onClick={() => source.runPreview(csv)} disabled={csv.trim() === ""} isLoading={preview.isPending}>
            {previewed ? "Preview again" : "Preview import"}
          </Button>
          <p className="text-sm text-slate-500" aria-live="polite">
            {preview.isPending ? "Checking every row…" : isStale ? "The text changed since the preview. Preview again to import it." : null}
          </p>
        </div>
        {preview.isError ? <ErrorNotice message={errorMessageOf(preview.error)} /> : null}
      </CardBody>
    </Card>
  );
}
