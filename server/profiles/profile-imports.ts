/**
 * A profile import as the user sees it: started from the import page, run on the queue a part at a
 * time, its progress and outcome on a ProfileImport row. Starting checks the whole file first (any
 * bad row imports nothing, as the preview said); the run then writes IMPORT_CHUNK_ROWS rows per
 * transaction and yields between parts, so on the embedded database (one query at a time for the
 * whole process) a webhook waits for one part at most, never for the whole file.
 */
import type { Db, ProfileImport } from "../db";
import { AppError } from "../errors";
import { importProfileRows, readImportableFile, type ImportResult } from "./import-profiles";
import { readProfileCsv } from "./read-profile-csv";

/** Rows per transaction: about a quarter of a second each on the embedded database (measured: 500 rows took 0.25–0.7 s). */
export const IMPORT_CHUNK_ROWS = 250;
/** The pause between parts, in which webhooks and the inbound pipeline get the database. */
const PAUSE_BETWEEN_CHUNKS_MS = 25;

export type ProfileImportStatus = Pick<ProfileImport, "id" | "status" | "total" | "processed" | "created" | "updated" | "unchanged" | "consentChanges" | "warnings" | "error" | "createdAt" | "finishedAt">;

const statusSelect = { id: true, status: true, total: true, processed: true, created: true, updated: true, unchanged: true, consentChanges: true, warnings: true, error: true, createdAt: true, finishedAt: true } as const;

/**
 * Checks the file and queues its import. Refused (nothing written, nothing queued) when the file has
 * an error or no profiles. `enqueue` is the queue's; tests pass their own to run the import by hand.
 */
export async function startProfileImport(
  db: Db,
  brandId: string,
  csvText: string,
  opts: { createdById?: string | null; enqueue: (importId: string) => Promise<void> },
): Promise<ProfileImportStatus> {
  const csv = readImportableFile(csvText);
  const record = await db.profileImport.create({
    data: { brandId, csv: csvText, total: csv.rows.length, createdById: opts.createdById ?? null },
    select: statusSelect,
  });
  await opts.enqueue(record.id);
  return record;
}

export async function getProfileImport(db: Db, brandId: string, id: string): Promise<ProfileImportStatus> {
  const record = await db.profileImport.findFirst({ where: { id, brandId }, select: statusSelect });
  if (!record) throw new AppError("NOT_FOUND", { userMessage: "That import doesn't exist." });
  return record;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs an import from where it stopped (`processed` rows are done: each part's rows and its progress
 * are written in one transaction). A part that fails ends the import as failed, with what was
 * imported before it kept and the reason shown; the file is dropped when the import ends.
 */
export async function runProfileImport(db: Db, importId: string, opts: { signal?: AbortSignal; chunkRows?: number } = {}): Promise<void> {
  const record = await db.profileImport.findUnique({ where: { id: importId } });
  if (!record || record.csv === null || (record.status !== "queued" && record.status !== "running")) return;
  if (record.status === "queued") await db.profileImport.update({ where: { id: importId }, data: { status: "running" } });
  const csv = readProfileCsv(record.csv);
  const chunkRows = opts.chunkRows ?? IMPORT_CHUNK_ROWS;
  let processed = record.processed;
  try {
    while (processed < csv.rows.length) {
      // Shutting down: stop between parts; the job is retried and resumes here.
      if (opts.signal?.aborted) throw new Error(`profile import ${importId} interrupted`);
      const rows = csv.rows.slice(processed, processed + chunkRows);
      await importProfileRows(db, record.brandId, { ...csv, rows, errors: [] }, {
        afterWrite: async (tx, result: ImportResult) => {
          await tx.profileImport.update({
            where: { id: importId },
            data: {
              processed: { increment: rows.length },
              created: { increment: result.created },
              updated: { increment: result.updated },
              unchanged: { increment: result.unchanged },
              consentChanges: { increment: result.consentChanges },
              warnings: { increment: result.warnings },
            },
          });
        },
      });
      processed += rows.length;
      await sleep(PAUSE_BETWEEN_CHUNKS_MS);
    }
    await db.profileImport.update({ where: { id: importId }, data: { status: "done", csv: null, finishedAt: new Date() } });
  } catch (error) {
    if (opts.signal?.aborted) throw error;
    const reason = error instanceof AppError ? error.userMessage : "Something went wrong while saving.";
    const done = processed > 0 ? `The first ${processed.toLocaleString("en-US")} rows were imported; the rest were not.` : "Nothing was imported.";
    await db.profileImport.update({ where: { id: importId }, data: { status: "failed", csv: null, finishedAt: new Date(), error: `${done} ${reason}` } });
    if (!(error instanceof AppError)) console.error(`[profiles] import ${importId} failed:`, error);
  }
}
