import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { createApiContext, createCaller } from "@/server/api";
import { currentMember } from "@/server/auth";
import { FeatureOff } from "./_components/feature-off";

/** Every SMS Workflows page: signed-in members only, and only when the brand's plan and feature flag allow it. */
export default async function SmsWorkflowsLayout({ children }: { children: ReactNode }) {
  const member = await currentMember();
  if (!member) redirect("/sign-in");
  const access = await createCaller(createApiContext(member)).workflows.access();
  if (!access.isAvailable) return <FeatureOff access={access} />;
  return children;
}
