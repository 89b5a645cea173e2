"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type ChangeEvent } from "react";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorNotice } from "@/components/ui/error-notice";
import { controlClasses, describedBy, Field } from "@/components/ui/field";
import { formatNumber, plural } from "@/components/ui/format";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { MAX_IMPORT_BYTES } from "@/server/profiles/import-rules";
import { ImportPreview, type ImportPreviewResult } from "./import-preview";

const MB = 1024 * 1024;

/**
 * Choose or paste a CSV → preview (the server reads and checks every row, writes nothing) →
 * import (the server checks the same text again and saves it all in one transaction). Editing the
 * text after a preview makes it stale: Import waits for a fresh preview of exactly what is sent.
 */
export function ImportProfiles() {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const fileInputId = useId();
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [previewed, setPreviewed] = useState<{ csv: string; result: ImportPreviewResult } | null>(null);

  const preview = useMutation(trpc.profiles.previewImport.mutationOptions());
  const runImport = useMutation(trpc.profiles.import.mutationOptions());

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
          await queryClient.invalidateQueries(trpc.profiles.pathFilter());
          const parts = [
            result.created ? `${plural(result.created, "new profile")}` : null,
            result.updated ? `${plural(result.updated, "profile")} updated` : null,
            result.unchanged ? `${formatNumber(result.unchanged)} unchanged` : null,
          ].filter(Boolean);
          toast({
            tone: "success",
            title: "Profiles imported",
            description: `${parts.join(", ")}.${result.consentChanges ? ` ${plural(result.consentChanges, "consent change")} recorded.` : ""}`,
          });
          router.push("/profiles");
        },
        // The server found something the preview didn't (the data changed since): show it fresh.
        onError: () => runPreview(text),
      },
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader title="1. Choose a file or paste CSV" description="The header row first, then one shopper per row." />
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
            placeholder={"phone,first_name,last_name,email,consent\n+1 555 555 0100,Ava,Chen,ava@example.com,subscribed"}
            className="font-mono text-xs"
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
          <CardHeader
            title="2. Check the preview"
            description={isStale ? "This preview is for the earlier text." : "Nothing has been saved yet."}
          />
          <CardBody className="py-4">
            <ImportPreview preview={previewed.result} />
          </CardBody>
        </Card>
      ) : null}

      {previewed ? (
        <Card>
          <CardHeader title="3. Import" />
          <CardBody className="flex flex-col gap-3 py-4">
            <p className="text-sm text-slate-600" id="import-summary">
              {importSummary(current, isStale)}
            </p>
            {runImport.isError ? <ErrorNotice message={errorMessageOf(runImport.error)} /> : null}
            <div className="flex flex-wrap items-center gap-3">
              <Button onClick={onImport} disabled={!canImport} isLoading={runImport.isPending} aria-describedby="import-summary">
                Import profiles
              </Button>
              <p className="text-sm text-slate-500" aria-live="polite">
                {runImport.isPending ? `Importing ${plural(current?.counts.rows ?? 0, "row")}… large files take a few seconds.` : null}
              </p>
            </div>
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

function importSummary(preview: ImportPreviewResult | null, isStale: boolean): string {
  if (isStale || !preview) return "Preview the current text before importing it.";
  const { counts } = preview;
  if (counts.errors > 0) return `Importing is blocked until the ${plural(counts.errors, "error")} above ${counts.errors === 1 ? "is" : "are"} fixed. Nothing is imported from a file with errors.`;
  if (!preview.canImport) return "There is nothing to import.";
  const consentChanges = counts.subscribed + counts.unsubscribed;
  return [
    `Importing creates ${plural(counts.create, "profile")} and updates ${formatNumber(counts.update)}`,
    consentChanges ? `, and records ${plural(consentChanges, "consent change")} (source “import”)` : "",
    ". All rows are saved together; this can’t be undone from Parley.",
  ].join("");
}
