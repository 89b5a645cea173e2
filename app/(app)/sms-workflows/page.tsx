import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/not-built-yet";
import { WorkflowIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "SMS Workflows" };

export default function SmsWorkflowsPage() {
  return (
    <NotBuiltYet
      title="SMS Workflows"
      description="Automated SMS journeys that the agent runs toward a goal."
      willDo="SMS Workflows will let you give the agent a goal (such as recovering an abandoned cart) and the texts and rules to reach it."
      icon={<WorkflowIcon className="size-5" />}
    />
  );
}
