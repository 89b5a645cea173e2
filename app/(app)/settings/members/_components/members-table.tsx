"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { MEMBER_ROLES, roleLabels, type MemberRole } from "@/server/team/roles";
import { ConfirmDialog } from "./confirm-dialog";
import { RowAction, TeamTableHead } from "./team-table";
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
        <TeamTableHead columns={["Name", "Email", "Role", "Joined"]} hasActions={canManage} />
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
                <RowAction describedBy={`member-${member.id}`} isDanger onClick={() => setRemoving(member)}>
                  Remove
                </RowAction>
              ) : null}
            </TR>
          ))}
        </TBody>
      </Table>

      <ConfirmDialog
        open={removing !== null}
        onClose={closeRemove}
        title={removing?.isYou ? `Leave ${brandName}?` : `Remove ${removing?.name ?? "member"}?`}
        description={
          removing?.isYou
            ? `You lose access to ${brandName} at once and are signed out. Conversations you had taken go back to the team. Another owner can invite you again.`
            : `${removing?.name} (${removing?.email}) loses access to ${brandName} at once. Conversations they had taken go back to the team. Their account stays: you can invite them again later.`
        }
        error={remove.isError ? errorMessageOf(remove.error) : null}
        confirmLabel={removing?.isYou ? "Leave brand" : "Remove member"}
        isPending={remove.isPending}
        onConfirm={() => removing && confirmRemove(removing)}
        testId="remove-member-dialog"
      />

      <ConfirmDialog
        open={selfDemotion !== null}
        onClose={() => setSelfDemotion(null)}
        title={`Become ${selfDemotion ? roleLabels[selfDemotion.role] : "another role"}?`}
        description="You will no longer be an owner: you can’t manage members or credentials, and only another owner can make you an owner again."
        cancelLabel="Stay owner"
        confirmLabel="Change my role"
        isPending={changeRole.isPending}
        onConfirm={() => selfDemotion && applyRole(selfDemotion)}
        testId="self-demotion-dialog"
      />
    </>
  );
}
