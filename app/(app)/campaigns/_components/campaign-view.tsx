"use client";
/** /campaigns/<id>: a draft opens in the editor; anything else shows its report, kept current while it sends. */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorCodeOf, errorMessageOf, useTRPC } from "@/components/trpc";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { MegaphoneIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { BackToCampaigns, CampaignEditor } from "./campaign-editor";
import { CampaignReport, pollIntervalFor } from "./campaign-report";

export function CampaignView({ id }: { id: string }) {
  const trpc = useTRPC();
  const campaign = useQuery({
    ...trpc.campaigns.get.queryOptions({ id }),
    refetchOnWindowFocus: (query) => query.state.data?.status !== "draft",
    refetchInterval: (query) => pollIntervalFor(query.state.data),
  });

  if (campaign.isPending) {
    return (
      <div role="status" className="flex flex-col gap-4">
        <span className="sr-only">Loading the campaign…</span>
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-4 w-96 max-w-full" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-56 w-full" />
      </div>
    );
  }
  if (campaign.isError) {
    return (
      <>
        <BackToCampaigns />
        {errorCodeOf(campaign.error) === "NOT_FOUND" ? (
          <EmptyState
            icon={<MegaphoneIcon className="size-5" />}
            title="This campaign doesn’t exist"
            description="It may have been deleted, or the link is wrong."
            action={
              <Link href="/campaigns" className={buttonClasses()}>
                Back to Campaigns
              </Link>
            }
          />
        ) : (
          <ErrorNotice message={errorMessageOf(campaign.error)} onRetry={() => void campaign.refetch()} />
        )}
      </>
    );
  }
  if (campaign.data.status === "draft") {
    return (
      <>
        <BackToCampaigns />
        {/* Keyed by id: the editor starts from the saved draft, and doesn't reset on background refetches. */}
        <CampaignEditor key={campaign.data.id} campaign={campaign.data} />
      </>
    );
  }
  return <CampaignReport campaign={campaign.data} />;
}
