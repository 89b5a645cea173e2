/**
 * Server-side records of signed-in sessions. The session cookie is a JWT (next-auth) that would
 * stay valid for its whole lifetime; it carries one of these ids, and a cookie whose record is
 * ended or gone is treated as signed out. Sign-out ends its own session; a password or role
 * change ends all of the user's sessions (endSessionsOf).
 */
import type { Db, Prisma } from "../db";

/** How stale lastSeenAt may get before a request refreshes it (one write per session per period, not per request). */
const LAST_SEEN_PRECISION_MS = 5 * 60_000;

/** Longer than any cookie can outlive its last use (next-auth's maxAge, 14 days, plus the lastSeenAt precision). */
const FORGET_AFTER_MS = 15 * 24 * 60 * 60_000;

/** A new session for a user who just signed in; its id goes into the JWT. Their ended and long-unused sessions are forgotten. */
export async function startUserSession(db: Db, userId: string, now = new Date()): Promise<string> {
  await db.userSession.deleteMany({ where: { userId, OR: [{ endedAt: { not: null } }, { lastSeenAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } }] } });
  const session = await db.userSession.create({ data: { userId, createdAt: now, lastSeenAt: now }, select: { id: true } });
  return session.id;
}

/** Whether the session is still signed in (exists, not ended, still the user's), noting that it was seen. */
export async function isUserSessionLive(db: Db, sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  const session = await db.userSession.findUnique({ where: { id: sessionId }, select: { userId: true, endedAt: true, lastSeenAt: true } });
  if (!session || session.endedAt || session.userId !== userId) return false;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) {
    await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: now } });
  }
  return true;
}

/** Sign-out: this one session ends. */
export async function endUserSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}

/**
 * Every session of the user ends: call it when their password or role changes (or they are
 * removed from a brand), so every browser signed in as them must sign in again. Returns how many ended.
 */
export async function endSessionsOf(db: Db | Prisma.TransactionClient, userId: string, now = new Date()): Promise<number> {
  const { count } = await db.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
  return count;
}
