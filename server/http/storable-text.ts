/**
 * PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses a lone UTF-16 surrogate
 * ("\ud800"): such input would fail deep inside a write as a database error. Transports check
 * for it first and answer with a BAD_REQUEST that names the field.
 */
import { AppError } from "../errors";

const MAX_DEPTH = 64;

function isStorableString(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

/** The path of the first string (value or key) that cannot be stored, or null when all can. */
export function findUnstorableText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return isStorableString(value) ? null : path.join(".") || "input";
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return null;
  if (value instanceof Date) return null;
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, key];
    if (!isStorableString(key)) return at.join(".");
    const found = findUnstorableText(child, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/** BAD_REQUEST when any string in `value` contains NUL or a lone surrogate. */
export function assertStorableText(value: unknown): void {
  const at = findUnstorableText(value);
  if (at) {
    throw new AppError("BAD_REQUEST", {
      userMessage: `${at}: text contains a character Parley cannot store (NUL or a broken Unicode surrogate).`,
      fields: { [at]: "This text contains a character Parley cannot store." },
    });
  }
}
