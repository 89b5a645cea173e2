/**
 * Where generated keys live, and who may read them. Without ENCRYPTION_KEY / NEXTAUTH_SECRET,
 * Parley generates them once and keeps them as files in KEYS_DIR (default `.data`, so `npm start`
 * needs no configuration). Files are 0600 in a 0700 directory; the embedded database's directory
 * is 0700 too (server/db/pglite.ts).
 *
 * A key kept in the same directory tree as the database it protects ends up in the same backup:
 * whoever holds the copy holds the secrets. `keysBesideDataWarning` says so at start, unless the
 * operator has said it is intended (KEYS_BESIDE_DATA=true).
 */
import fs from "node:fs";
import path from "node:path";
import { env, type Env } from "../env";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the directory if needed and makes it readable by this user only. */
export function ensurePrivateDirectory(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** The path of a generated key file (its directory made private). */
export function keyFilePath(name: string): string {
  const dir = path.resolve(env().KEYS_DIR);
  ensurePrivateDirectory(dir);
  return path.join(dir, name);
}

/** An existing key file written by an older version with looser permissions is tightened. */
export function tightenKeyFile(file: string): void {
  try {
    if ((fs.statSync(file).mode & 0o777) !== PRIVATE_FILE_MODE) fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch {
    // Not there yet: it will be created 0600.
  }
}

const isWithin = (dir: string, parent: string) => dir === parent || dir.startsWith(parent + path.sep);

/**
 * A warning when a generated key would sit in the same tree as the embedded database (one backup
 * of that tree holds both), or null. Keys given as ENCRYPTION_KEY / NEXTAUTH_SECRET, a PostgreSQL
 * database, and KEYS_BESIDE_DATA=true mean there is nothing to warn about.
 */
export function keysBesideDataWarning(e: Env): string | null {
  if (e.KEYS_BESIDE_DATA || e.DATABASE_URL || e.PGLITE_DATA_DIR.startsWith("memory://")) return null;
  const generated = [!e.ENCRYPTION_KEY && "the encryption key", !e.NEXTAUTH_SECRET && "the session-signing secret"].filter(Boolean);
  if (!generated.length) return null;
  const keys = path.resolve(e.KEYS_DIR);
  const data = path.resolve(e.PGLITE_DATA_DIR);
  const shareTree = isWithin(data, keys) || isWithin(keys, data) || path.dirname(data) === path.dirname(keys);
  if (!shareTree) return null;
  return (
    `Warning: ${generated.join(" and ")} ${generated.length > 1 ? "are" : "is"} kept in ${keys}, beside the database they protect (${data}); ` +
    `one backup or copy of that folder holds both. For real data, set ENCRYPTION_KEY and NEXTAUTH_SECRET from a secret store, ` +
    `or KEYS_DIR to a directory outside the data folder; set KEYS_BESIDE_DATA=true if this is intended (a demo).`
  );
}
