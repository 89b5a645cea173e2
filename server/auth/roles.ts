/**
 * Who may do what in a brand: owner > admin > member. Each tRPC procedure declares the role it
 * needs (server/api/trpc.ts enforces it); settings pages use the same rule to show members what
 * they can't change. Pure: client components import it too.
 *
 * - owner: everything, including members and credentials (Twilio, helpdesk connectors, the
 *   public API key and webhook signing secret, commerce secrets).
 * - admin: settings, campaigns, segments, SMS workflows, profile and order imports.
 * - member: the inbox and conversations, reading profiles, segments, campaigns, performance and
 *   settings, and the simulator.
 */
import type { MemberRole } from "../db";

/** Lowest to highest: each role can do everything the roles before it can. */
export const memberRoles = ["member", "admin", "owner"] as const satisfies readonly MemberRole[];

export function hasRole(actual: MemberRole, needed: MemberRole): boolean {
  return memberRoles.indexOf(actual) >= memberRoles.indexOf(needed);
}

/** The words a refused teammate reads, naming the role that is needed. */
export function roleRefusal(needed: MemberRole): string {
  switch (needed) {
    case "owner":
      return "Only an owner of this brand can do this. Ask an owner to make the change.";
    case "admin":
      return "Only an admin or an owner of this brand can do this. Ask one of them to make the change.";
    case "member":
      return "Only a member of this brand can do this.";
  }
}
