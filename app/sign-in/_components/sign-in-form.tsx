"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { signInErrorText } from "./sign-in-error-text";

export function SignInForm() {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setIsSubmitting(true);
    try {
      const result = await signIn("credentials", { email: email.trim(), password, redirect: false });
      if (!result || result.error || !result.ok) {
        setError(signInErrorText(result?.error));
        setIsSubmitting(false);
        return;
      }
      router.replace("/simulator");
      router.refresh();
    } catch {
      setError("Parley could not be reached. Check your connection and try again.");
      setIsSubmitting(false);
    }
  }

  return (
    <Card className="p-6">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-describedby={error ? "sign-in-error" : undefined}>
        <Input
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          autoFocus
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Input
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error ? (
          <p id="sign-in-error" role="alert" className="rounded-md bg-failed-soft px-3 py-2 text-sm text-failed-ink">
            {error}
          </p>
        ) : null}
        <Button type="submit" isLoading={isSubmitting} className="w-full">
          {isSubmitting ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      <div className="mt-5 rounded-md border border-indigo-100 bg-accent-soft px-3 py-2.5 text-sm text-slate-700" data-testid="demo-account-hint">
        Demo account: <span className="font-mono text-slate-900">demo@parley.dev</span> /{" "}
        <span className="font-mono text-slate-900">parley-demo</span>
      </div>
    </Card>
  );
}
