"use client";
import { createContext, useContext, type ReactNode } from "react";
import { hasRole } from "@/server/auth/roles";
import type { MemberRole } from "@/server/db";

// Read-only until the page says otherwise: a section never offers a change the server would refuse.
const RoleContext = createContext<MemberRole>("member");

/** The signed-in teammate's role, for every settings section below it (set by the settings page). */
export function SettingsAccessProvider({ role, children }: { role: MemberRole; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

/** Whether the signed-in teammate may change what needs `needed` (the server checks it again). */
export function useCanChange(needed: MemberRole): boolean {
  return hasRole(useContext(RoleContext), needed);
}

const readOnlyNotes: Record<Exclude<MemberRole, "member">, string> = {
  admin: "Only admins and owners can change these settings. You can see them here; ask an admin or an owner to make a change.",
  owner: "Only owners can change these settings: they hold your brand’s credentials. You can see them here; ask an owner to make a change.",
};

/** Says why a section's fields are disabled. */
export function ReadOnlyNote({ needs }: { needs: Exclude<MemberRole, "member"> }) {
  return (
    <p role="note" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="settings-read-only">
      {readOnlyNotes[needs]}
    </p>
  );
}

/**
 * A settings form that the teammate may change, or the same form read-only: every field and button
 * inside a disabled fieldset is disabled (and out of the Tab order), with the note saying why.
 */
export function ChangeableBy({ needs, children }: { needs: Exclude<MemberRole, "member">; children: ReactNode }) {
  const canChange = useCanChange(needs);
  if (canChange) return <>{children}</>;
  return (
    <div className="flex flex-col gap-5">
      <ReadOnlyNote needs={needs} />
      <fieldset disabled className="m-0 min-w-0 border-0 p-0">
        {children}
      </fieldset>
    </div>
  );
}
