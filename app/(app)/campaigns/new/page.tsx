import type { Metadata } from "next";
import { BackToCampaigns, CampaignEditor } from "../_components/campaign-editor";

export const metadata: Metadata = { title: "New campaign" };

export default function NewCampaignPage() {
  return (
    <>
      <BackToCampaigns />
      <CampaignEditor />
    </>
  );
}
