"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, TD, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { roleLabels } from "@/server/team/roles";
import { ConfirmDialog } from "./confirm-dialog";
import { RowAction, TeamTableHead } from "./team-table";
import { useRefreshTeam } from "./use-refresh-team";

type Invitation = RouterOutputs["team"]["list"]["invitations"][number];

/** Invitations not used yet; owners revoke one after a confirmation (its link stops working). */
export function InvitationsTable({ invitations, canManage }: { invitations: Invitation[]; canManage: boolean }) {
  const trpc = useTRPC();
  const toast = useToast();
  const refresh = useRefreshTeam();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const revoke = useMutation(trpc.team.revokeInvitation.mutationOptions({ onSettled: () => void refresh() }));

  function close() {
    setRevoking(null);
    revoke.reset();
  }

  function confirmRevoke(invitation: Invitation) {
    revoke.mutate(
      { invitationId: invitation.id },
      {
        onSuccess: () => {
          close();
          toast({ tone: "success", title: "Invitation revoked", description: `The link for ${invitation.email} no longer works.` });
        },
      },
    );
  }

  if (invitations.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600" data-testid="invitations-empty">
        No open invitations.{canManage ? " Invite someone above: their invitation waits here until they use the link, you revoke it, or it expires." : ""}
      </p>
    );
  }

  return (
    <>
      <Table label="Pending invitations">
        <TeamTableHead columns={["Email", "Role", "Invited by", "Expires"]} hasActions={canManage} />
        <TBody>
          {invitations.map((invitation) => (
            <TR key={invitation.id} data-testid="invitation-row">
              <TD className="whitespace-nowrap">
                <span id={`invitation-${invitation.id}`} className="font-medium text-slate-900">
                  {invitation.email}
                </span>
              </TD>
              <TD>{roleLabels[invitation.role]}</TD>
              <TD className="whitespace-nowrap">{invitation.invitedBy ?? "—"}</TD>
              <TD className="text-slate-500">
                <RelativeTime date={invitation.expiresAt} />
              </TD>
              {canManage ? (
                <RowAction describedBy={`invitation-${invitation.id}`} onClick={() => setRevoking(invitation)}>
                  Revoke
                </RowAction>
              ) : null}
            </TR>
          ))}
        </TBody>
      </Table>

      <ConfirmDialog
        open={revoking !== null}
        onClose={close}
        title={`Revoke the invitation for ${revoking?.email ?? "this person"}?`}
        description="The link stops working at once. You can invite them again later with a new link."
        error={revoke.isError ? errorMessageOf(revoke.error) : null}
        cancelLabel="Keep it"
        confirmLabel="Revoke invitation"
        isPending={revoke.isPending}
        onConfirm={() => revoking && confirmRevoke(revoking)}
        testId="revoke-invitation-dialog"
      />
    </>
  );
}
