import { getDb, type Db } from "../db";
import { hitRateLimit, refundRateLimit, resetRateLimit, type RateLimit } from "../security";
import { verifyPassword } from "./password";

export type SignedInUser = { id: string; email: string; name: string };

/** Email + password → the user, or null. Same answer time-wise for unknown emails and bad passwords. */
export async function authenticate(email: string, password: string): Promise<SignedInUser | null> {
  const user = await getDb().user.findUnique({ where: { email: normalizeEmail(email) } });
  if (!user) {
    await verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2PqRvWLkM9EM8V7AMXUHy2mNnK3Ni8NILCNqBkDPHZY", password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * Failed sign-ins allowed per 15 minutes: 5 for one email from one address (a person mistyping),
 * 50 from one address (one client trying many emails). There is deliberately no limit per email
 * across addresses: anyone could then lock an account's owner out by guessing wrong on purpose.
 * Guessing spread over many addresses meets argon2 and 5 tries per address. The address is the
 * one the server decided (server/security/client-ip.ts, TRUST_PROXY), not a header a client wrote.
 */
export function signInLimits(email: string, ip: string): { emailAndIp: RateLimit; ip: RateLimit } {
  const e = normalizeEmail(email);
  return {
    emailAndIp: { key: `sign-in:email-ip:${e}|${ip}`, limit: 5, windowMs: FIFTEEN_MINUTES },
    ip: { key: `sign-in:ip:${ip}`, limit: 50, windowMs: FIFTEEN_MINUTES },
  };
}

export type SignInOutcome =
  | { type: "signed_in"; user: SignedInUser }
  | { type: "wrong_credentials" }
  | { type: "rate_limited"; retryAfterSeconds: number };

/**
 * Sign-in with limits on failures. Every attempt is counted before the password is checked (so
 * parallel guesses cannot slip past the count); a successful one is taken back and clears the
 * email's failures from that address. A limited attempt does not check the password at all.
 */
export async function signInWithLimits(db: Db, input: { email: string; password: string; ip: string }, now = Date.now()): Promise<SignInOutcome> {
  const limits = signInLimits(input.email, input.ip);
  const hits = await Promise.all([limits.emailAndIp, limits.ip].map((limit) => hitRateLimit(db, limit, now)));
  const retryAfterSeconds = Math.max(0, ...hits.map((hit) => (hit.isLimited ? hit.retryAfterSeconds : 0)));
  if (retryAfterSeconds > 0) return { type: "rate_limited", retryAfterSeconds };

  const user = await authenticate(input.email, input.password);
  if (!user) return { type: "wrong_credentials" };
  await Promise.all([resetRateLimit(db, limits.emailAndIp.key), refundRateLimit(db, limits.ip, now)]);
  return { type: "signed_in", user };
}

/** What authorize throws for a limited attempt; next-auth hands the message to the sign-in form as `error`. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";
