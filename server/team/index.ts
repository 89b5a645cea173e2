/**
 * Settings → Members: who belongs to the brand and with which role, invitations by one-time link
 * (Parley sends no email), and accepting one. A brand always keeps an owner. Who may call what
 * (owners manage, everyone reads) is the tRPC layer's job, not this folder's.
 */
export { listMembers, type Team, type TeamMember, type PendingInvitation } from "./list-members";
export { inviteMember, MAX_OPEN_INVITATIONS, type InviteMemberInput } from "./invite-member";
export { changeMemberRole } from "./change-role";
export { removeMember } from "./remove-member";
export { revokeInvitation } from "./revoke-invitation";
export { acceptInvitation, acceptInvitationLimit, NAME_MAX_LENGTH, type AcceptInvitationInput, type AcceptedInvitation } from "./accept-invitation";
export { describeInvitation, closedInvitationMessage, type InvitationView } from "./invitation-state";
export { INVITATION_TTL_MS } from "./invitation-token";
export { MEMBER_ROLES, roleLabels, roleDescriptions, type MemberRole } from "./roles";
export { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from "./password-rules";
export { EMAIL_MAX_LENGTH } from "./member-email";
