"use client";
import { useQuery } from "@tanstack/react-query";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { ErrorNotice } from "@/components/ui/error-notice";
import { plural } from "@/components/ui/format";
import { SkeletonRows } from "@/components/ui/skeleton";
import { InvitationsTable } from "./invitations-table";
import { InviteForm } from "./invite-form";
import { MembersTable } from "./members-table";

/**
 * Settings → Members: an invite form (owners), the members with their roles, and the open
 * invitations. Everyone else sees the same lists, read-only.
 */
export function MembersView({ canManage, brandName }: { canManage: boolean; brandName: string }) {
  const trpc = useTRPC();
  const team = useQuery(trpc.team.list.queryOptions());

  return (
    <div className="flex flex-col gap-10">
      {canManage ? (
        <InviteForm brandName={brandName} />
      ) : (
        <p role="note" className="max-w-[720px] rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700" data-testid="members-read-only">
          <span className="font-medium text-slate-900">Only an owner can manage members.</span> You can see who is here and their roles; ask an owner to
          invite someone, change a role or remove a member.
        </p>
      )}

      <section aria-labelledby="members-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="members-heading" className="text-base font-semibold text-slate-900">
            Members
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {team.data ? `${plural(team.data.members.length, "person", "people")} in ${brandName}. ` : ""}
            Owners can do everything; admins run settings, campaigns, segments and workflows; members work the inbox.
          </p>
        </div>
        {team.isPending ? (
          <SkeletonRows rows={3} label="Loading members…" />
        ) : team.isError ? (
          <ErrorNotice message={errorMessageOf(team.error)} onRetry={() => void team.refetch()} />
        ) : (
          <MembersTable members={team.data.members} canManage={canManage} brandName={brandName} />
        )}
      </section>

      <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="invitations-heading" className="text-base font-semibold text-slate-900">
            Pending invitations
          </h2>
          <p className="mt-1 text-sm text-slate-600">Links not used yet. Each works once, for 7 days, unless it is revoked.</p>
        </div>
        {team.isPending ? (
          <SkeletonRows rows={1} label="Loading invitations…" />
        ) : team.isError ? null : (
          <InvitationsTable invitations={team.data.invitations} canManage={canManage} />
        )}
      </section>
    </div>
  );
}
