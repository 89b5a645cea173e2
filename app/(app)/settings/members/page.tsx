import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { currentMember } from "@/server/auth";
import { MembersView } from "./_components/members-view";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const member = await currentMember();
  if (!member) redirect("/sign-in");
  return (
    <>
      <PageHeader
        title="Members"
        description={`Who works in Parley for ${member.brandName}, and what each role may do. Owners invite people with a one-time link, change roles and remove members.`}
      />
      <MembersView canManage={member.role === "owner"} brandName={member.brandName} />
    </>
  );
}
