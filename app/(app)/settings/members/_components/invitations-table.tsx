"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { roleLabels } from "@/server/team/roles";
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
        <THead>
          <tr>
            <TH>Email</TH>
            <TH>Role</TH>
            <TH>Invited by</TH>
            <TH>Expires</TH>
            {canManage ? (
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            ) : null}
          </tr>
        </THead>
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
                <TD className="py-2">
                  <div className="flex justify-end">
                    <Button variant="ghost" size="sm" aria-describedby={`invitation-${invitation.id}`} onClick={() => setRevoking(invitation)}>
                      Revoke
                    </Button>
                  </div>
                </TD>
              ) : null}
            </TR>
          ))}
        </TBody>
      </Table>

      <Dialog
        open={revoking !== null}
        onClose={close}
        role="alertdialog"
        title={revoking ? `Revoke the invitation for ${revoking.email}?` : "Revoke invitation?"}
        description="The link stops working at once. You can invite them again later with a new link."
        testId="revoke-invitation-dialog"
      >
        {revoke.isError ? (
          <p role="alert" className="rounded-md border border-red-200 bg-failed-soft px-3 py-2 text-sm text-failed-ink">
            {errorMessageOf(revoke.error)}
          </p>
        ) : null}
        {revoking ? (
          <DialogActions>
            <Button variant="secondary" onClick={close} data-autofocus="">
              Keep it
            </Button>
            <Button
              variant="danger"
              isLoading={revoke.isPending}
              onClick={() =>
                revoke.mutate(
                  { invitationId: revoking.id },
                  {
                    onSuccess: () => {
                      close();
                      toast({ tone: "success", title: "Invitation revoked", description: `The link for ${revoking.email} no longer works.` });
                    },
                  },
                )
              }
            >
              Revoke invitation
            </Button>
          </DialogActions>
        ) : null}
      </Dialog>
    </>
  );
}
