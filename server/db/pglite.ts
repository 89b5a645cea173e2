/**
 * The embedded database: one PGlite instance per process, kept on globalThis so that Next's
 * bundles, the queue worker and CLIs in the same process share it. A lock file stops a second
 * process from opening the same data directory (PGlite is single-process).
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { ensurePrivateDirectory } from "../security/key-files";

type Holder = { pglite?: PGlite; dataDir?: string; lockPath?: string };
const holder = ((globalThis as Record<string, unknown>).__parleyPglite ??= {}) as Holder;

export class DatabaseLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function takeLock(dataDir: string): string {
  const lockPath = path.resolve(dataDir) + ".lock";
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  try {
    const pid = Number(fs.readFileSync(lockPath, "utf8").trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseLockedError(
        `The embedded database at ${dataDir} is in use by process ${pid} (probably npm start). ` +
          `Stop that process first, or set PGLITE_DATA_DIR to another directory (memory:// for a throwaway one).`,
      );
    }
  } catch (error) {
    if (error instanceof DatabaseLockedError) throw error;
  }
  fs.writeFileSync(lockPath, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockPath);
    } catch {}
  };
  process.once("exit", release);
  return lockPath;
}

export function isMemoryDir(dataDir: string): boolean {
  return dataDir.startsWith("memory://");
}

/**
 * The process's embedded database, opened on first use. `loadDataDir` starts a new one from a
 * dump (PGlite's dumpDataDir) instead of an empty cluster: the tests' migrated snapshot.
 */
export function openPglite(dataDir: string, opts: { loadDataDir?: Blob } = {}): PGlite {
  if (holder.pglite) {
    if (holder.dataDir !== dataDir) {
      throw new Error(`PGlite already open at ${holder.dataDir}; cannot also open ${dataDir}`);
    }
    return holder.pglite;
  }
  if (!isMemoryDir(dataDir)) {
    holder.lockPath = takeLock(dataDir);
    // The database's files are the brand's data: this user only (PGlite creates them 0666).
    ensurePrivateDirectory(dataDir);
  }
  holder.pglite = new PGlite({ dataDir: isMemoryDir(dataDir) ? undefined : dataDir, loadDataDir: opts.loadDataDir });
  holder.dataDir = dataDir;
  return holder.pglite;
}

export function currentPglite(): PGlite | undefined {
  return holder.pglite;
}

export async function closePglite(): Promise<void> {
  const p = holder.pglite;
  holder.pglite = undefined;
  holder.dataDir = undefined;
  if (p && !p.closed) await p.close();
  if (holder.lockPath) {
    try {
      fs.unlinkSync(holder.lockPath);
    } catch {}
    holder.lockPath = undefined;
  }
}
