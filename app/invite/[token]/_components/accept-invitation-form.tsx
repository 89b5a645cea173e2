"use client";
import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { buttonClasses, Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { roleLabels, type MemberRole } from "@/server/team/roles";

type Accepted = { brandName: string; email: string; role: MemberRole };
type Errors = { name?: string; password?: string; confirm?: string; form?: string };

/** Name and a new password (or, for an existing account, its password); posts to /api/invitations/accept. */
export function AcceptInvitationForm({ token, email, brandName, hasAccount }: { token: string; email: string; brandName: string; hasAccount: boolean }) {
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  const signInRef = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (accepted) signInRef.current?.focus();
  }, [accepted]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    if (!hasAccount && password !== confirm) {
      setErrors({ confirm: "The two passwords don’t match. Type the same password twice." });
      return;
    }
    setErrors({});
    setIsSubmitting(true);
    try {
      const res = await fetch("/api/invitations/accept", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, name, password }),
      });
      const body = (await res.json().catch(() => null)) as (Accepted & { message?: string; fields?: Record<string, string> }) | null;
      if (res.ok && body) {
        setAccepted(body);
        return;
      }
      const fields = body?.fields ?? {};
      setErrors(fields.name || fields.password ? { name: fields.name, password: fields.password } : { form: body?.message ?? "Something went wrong. Try again." });
    } catch {
      setErrors({ form: "Parley could not be reached. Check your connection and try again." });
    } finally {
      setIsSubmitting(false);
    }
  }

  if (accepted) {
    return (
      <Card className="p-6" data-testid="invitation-accepted">
        <p role="status" className="text-sm text-slate-700">
          You’ve joined <span className="font-medium text-slate-900">{accepted.brandName}</span> as {roleLabels[accepted.role]}. Sign in with{" "}
          <span className="font-medium text-slate-900">{accepted.email}</span> and your password.
        </p>
        <Link ref={signInRef} href="/sign-in" className={buttonClasses({ className: "mt-5 w-full" })}>
          Sign in
        </Link>
      </Card>
    );
  }

  return (
    <Card className="p-6">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={`Join ${brandName}`}>
        {/* Read-only, but a real field: password managers file the new password under this email. */}
        <Input label="Email" name="email" type="email" autoComplete="username" value={email} readOnly className="bg-slate-50" />
        {hasAccount ? (
          <>
            <p className="text-sm text-slate-600">You already have a Parley account with this email. Enter its password to join {brandName}.</p>
            <Input
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              autoFocus
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errors.password}
            />
          </>
        ) : (
          <>
            <Input
              label="Your name"
              name="name"
              autoComplete="name"
              autoFocus
              required
              maxLength={80}
              value={name}
              onChange={(e) => setName(e.target.value)}
              help="Your teammates see it on conversations and in the settings history."
              error={errors.name}
            />
            <Input
              label="Password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              help="At least 10 characters. A few words you’ll remember work well."
              error={errors.password}
            />
            <Input
              label="Confirm password"
              name="confirm"
              type="password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              error={errors.confirm}
            />
          </>
        )}
        {errors.form ? (
          <p role="alert" className="rounded-md bg-failed-soft px-3 py-2 text-sm text-failed-ink">
            {errors.form}
          </p>
        ) : null}
        <Button type="submit" isLoading={isSubmitting} className="w-full">
          {isSubmitting ? "Joining…" : `Join ${brandName}`}
        </Button>
      </form>
    </Card>
  );
}
