"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { CsvImportCard, CsvPreviewCard } from "@/components/csv-import/csv-import-steps";
import { CsvSourceCard } from "@/components/csv-import/csv-source-card";
import { useCsvImport } from "@/components/csv-import/use-csv-import";
import { useTRPC } from "@/components/trpc";
import { formatNumber, plural } from "@/components/ui/format";
import { useToast } from "@/components/ui/toast";
import { MAX_IMPORT_BYTES } from "@/server/profiles/import-rules";
import { ImportPreview, type ImportPreviewResult } from "./import-preview";
import { ImportProgress, type ImportStatus } from "./import-progress";

/**
 * Choose or paste a CSV → preview (the server reads and checks every row, writes nothing) →
 * import (the server checks the same text again and queues it; it is saved a few hundred rows at a
 * time while the page shows its progress). Editing the text after a preview makes it stale: Import
 * waits for a fresh preview of exactly what is sent.
 */
export function ImportProfiles() {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const preview = useMutation(trpc.profiles.previewImport.mutationOptions());
  const runImport = useMutation(trpc.profiles.import.mutationOptions());
  const source = useCsvImport({ preview, runImport, maxBytes: MAX_IMPORT_BYTES });
  const { previewed, isStale, current } = source;
  const [started, setStarted] = useState<ImportStatus | null>(null);
  const isImporting = runImport.isPending || (started !== null && started.status !== "failed");

  function onImport() {
    setStarted(null);
    source.importPreviewed((result) => setStarted(result));
  }

  const onDone = useCallback(
    async (result: ImportStatus) => {
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
    [queryClient, trpc, toast, router],
  );

  return (
    <div className="flex flex-col gap-6">
      <CsvSourceCard
        source={source}
        preview={preview}
        description="The header row first, then one shopper per row."
        placeholder={"phone,first_name,last_name,email,consent\n+1 555 555 0100,Ava,Chen,ava@example.com,subscribed"}
      />

      {previewed ? (
        <CsvPreviewCard isStale={isStale}>
          <ImportPreview preview={previewed.result} />
        </CsvPreviewCard>
      ) : null}

      {previewed ? (
        <CsvImportCard
          summaryId="import-summary"
          summary={importSummary(current, isStale)}
          runImport={{ isPending: isImporting, isError: runImport.isError, error: runImport.error }}
          onImport={onImport}
          canImport={source.canImport && !isImporting}
          label="Import profiles"
          statusNote={runImport.isPending ? `Starting the import of ${plural(current?.counts.rows ?? 0, "row")}…` : null}
        />
      ) : null}

      {started ? <ImportProgress key={started.id} started={started} onDone={onDone} onFailed={setStarted} /> : null}
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
    ". Rows are saved a few hundred at a time while this page shows the progress; this can’t be undone from Parley.",
  ].join("");
}
