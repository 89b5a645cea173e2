import type { Db } from "../db";
import { AppError } from "../errors";
import type { SettingsActor } from "../settings/record-settings-change";
import { endSessionsOfMember } from "./end-member-sessions";
import { assertAnotherOwnerRemains, lockBrandMembers } from "./owner-guard";
import { recordMemberChange } from "./record-member-change";
import { roleLabels, type MemberRole } from "./roles";

export const memberNotFound = () => new AppError("NOT_FOUND", { userMessage: "That member isn’t part of this brand (anymore). Reload the page to see the current members." });

/**
 * Gives a member another role. The brand's only owner can't be demoted (an owner may demote
 * themselves while another owner remains). The member's sessions end, so the new role applies
 * from their next sign-in.
 */
export async function changeMemberRole(db: Db, brandId: string, actor: SettingsActor, input: { memberId: string; role: MemberRole }): Promise<{ id: string; role: MemberRole }> {
  return db.$transaction(async (tx) => {
    await lockBrandMembers(tx, brandId);
    const member = await tx.membership.findFirst({ where: { id: input.memberId, brandId }, include: { user: { select: { email: true } } } });
    if (!member) throw memberNotFound();
    if (member.role === input.role) return { id: member.id, role: member.role };
    if (member.role === "owner") await assertAnotherOwnerRemains(tx, brandId, member.id, "demote");
    await tx.membership.update({ where: { id: member.id }, data: { role: input.role } });
    await endSessionsOfMember(tx, member.userId);
    await recordMemberChange(tx, brandId, actor, member.user.email, roleLabels[member.role], roleLabels[input.role]);
    return { id: member.id, role: input.role };
  });
}
