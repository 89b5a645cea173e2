import type { Db } from "../db";
import type { SettingsActor } from "../settings/record-settings-change";
import { memberNotFound } from "./change-role";
import { endSessionsOfMember } from "./end-member-sessions";
import { assertAnotherOwnerRemains, lockBrandMembers } from "./owner-guard";
import { recordMemberChange } from "./record-member-change";
import { roleLabels } from "./roles";

/**
 * Removes a member from the brand. The brand's only owner can't be removed (an owner may remove
 * themselves while another owner remains). Their account stays (the history and notes name it)
 * but belongs to no brand, so it can do nothing until invited again; conversations they had taken
 * go back to the team, still waiting for a person.
 */
export async function removeMember(db: Db, brandId: string, actor: SettingsActor, input: { memberId: string }): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await lockBrandMembers(tx, brandId);
    const member = await tx.membership.findFirst({ where: { id: input.memberId, brandId }, include: { user: { select: { email: true } } } });
    if (!member) throw memberNotFound();
    if (member.role === "owner") await assertAnotherOwnerRemains(tx, brandId, member.id, "remove");
    await tx.membership.delete({ where: { id: member.id } });
    await tx.conversation.updateMany({ where: { brandId, assigneeId: member.userId }, data: { assigneeId: null, assignedAt: null } });
    await endSessionsOfMember(tx, member.userId);
    await recordMemberChange(tx, brandId, actor, member.user.email, roleLabels[member.role], "removed");
    return { id: member.id };
  });
}
