import type { Metadata } from "next";
import { CampaignView } from "../_components/campaign-view";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CampaignView id={id} />;
}
