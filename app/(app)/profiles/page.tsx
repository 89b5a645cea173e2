import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { buttonClasses } from "@/components/ui/button";
import { SkeletonRows } from "@/components/ui/skeleton";
import { ProfilesView } from "./_components/profiles-view";

export const metadata: Metadata = { title: "Profiles" };

export default function ProfilesPage() {
  return (
    <>
      <PageHeader
        title="Profiles"
        description="Everyone who has texted your brand or been imported: their details, SMS consent and activity."
        action={
          <Link href="/profiles/import" className={buttonClasses()}>
            Import profiles
          </Link>
        }
      />
      <Suspense fallback={<SkeletonRows rows={8} label="Loading profiles…" />}>
        <ProfilesView />
      </Suspense>
    </>
  );
}
