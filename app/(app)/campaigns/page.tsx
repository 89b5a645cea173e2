import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { buttonClasses } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { CampaignsList } from "./_components/campaigns-list";

export const metadata: Metadata = { title: "Campaigns" };

export default function CampaignsPage() {
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="One text to a segment of your SMS subscribers, now or on a schedule; the customer agent answers the replies."
        action={
          <Link href="/campaigns/new" className={buttonClasses()} data-testid="campaign-create">
            <PlusIcon />
            New campaign
          </Link>
        }
      />
      <CampaignsList />
    </>
  );
}
