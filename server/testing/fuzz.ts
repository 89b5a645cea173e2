/**
 * Fuzzing kit for the hardening tests: a seeded PRNG (FUZZ_SEED overrides the fixed default, and
 * every test prints the seed it ran with), generators of hostile values, and a snapshot of every
 * table's row count so a rejected request can be shown to have stored nothing.
 */
import type { Db } from "../db";
import { Rng } from "./rng";

export const DEFAULT_FUZZ_SEED = 20261121;

/** The seed for this run: FUZZ_SEED when set (reproduce a failure with it), else the fixed default. */
export function fuzzSeed(): number {
  const raw = process.env.FUZZ_SEED;
  const n = raw ? Number(raw) : DEFAULT_FUZZ_SEED;
  return Number.isFinite(n) ? n >>> 0 : DEFAULT_FUZZ_SEED;
}

/** Cases per route / procedure: FUZZ_CASES when set. */
export function fuzzCases(fallback: number): number {
  const n = Number(process.env.FUZZ_CASES);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export { Rng };

/** Text that has broken real systems: control characters, NUL, lone surrogates, RTL marks, emoji, injection-looking strings. */
export const nastyStrings: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\u202eevil\u202c",
  "\ufeff",
  "💩🔥👍🏽‍",
  "Ω≈ç√∫˜µ≤≥÷",
  "𝕿𝖍𝖊",
  "' OR 1=1 --",
  "'; DROP TABLE \"Brand\"; --",
  "%00%ff%zz%",
  "../../../../etc/passwd",
  "<script>alert(1)</script>",
  "${jndi:ldap://x}",
  "__proto__",
  "constructor",
  "prototype",
  "NaN",
  "-1",
  "1e309",
  "null",
  "undefined",
  "true",
  "2026-02-30",
  "9999-99-99",
  "0000-00-00",
  "+1555",
  "+15555550123",
  "00000000-0000-0000-0000-000000000000",
  "\r\n\r\n",
  "\t\v\f\b",
  "\\",
  '"',
  "{}",
  "[]",
];

export const nastyNumbers: readonly number[] = [0, -0, -1, 1, 1.5, -1.5, NaN, Infinity, -Infinity, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, 100_001, 99_999_999];

/** Any JSON-ish value, including deep nesting and prototype-pollution keys. */
export function randomValue(rng: Rng, depth = 0): unknown {
  const kind = rng.int(0, depth > 3 ? 6 : 10);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return rng.chance(0.5);
    case 3:
      return rng.pick(nastyNumbers);
    case 4:
      return rng.pick(nastyStrings);
    case 5:
      return rng.ascii(rng.int(0, 50));
    case 6:
      return rng.id();
    case 7:
      return Array.from({ length: rng.int(0, 4) }, () => randomValue(rng, depth + 1));
    case 8:
      return randomObject(rng, depth + 1);
    case 9:
      return deeplyNested(rng.int(50, 400));
    default:
      return rng.chance(0.5) ? new Date(rng.pick([NaN, 8.64e15, 0, -8.64e15])) : rng.ascii(rng.int(10_000, 200_000));
  }
}

function randomObject(rng: Rng, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = rng.int(0, 4); i > 0; i--) {
    const key = rng.chance(0.3) ? rng.pick(["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"]) : rng.ascii(rng.int(1, 10));
    // defineProperty so "__proto__" is an own key, as JSON.parse would make it.
    Object.defineProperty(out, key, { value: randomValue(rng, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function deeplyNested(levels: number): unknown {
  let v: unknown = "bottom";
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** A body parsed as JSON with "__proto__" as a real key (what an attacker's JSON gives a parser). */
export function pollutionJson(): string {
  return '{"__proto__":{"isAdmin":true,"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}';
}

export type RowCounts = Record<string, number>;

/**
 * Row count of every table of ours (information_schema), in one query. Left out: Prisma's
 * migration log, and RateLimitBucket, whose counters go up on refused requests by design (a bad
 * API key counts toward its limit) — bookkeeping, not a stored record.
 */
export async function countRows(db: Db): Promise<RowCounts> {
  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'RateLimitBucket') ORDER BY table_name`,
  );
  const sql = tables.map((t) => `SELECT '${t.table_name}' AS t, count(*)::int AS n FROM "${t.table_name}"`).join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

/** The tables whose counts differ, e.g. { Message: "3 → 4" }; empty when nothing changed. */
export function diffCounts(before: RowCounts, after: RowCounts): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[key] !== after[key]) out[key] = `${before[key]} → ${after[key]}`;
  }
  return out;
}

/** Short, printable description of a value for failure messages. */
export function describeValue(value: unknown, max = 300): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v instanceof Date ? `Date(${v.getTime()})` : v));
  } catch {
    text = String(value);
  }
  text ??= String(value);
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
