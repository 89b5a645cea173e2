"use client";
import { useId, useState, type ChangeEvent } from "react";

const MB = 1024 * 1024;

/** The parts of the preview mutation the flow drives: a check of the text that writes nothing. */
type PreviewMutation<Result> = { mutate: (input: { csv: string }, options: { onSuccess: (result: Result) => void }) => void };

/** The parts of the import mutation the flow drives: saving exactly the previewed text. */
type ImportMutation<Imported> = {
  isPending: boolean;
  reset: () => void;
  mutate: (input: { csv: string }, options: { onSuccess: (result: Imported) => Promise<void> | void; onError: () => void }) => void;
};

/**
 * The CSV import flow shared by the import pages: choose a file (at most `maxBytes`) or paste text →
 * preview (the server reads and checks every row, writes nothing) → import (the server checks the same
 * text again and saves it all in one transaction). Editing the text after a preview makes it stale:
 * importing waits for a fresh preview of exactly what is sent.
 */
export function useCsvImport<Result extends { canImport: boolean }, Imported>({
  preview,
  runImport,
  maxBytes,
}: {
  preview: PreviewMutation<Result>;
  runImport: ImportMutation<Imported>;
  maxBytes: number;
}) {
  const fileInputId = useId();
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [previewed, setPreviewed] = useState<{ csv: string; result: Result } | null>(null);

  const isStale = previewed !== null && previewed.csv !== csv;
  const current = previewed && !isStale ? previewed.result : null;
  const canImport = current?.canImport === true && !runImport.isPending;

  function runPreview(text: string) {
    runImport.reset();
    preview.mutate({ csv: text }, { onSuccess: (result) => setPreviewed({ csv: text, result }) });
  }

  async function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileError(null);
    if (!file) return;
    if (file.size > maxBytes) {
      setFileError(`“${file.name}” is ${(file.size / MB).toFixed(1)} MB; an import can be at most ${maxBytes / MB} MB. Split it into smaller files.`);
      event.target.value = "";
      return;
    }
    const text = await file.text();
    setFileName(file.name);
    setCsv(text);
    runPreview(text);
  }

  /** Imports the previewed text, if its preview is current and allows it. */
  function importPreviewed(onImported: (result: Imported) => Promise<void> | void) {
    if (!previewed || !canImport) return;
    const text = previewed.csv;
    runImport.mutate({ csv: text }, {
      onSuccess: onImported,
      // The server found something the preview didn't (the data changed since): show it fresh.
      onError: () => runPreview(text),
    });
  }

  return { fileInputId, csv, setCsv, fileName, fileError, onFileChosen, previewed, isStale, current, canImport, runPreview, importPreviewed };
}

export type CsvImport<Result extends { canImport: boolean }> = Pick<
  ReturnType<typeof useCsvImport<Result, unknown>>,
  "fileInputId" | "csv" | "setCsv" | "fileName" | "fileError" | "onFileChosen" | "previewed" | "isStale" | "current" | "runPreview"
>;
