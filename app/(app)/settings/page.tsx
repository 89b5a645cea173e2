import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { ComplianceTextsSection } from "./_components/compliance-texts";
import { KeywordAutomationsSection } from "./_components/keyword-automations";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <PageHeader
        title="Settings"
        description="How Parley talks to your shoppers: compliance texts and keyword automations. Agent, eligibility and channel settings come next."
      />
      <div className="flex flex-col gap-10">
        <ComplianceTextsSection />
        <KeywordAutomationsSection />
      </div>
    </>
  );
}
