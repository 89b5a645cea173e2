import type { Db } from "../db";
import type { MemberRole } from "./roles";

export type TeamMember = { id: string; userId: string; name: string; email: string; role: MemberRole; joinedAt: Date; isYou: boolean };
export type PendingInvitation = { id: string; email: string; role: MemberRole; invitedBy: string | null; createdAt: Date; expiresAt: Date };
export type Team = { members: TeamMember[]; invitations: PendingInvitation[] };

/**
 * The brand's members (owners first, then by name) and its open invitations (not accepted, not
 * revoked, not expired; newest first). `viewerUserId` marks the signed-in member's own row.
 */
export async function listMembers(db: Db, brandId: string, viewerUserId: string, now = new Date()): Promise<Team> {
  const [memberships, invitations] = await Promise.all([
    db.membership.findMany({ where: { brandId }, include: { user: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } }),
    db.invitation.findMany({
      where: { brandId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      include: { invitedBy: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const rank: Record<MemberRole, number> = { owner: 0, admin: 1, member: 2 };
  const members = memberships
    .map((m) => ({ id: m.id, userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt, isYou: m.userId === viewerUserId }))
    .sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  return {
    members,
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, invitedBy: i.invitedBy?.name ?? null, createdAt: i.createdAt, expiresAt: i.expiresAt })),
  };
}
