/**
 * Rate limits shared by every process on the database (several Next.js instances, the worker):
 * fixed windows counted in RateLimitBucket with one atomic upsert per hit. A fixed window lets a
 * burst of up to twice the limit straddle a boundary; for sign-in and API throttling that is fine.
 */
import { Prisma, type Db } from "../db";

export type RateLimit = {
  /** What is limited and for whom, e.g. "sign-in:ip:203.0.113.9". */
  key: string;
  /** Hits allowed in one window. */
  limit: number;
  windowMs: number;
};

export type RateLimitResult =
  | { isLimited: false; count: number }
  | { isLimited: true; count: number; retryAfterSeconds: number };

const PRUNE_EVERY_MS = 60_000;
let lastPrunedAt = 0;

function windowOf(limit: RateLimit, now: number): { start: Date; end: Date } {
  const start = Math.floor(now / limit.windowMs) * limit.windowMs;
  return { start: new Date(start), end: new Date(start + limit.windowMs) };
}

function resultOf(limit: RateLimit, count: number, end: Date, now: number): RateLimitResult {
  if (count <= limit.limit) return { isLimited: false, count };
  return { isLimited: true, count, retryAfterSeconds: Math.max(1, Math.ceil((end.getTime() - now) / 1000)) };
}

/** Counts one hit and says whether it is over the limit (the hit that goes over is limited too). */
export async function hitRateLimit(db: Db, limit: RateLimit, now = Date.now()): Promise<RateLimitResult> {
  const { start, end } = windowOf(limit, now);
  const rows = await db.$queryRaw<{ count: number }[]>(Prisma.sql`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    VALUES (${limit.key}, ${start}, 1, ${end})
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`);
  await pruneExpiredBuckets(db, now);
  return resultOf(limit, Number(rows[0]?.count ?? 1), end, now);
}

/** Takes back one hit of the current window (an attempt that turned out not to count, e.g. a successful sign-in). */
export async function refundRateLimit(db: Db, limit: RateLimit, now = Date.now()): Promise<void> {
  const { start } = windowOf(limit, now);
  await db.$executeRaw(Prisma.sql`
    UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - 1, 0)
    WHERE "key" = ${limit.key} AND "windowStart" = ${start}`);
}

/** Forgets every window of a key (e.g. the failures of an email once its owner signs in). */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Deletes windows that have ended, at most once a minute per process. */
export async function pruneExpiredBuckets(db: Db, now = Date.now(), opts: { force?: boolean } = {}): Promise<number> {
  if (!opts.force && now - lastPrunedAt < PRUNE_EVERY_MS) return 0;
  lastPrunedAt = now;
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  return count;
}

/** "2 minutes", "1 minute": a retry delay in words, rounded up. */
export function minutesInWords(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
