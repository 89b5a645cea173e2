"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { MEMBER_ROLES, roleLabels, type MemberRole } from "@/server/team/roles";
import { useRefreshTeam } from "./use-refresh-team";

type Member = RouterOutputs["team"]["list"]["members"][number];
type RoleChange = { member: Member; role: MemberRole };

/** The brand's members; owners change roles in place and remove members after a confirmation. */
export function MembersTable({ members, canManage, brandName }: { members: Member[]; canManage: boolean; brandName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refresh = useRefreshTeam();
  const [removing, setRemoving] = useState<Member | null>(null);
  // Stepping down from owner yourself asks first: it takes this page away from you.
  const [selfDemotion, setSelfDemotion] = useState<RoleChange | null>(null);

  const changeRole = useMutation(trpc.team.changeRole.mutationOptions({ onSettled: () => void refresh() }));
  const remove = useMutation(trpc.team.remove.mutationOptions({ onSettled: () => void refresh() }));

  function applyRole({ member, role }: RoleChange) {
    changeRole.mutate(
      { memberId: member.id, role },
      {
        onSuccess: () => {
          setSelfDemotion(null);
          toast({ tone: "success", title: "Role changed", description: `${member.name} is now ${roleLabels[role]}.` });
          // Your own role changed: the page (and what it lets you do) follows it.
          if (member.isYou) router.refresh();
        },
        onError: (error) => {
          setSelfDemotion(null);
          toast({ tone: "error", title: "Role not changed", description: errorMessageOf(error) });
        },
      },
    );
  }

  function onRoleSelected(member: Member, role: MemberRole) {
    if (role === member.role) return;
    if (member.isYou && member.role === "owner") setSelfDemotion({ member, role });
    else applyRole({ member, role });
  }

  function closeRemove() {
    setRemoving(null);
    remove.reset();
  }

  function confirmRemove(member: Member) {
    remove.mutate(
      { memberId: member.id },
      {
        onSuccess: () => {
          closeRemove();
          toast({ tone: "success", title: "Member removed", description: `${member.name} no longer has access to ${brandName}.` });
          // Removing yourself ends your access: go where a signed-out person goes.
          if (member.isYou) window.location.assign("/");
        },
      },
    );
  }

  return (
    <>
      <Table label="Members">
        <THead>
          <tr>
            <TH>Name</TH>
            <TH>Email</TH>
            <TH>Role</TH>
            <TH>Joined</TH>
            {canManage ? (
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            ) : null}
          </tr>
        </THead>
        <TBody>
          {members.map((member) => (
            <TR key={member.id} data-testid="member-row">
              <TD className="whitespace-nowrap">
                <span id={`member-${member.id}`} className="font-medium text-slate-900">
                  {member.name}
                </span>
                {member.isYou ? (
                  <Badge tone="accent" className="ml-2">
                    You
                  </Badge>
                ) : null}
              </TD>
              <TD className="whitespace-nowrap">{member.email}</TD>
              <TD className="py-2">
                {canManage ? (
                  <Select
                    label={`Role of ${member.name}`}
                    hideLabel
                    value={member.role}
                    disabled={changeRole.isPending && changeRole.variables?.memberId === member.id}
                    onChange={(event) => onRoleSelected(member, event.target.value as MemberRole)}
                    className="min-w-28"
                  >
                    {MEMBER_ROLES.map((value) => (
                      <option key={value} value={value}>
                        {roleLabels[value]}
                      </option>
                    ))}
                  </Select>
                ) : (
                  roleLabels[member.role]
                )}
              </TD>
              <TD className="text-slate-500">
                <RelativeTime date={member.joinedAt} />
              </TD>
              {canManage ? (
                <TD className="py-2">
                  <div className="flex justify-end">
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-red-700 hover:bg-red-50 hover:text-red-800"
                      aria-describedby={`member-${member.id}`}
                      onClick={() => setRemoving(member)}
                    >
                      Remove
                    </Button>
                  </div>
                </TD>
              ) : null}
            </TR>
          ))}
        </TBody>
      </Table>

      <Dialog
        open={removing !== null}
        onClose={closeRemove}
        role="alertdialog"
        title={removing ? (removing.isYou ? `Leave ${brandName}?` : `Remove ${removing.name}?`) : "Remove member?"}
        description={
          removing
            ? removing.isYou
              ? `You lose access to ${brandName} at once and are signed out. Conversations you had taken go back to the team. Another owner can invite you again.`
              : `${removing.name} (${removing.email}) loses access to ${brandName} at once. Conversations they had taken go back to the team. Their account stays: you can invite them again later.`
            : null
        }
        testId="remove-member-dialog"
      >
        {remove.isError ? (
          <p role="alert" className="rounded-md border border-red-200 bg-failed-soft px-3 py-2 text-sm text-failed-ink">
            {errorMessageOf(remove.error)}
          </p>
        ) : null}
        {removing ? (
          <DialogActions>
            <Button variant="secondary" onClick={closeRemove} data-autofocus="">
              Cancel
            </Button>
            <Button variant="danger" isLoading={remove.isPending} onClick={() => confirmRemove(removing)}>
              {removing.isYou ? "Leave brand" : "Remove member"}
            </Button>
          </DialogActions>
        ) : null}
      </Dialog>

      <Dialog
        open={selfDemotion !== null}
        onClose={() => setSelfDemotion(null)}
        role="alertdialog"
        title={selfDemotion ? `Become ${roleLabels[selfDemotion.role]}?` : "Change your role?"}
        description="You will no longer be an owner: you can’t manage members or credentials, and only another owner can make you an owner again."
        testId="self-demotion-dialog"
      >
        {selfDemotion ? (
          <DialogActions>
            <Button variant="secondary" onClick={() => setSelfDemotion(null)} data-autofocus="">
              Stay owner
            </Button>
            <Button variant="danger" isLoading={changeRole.isPending} onClick={() => applyRole(selfDemotion)}>
              Change my role
            </Button>
          </DialogActions>
        ) : null}
      </Dialog>
    </>
  );
}
