/**
 * Accepting an invitation from its link (no session: the link is the credential). A new person
 * chooses their name and password; someone whose account belongs to no brand any more (removed
 * earlier, invited again) proves it is theirs with their current password. Either way the
 * invitation is used once, and the person then signs in as usual.
 */
import { signInWithLimits } from "../auth/authenticate";
import { hashPassword } from "../auth/password";
import type { Db } from "../db";
import { AppError, assertUnreachable, invalidFields } from "../errors";
import { hitRateLimit, minutesInWords, type RateLimit } from "../security";
import { closedInvitationError, describeInvitation, stateOfClosed } from "./invitation-state";
import { hashInvitationToken } from "./invitation-token";
import { lockBrandMembers } from "./owner-guard";
import { passwordProblem } from "./password-rules";
import type { MemberRole } from "./roles";

export type AcceptInvitationInput = { token: string; name: string; password: string; ip: string };
export type AcceptedInvitation = { brandName: string; email: string; role: MemberRole };

export const NAME_MAX_LENGTH = 80;

/** Attempts allowed from one address per 15 minutes (each may hash a password: keep it cheap to refuse). */
export function acceptInvitationLimit(ip: string): RateLimit {
  return { key: `invite-accept:ip:${ip}`, limit: 10, windowMs: 15 * 60_000 };
}

function tooManyAttempts(retryAfterSeconds: number): AppError {
  return new AppError("RATE_LIMITED", { userMessage: `Too many attempts from your network. Try again in ${minutesInWords(retryAfterSeconds)}.`, retryAfterSeconds });
}

export async function acceptInvitation(db: Db, input: AcceptInvitationInput, now = new Date()): Promise<AcceptedInvitation> {
  const hit = await hitRateLimit(db, acceptInvitationLimit(input.ip), now.getTime());
  if (hit.isLimited) throw tooManyAttempts(hit.retryAfterSeconds);

  const view = await describeInvitation(db, input.token, now);
  if (view.state !== "open") throw closedInvitationError(view);

  // Slow work (password hashing or checking) before the transaction, so it holds no lock meanwhile.
  let newAccount: { name: string; passwordHash: string } | null = null;
  if (view.hasAccount) {
    const outcome = await signInWithLimits(db, { email: view.email, password: input.password, ip: input.ip }, now.getTime());
    switch (outcome.type) {
      case "signed_in":
        break;
      case "wrong_credentials":
        throw invalidFields({ password: `That isn’t the password of your Parley account (${view.email}).` });
      case "rate_limited":
        throw tooManyAttempts(outcome.retryAfterSeconds);
      default:
        assertUnreachable(outcome);
    }
  } else {
    const name = input.name.trim().replace(/\s+/g, " ");
    const errors: Record<string, string> = {};
    if (!name) errors.name = "Enter your name, as your teammates will see it.";
    else if (name.length > NAME_MAX_LENGTH) errors.name = `Keep your name under ${NAME_MAX_LENGTH} characters; it is ${name.length}.`;
    const problem = passwordProblem(input.password, view.email);
    if (problem) errors.password = problem;
    if (Object.keys(errors).length) throw invalidFields(errors);
    newAccount = { name, passwordHash: await hashPassword(input.password) };
  }

  const invitation = await db.$transaction(async (tx) => {
    const found = await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(input.token) } });
    // Gone since it was read (its brand was deleted).
    if (!found) throw closedInvitationError({ state: "not_found" });
    await lockBrandMembers(tx, found.brandId);
    // Used once: only the request that sets acceptedAt goes on (another may have won meanwhile).
    const claimed = await tx.invitation.updateMany({ where: { id: found.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
    if (claimed.count === 0) throw closedInvitationError({ state: stateOfClosed(await tx.invitation.findUniqueOrThrow({ where: { id: found.id } }), now) });

    const user = await tx.user.findUnique({ where: { email: found.email }, select: { id: true, _count: { select: { memberships: true } } } });
    if (user && user._count.memberships > 0) throw closedInvitationError({ state: "email_taken", email: found.email });
    let userId: string;
    if (user && !newAccount) userId = user.id;
    else if (!user && newAccount) userId = (await tx.user.create({ data: { email: found.email, ...newAccount }, select: { id: true } })).id;
    // The account appeared or disappeared since the password was checked: start again from the link.
    else throw new AppError("CONFLICT", { userMessage: `The account for ${found.email} changed meanwhile. Open the invitation link again.` });
    await tx.membership.create({ data: { userId, brandId: found.brandId, role: found.role } });
    return found;
  });

  return { brandName: view.brandName, email: invitation.email, role: invitation.role };
}
