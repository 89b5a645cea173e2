import type { Metadata } from "next";
import Link from "next/link";
import { PublicPage } from "@/components/public-page";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/server/db";
import { ensureServerReady } from "@/server/runtime";
import { closedInvitationMessage, describeInvitation, roleDescriptions, roleLabels } from "@/server/team";
import { AcceptInvitationForm } from "./_components/accept-invitation-form";

export const dynamic = "force-dynamic";
// The token is in this page's address: never send it on as a Referer.
export const metadata: Metadata = { title: "Join your team", referrer: "no-referrer" };

/** The page an invitation link opens (no session needed): the brand and email, then name and password. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  await ensureServerReady();
  const { token } = await params;
  const view = await describeInvitation(getDb(), token);

  if (view.state !== "open") {
    return (
      <PublicPage title="This invitation can’t be used">
        <Card className="p-6">
          <p role="alert" className="text-sm text-slate-700" data-testid="invitation-closed" data-state={view.state}>
            {closedInvitationMessage(view)}
          </p>
          <Link href="/sign-in" className={buttonClasses({ variant: "secondary", className: "mt-5 w-full" })}>
            Go to sign in
          </Link>
        </Card>
      </PublicPage>
    );
  }

  return (
    <PublicPage
      title={`Join ${view.brandName} on Parley`}
      description={
        <>
          You’re invited as <span className="font-medium text-slate-900">{roleLabels[view.role]}</span>: {roleDescriptions[view.role].toLowerCase()}
        </>
      }
    >
      <AcceptInvitationForm token={token} email={view.email} brandName={view.brandName} hasAccount={view.hasAccount} />
    </PublicPage>
  );
}
