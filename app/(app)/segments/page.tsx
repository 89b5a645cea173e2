import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { buttonClasses } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { SegmentsOverview } from "./_components/segments-overview";

export const metadata: Metadata = { title: "Segments" };

export default function SegmentsPage() {
  return (
    <>
      <PageHeader
        title="Segments"
        description="Groups of shoppers by what they did, who they are and whether they’re subscribed — to send to, target or leave out."
        action={
          <Link href="/segments/new" className={buttonClasses()} data-testid="segment-create">
            <PlusIcon />
            Create segment
          </Link>
        }
      />
      <SegmentsOverview />
    </>
  );
}
