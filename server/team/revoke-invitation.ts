import type { Db } from "../db";
import { AppError } from "../errors";
import type { SettingsActor } from "../settings/record-settings-change";
import { recordMemberChange } from "./record-member-change";
import { roleLabels } from "./roles";

/** Revokes an open invitation: its link stops working at once. Revoking one already closed changes nothing. */
export async function revokeInvitation(db: Db, brandId: string, actor: SettingsActor, input: { invitationId: string }, now = new Date()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: input.invitationId, brandId } });
    if (!invitation) throw new AppError("NOT_FOUND", { userMessage: "That invitation doesn’t exist. Reload the page to see the open invitations." });
    if (invitation.acceptedAt) throw new AppError("CONFLICT", { userMessage: `${invitation.email} has already accepted this invitation; remove them from the members instead.` });
    if (invitation.revokedAt) return { id: invitation.id };
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: now } });
    await recordMemberChange(tx, brandId, actor, invitation.email, `invited as ${roleLabels[invitation.role]}`, "invitation revoked");
    return { id: invitation.id };
  });
}
