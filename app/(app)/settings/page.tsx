import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { currentMember } from "@/server/auth";
import { AgentSettingsSection } from "./_components/agent-settings";
import { AttributionSection } from "./_components/attribution-section";
import { ChannelsSection } from "./_components/channels-section";
import { CommerceSection } from "./_components/commerce-section";
import { ComplianceTextsSection } from "./_components/compliance-texts";
import { EligibilitySection } from "./_components/eligibility-section";
import { HelpdeskSection } from "./_components/helpdesk-section";
import { KeywordAutomationsSection } from "./_components/keyword-automations";
import { MarketingSection } from "./_components/marketing-section";
import { QuietHoursSection } from "./_components/quiet-hours-section";
import { RestrictedGoodsSection } from "./_components/restricted-goods-section";
import { SettingsAccessProvider } from "./_components/settings-access";
import { SettingsHistorySection } from "./_components/settings-history";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  // The layout has signed the teammate in; their role decides which sections they may change.
  const member = await currentMember();
  return (
    <SettingsAccessProvider role={member?.role ?? "member"}>
      <PageHeader
        title="Settings"
        description="How Parley talks to your shoppers: the customer agent, marketing, compliance, keyword automations, your SMS channel, your store and brand eligibility, with a history of every change."
      />
      <div className="flex flex-col gap-10">
        <AgentSettingsSection />
        <EligibilitySection />
        <HelpdeskSection />
        <MarketingSection />
        <AttributionSection />
        <ComplianceTextsSection />
        <QuietHoursSection />
        <KeywordAutomationsSection />
        <ChannelsSection />
        <CommerceSection />
        <RestrictedGoodsSection />
        <SettingsHistorySection />
      </div>
    </SettingsAccessProvider>
  );
}
