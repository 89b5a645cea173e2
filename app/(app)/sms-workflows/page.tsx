import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { buttonClasses } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { WorkflowsOverview } from "./_components/workflows-overview";

export const metadata: Metadata = { title: "SMS Workflows" };

export default function SmsWorkflowsPage() {
  return (
    <>
      <PageHeader
        title="SMS Workflows"
        description="Goal-based playbooks that guide the agent: what to achieve in a kind of conversation, with context, a response template and steps."
        action={
          <Link href="/sms-workflows/new" className={buttonClasses()} data-testid="workflow-create">
            <PlusIcon />
            New workflow
          </Link>
        }
      />
      <WorkflowsOverview />
    </>
  );
}
