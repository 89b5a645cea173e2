import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { WorkflowIcon } from "@/components/ui/icons";

type Access = { hasSmsPlan: boolean; smsWorkflowsEnabled: boolean; brandName: string };

function Requirement({ isMet, label, howTo }: { isMet: boolean; label: string; howTo: string }) {
  return (
    <li className="flex items-start gap-2 text-left">
      <span aria-hidden="true" className={isMet ? "text-resolved-ink" : "text-failed-ink"}>
        {isMet ? "✓" : "✗"}
      </span>
      <span>
        <span className="font-medium text-slate-800">{label}</span>
        <span className="sr-only">{isMet ? " (done)" : " (missing)"}</span>
        {isMet ? null : <span className="block text-slate-600">{howTo}</span>}
      </span>
    </li>
  );
}

/** /sms-workflows for a brand whose plan or feature flag leaves it off: what is missing and how to turn it on. */
export function FeatureOff({ access }: { access: Access }) {
  return (
    <>
      <PageHeader title="SMS Workflows" description="Goal-based playbooks that guide the agent in a kind of conversation." />
      <EmptyState
        icon={<WorkflowIcon className="size-5" />}
        title={`SMS Workflows aren't turned on for ${access.brandName}`}
        description={
          <div data-testid="workflows-off">
            <p>SMS Workflows need both of these:</p>
            <ul className="mt-3 flex flex-col gap-2">
              <Requirement
                isMet={access.hasSmsPlan}
                label="A plan that includes SMS"
                howTo="Upgrade the brand's plan to one with SMS (ask your Parley account manager)."
              />
              <Requirement
                isMet={access.smsWorkflowsEnabled}
                label="The SMS Workflows feature"
                howTo="Ask your Parley account admin to turn on the SMS Workflows feature (smsWorkflowsEnabled) for this brand."
              />
            </ul>
            <p className="mt-3">Until then the agent answers every text without a workflow.</p>
          </div>
        }
        action={
          <Link href="/simulator" className={buttonClasses({ variant: "secondary" })}>
            Open the Simulator
          </Link>
        }
      />
    </>
  );
}
