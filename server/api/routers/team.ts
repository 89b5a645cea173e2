/**
 * Settings → Members. Everyone in the brand may read the list; owners invite, change roles,
 * remove and revoke. Accepting an invitation has no session and goes through
 * app/api/invitations/accept (server/team's acceptInvitation).
 */
import { z } from "zod";
import { changeMemberRole, inviteMember, listMembers, MEMBER_ROLES, removeMember, revokeInvitation } from "../../team";
import { createTRPCRouter, memberProcedure, ownerProcedure } from "../trpc";

const id = z.string().min(1).max(40);
const role = z.enum(MEMBER_ROLES);
const actorOf = (member: { userId: string; name: string }) => ({ userId: member.userId, name: member.name });

export const teamRouter = createTRPCRouter({
  list: memberProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.brandId, ctx.member.userId)),
  invite: ownerProcedure
    // Loose cap only: the domain function checks the address and answers in words.
    .input(z.object({ email: z.string().max(320), role }))
    .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.brandId, actorOf(ctx.member), input)),
  changeRole: ownerProcedure
    .input(z.object({ memberId: id, role }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.brandId, actorOf(ctx.member), input)),
  remove: ownerProcedure.input(z.object({ memberId: id })).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.brandId, actorOf(ctx.member), input)),
  revokeInvitation: ownerProcedure.input(z.object({ invitationId: id })).mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.brandId, actorOf(ctx.member), input)),
});
