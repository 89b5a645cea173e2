import type { Db } from "../db";
import { AppError } from "../errors";
import type { SettingsActor } from "../settings/record-settings-change";
import { createInvitationToken, INVITATION_TTL_MS, invitationLink } from "./invitation-token";
import type { PendingInvitation } from "./list-members";
import { emailProblem, normalizeEmail } from "./member-email";
import { lockBrandMembers } from "./owner-guard";
import { recordMemberChange } from "./record-member-change";
import { roleLabels, type MemberRole } from "./roles";

export type InviteMemberInput = { email: string; role: MemberRole };

/** Open invitations a brand may hold at once; each is a working sign-up link until it expires. */
export const MAX_OPEN_INVITATIONS = 50;

const refuseEmail = (userMessage: string) => new AppError("CONFLICT", { userMessage, fields: { email: userMessage } });

/**
 * Invites someone by email with a role. Parley sends no email: the answer carries the one-time
 * link, to be copied and sent by the owner; it is never shown again (only its hash is stored).
 * A second invitation to the same email replaces the first (its link stops working). Refused when
 * the email is already a member here, or of any brand (one brand per account for now).
 */
export async function inviteMember(db: Db, brandId: string, actor: SettingsActor, input: InviteMemberInput, now = new Date()): Promise<{ invitation: PendingInvitation; link: string }> {
  const problem = emailProblem(input.email);
  if (problem) throw new AppError("BAD_REQUEST", { userMessage: problem, fields: { email: problem } });
  const email = normalizeEmail(input.email);
  const { token, tokenHash } = createInvitationToken();

  const invitation = await db.$transaction(async (tx) => {
    await lockBrandMembers(tx, brandId);
    const user = await tx.user.findUnique({ where: { email }, select: { memberships: { select: { brandId: true } } } });
    if (user?.memberships.some((m) => m.brandId === brandId)) throw refuseEmail(`${email} is already a member of this brand.`);
    // Never say which brand: that is the other tenant's business.
    if (user && user.memberships.length > 0) throw refuseEmail(`${email} already belongs to another brand on Parley; for now an account can belong to one brand only.`);

    const open = { brandId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
    const replaced = await tx.invitation.updateMany({ where: { ...open, email }, data: { revokedAt: now } });
    if ((await tx.invitation.count({ where: open })) >= MAX_OPEN_INVITATIONS) {
      throw new AppError("CONFLICT", { userMessage: `This brand already has ${MAX_OPEN_INVITATIONS} open invitations. Revoke the ones no longer needed, then invite again.` });
    }
    const created = await tx.invitation.create({
      data: { brandId, email, role: input.role, tokenHash, invitedById: actor.userId, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
    });
    await recordMemberChange(tx, brandId, actor, email, replaced.count > 0 ? "invited (earlier link)" : null, `invited as ${roleLabels[input.role]}`);
    return created;
  });

  return {
    invitation: { id: invitation.id, email, role: invitation.role, invitedBy: actor.name, createdAt: invitation.createdAt, expiresAt: invitation.expiresAt },
    link: invitationLink(token),
  };
}
