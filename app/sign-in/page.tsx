import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMember } from "@/server/auth";
import { ensureServerReady } from "@/server/runtime";
import { SignInForm } from "./_components/sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  await ensureServerReady();
  if (await currentMember()) redirect("/simulator");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-slate-900">
            <span className="text-accent">●</span> Parley
          </p>
          <h1 className="mt-4 text-lg font-semibold text-slate-900">Sign in to your brand</h1>
          <p className="mt-1 text-sm text-slate-600">Your AI customer agent for SMS marketing.</p>
        </div>
        <SignInForm />
      </div>
    </main>
  );
}
