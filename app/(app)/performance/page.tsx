import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/not-built-yet";
import { ChartIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Performance" };

export default function PerformancePage() {
  return (
    <NotBuiltYet
      title="Performance"
      description="How the agent and your SMS programme are doing."
      willDo="Performance will show metrics by channel, with the revenue attributed to the agent's conversations, campaigns and workflows."
      icon={<ChartIcon className="size-5" />}
    />
  );
}
