/**
 * The three roles in words, for the Members page and the server's messages. Pure: client
 * components import this file directly.
 */
export const MEMBER_ROLES = ["owner", "admin", "member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const roleLabels: Record<MemberRole, string> = { owner: "Owner", admin: "Admin", member: "Member" };

/** What each role may do (the README's role matrix, in one line each). */
export const roleDescriptions: Record<MemberRole, string> = {
  owner: "Everything, including members, credentials and API keys.",
  admin: "Settings, campaigns, segments and SMS Workflows; not members or credentials.",
  member: "The inbox and conversations, profiles (read only) and the simulator.",
};
