import type { Db } from "../db";
import { AppError, assertUnreachable } from "../errors";
import { hashInvitationToken } from "./invitation-token";
import type { MemberRole } from "./roles";

/** What an invitation link leads to, for the page that opens it (no secrets, no ids). */
export type InvitationView =
  | { state: "open"; brandName: string; email: string; role: MemberRole; expiresAt: Date; hasAccount: boolean }
  /** The email belongs to an account that joined a brand since (one brand per account). */
  | { state: "email_taken"; email: string }
  | { state: "accepted" | "revoked" | "expired" | "not_found" };

export type ClosedInvitationState = Exclude<InvitationView["state"], "open">;

/** Tokens are 43 characters; anything much longer is not one of ours. */
const MAX_TOKEN_LENGTH = 100;

export async function findInvitationByToken(db: Db, token: string) {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  return db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, include: { brand: { select: { name: true } } } });
}

/** Why an invitation that could not be claimed is closed. */
export function stateOfClosed(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): "accepted" | "revoked" | "expired" {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt.getTime() <= now.getTime() ? "expired" : "accepted";
}

/** The state of the invitation behind a link: open (with the brand, email and role), or why not. */
export async function describeInvitation(db: Db, token: string, now = new Date()): Promise<InvitationView> {
  const invitation = await findInvitationByToken(db, token);
  if (!invitation) return { state: "not_found" };
  if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= now.getTime()) return { state: stateOfClosed(invitation, now) };
  const user = await db.user.findUnique({ where: { email: invitation.email }, select: { _count: { select: { memberships: true } } } });
  if (user && user._count.memberships > 0) return { state: "email_taken", email: invitation.email };
  return { state: "open", brandName: invitation.brand.name, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, hasAccount: Boolean(user) };
}

/** Why a link can't be used, in words for the person who opened it. */
export function closedInvitationMessage(view: Exclude<InvitationView, { state: "open" }>): string {
  switch (view.state) {
    case "not_found":
      return "This invitation link isn’t valid. Check that you copied all of it, or ask the person who invited you for a new one.";
    case "accepted":
      return "This invitation has already been used. Sign in with the email and password you chose.";
    case "revoked":
      return "This invitation was withdrawn. Ask the person who invited you for a new link if you still need access.";
    case "expired":
      return "This invitation has expired (links work for 7 days). Ask the person who invited you for a new one.";
    case "email_taken":
      return `${view.email} already belongs to a brand on Parley, and for now an account can belong to one brand only.`;
    default:
      return assertUnreachable(view);
  }
}

export function closedInvitationError(view: Exclude<InvitationView, { state: "open" }>): AppError {
  const code = view.state === "not_found" ? "NOT_FOUND" : "CONFLICT";
  return new AppError(code, { userMessage: closedInvitationMessage(view) });
}
