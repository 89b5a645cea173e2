import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/not-built-yet";
import { MegaphoneIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Campaigns" };

export default function CampaignsPage() {
  return (
    <NotBuiltYet
      title="Campaigns"
      description="One-off SMS sends to a segment of your subscribers."
      willDo="Campaigns will let you write, schedule and send SMS campaigns, with the agent answering every reply."
      icon={<MegaphoneIcon className="size-5" />}
    />
  );
}
