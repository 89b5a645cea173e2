import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PublicPage } from "@/components/public-page";
import { currentMember } from "@/server/auth";
import { ensureServerReady } from "@/server/runtime";
import { SignInForm } from "./_components/sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  await ensureServerReady();
  if (await currentMember()) redirect("/simulator");
  return (
    <PublicPage title="Sign in to your brand" description="Your AI customer agent for SMS marketing.">
      <SignInForm />
    </PublicPage>
  );
}
