"use client";
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { formatDateTime } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useTimeZone } from "@/components/ui/time-zone";
import { useToast } from "@/components/ui/toast";
import { MEMBER_ROLES, roleDescriptions, roleLabels, type MemberRole } from "@/server/team/roles";
import { fieldErrorsOf } from "../../_components/form-helpers";
import { useRefreshTeam } from "./use-refresh-team";

type Created = { email: string; link: string; expiresAt: Date };

/**
 * Invite by email with a role. Parley sends no email: the answer is a one-time link, shown here
 * once with a Copy button, for the owner to send themselves.
 */
export function InviteForm({ brandName }: { brandName: string }) {
  const trpc = useTRPC();
  const toast = useToast();
  const timeZone = useTimeZone();
  const refresh = useRefreshTeam();
  const id = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MemberRole>("member");
  const [emailError, setEmailError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  const invite = useMutation(
    trpc.team.invite.mutationOptions({
      onSuccess: (result) => {
        setCreated({ email: result.invitation.email, link: result.link, expiresAt: result.invitation.expiresAt });
        setEmail("");
        toast({ tone: "success", title: "Invitation created", description: `Copy the link and send it to ${result.invitation.email}.` });
      },
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        setEmailError(fields.email ?? null);
        if (fields.email) emailRef.current?.focus();
      },
      onSettled: () => void refresh(),
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (invite.isPending) return;
    setEmailError(null);
    setCreated(null);
    invite.mutate({ email, role });
  }

  const otherError = invite.isError && !fieldErrorsOf(invite.error).email ? errorMessageOf(invite.error) : null;

  return (
    <section aria-labelledby={`${id}-heading`} className="max-w-[720px]">
      <Card>
        <CardHeader
          title={<span id={`${id}-heading`}>Invite someone</span>}
          description={`They get a link to join ${brandName}: they choose their name and password there. Parley doesn’t send email, so you send the link.`}
        />
        <CardBody className="py-4">
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Invite someone">
            <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
              <Input
                ref={emailRef}
                label="Email"
                type="email"
                autoComplete="off"
                value={email}
                onChange={(event) => {
                  setEmail(event.target.value);
                  setEmailError(null);
                }}
                error={emailError}
                maxLength={320}
                required
              />
              <Select label="Role" value={role} onChange={(event) => setRole(event.target.value as MemberRole)}>
                {MEMBER_ROLES.map((value) => (
                  <option key={value} value={value}>
                    {roleLabels[value]}
                  </option>
                ))}
              </Select>
            </div>
            <p className="-mt-2 text-xs text-slate-500" data-testid="invite-role-help">
              {roleLabels[role]}: {roleDescriptions[role]}
            </p>
            {otherError ? (
              <p role="alert" className="rounded-md border border-red-200 bg-failed-soft px-3 py-2 text-sm text-failed-ink">
                {otherError}
              </p>
            ) : null}
            <div>
              <Button type="submit" isLoading={invite.isPending}>
                {invite.isPending ? "Creating link…" : "Create invitation link"}
              </Button>
            </div>
          </form>

          {created ? (
            <div className="mt-6 flex flex-col gap-3 rounded-md border border-indigo-100 bg-accent-soft/60 p-4" data-testid="invitation-link">
              <p role="status" className="text-sm font-medium text-slate-900">
                Send this link to {created.email}
              </p>
              <CopyField
                label="Invitation link"
                value={created.link}
                help={`It works once, until ${formatDateTime(created.expiresAt, timeZone)}. Parley won’t show it again: if it gets lost, invite ${created.email} again for a new one.`}
              />
              <div>
                <Button variant="secondary" size="sm" onClick={() => setCreated(null)}>
                  Done
                </Button>
              </div>
            </div>
          ) : null}
        </CardBody>
      </Card>
    </section>
  );
}
