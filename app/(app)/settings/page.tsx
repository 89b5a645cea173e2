import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { AgentSettingsSection } from "./_components/agent-settings";
import { ComplianceTextsSection } from "./_components/compliance-texts";
import { EligibilitySection } from "./_components/eligibility-section";
import { KeywordAutomationsSection } from "./_components/keyword-automations";
import { SettingsHistorySection } from "./_components/settings-history";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <PageHeader
        title="Settings"
        description="How Parley talks to your shoppers: the customer agent, compliance texts and keyword automations, with a history of every change."
      />
      <div className="flex flex-col gap-10">
        <AgentSettingsSection />
        <EligibilitySection />
        <ComplianceTextsSection />
        <KeywordAutomationsSection />
        <SettingsHistorySection />
      </div>
    </>
  );
}
