import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { SkeletonRows } from "@/components/ui/skeleton";
import { ConversationsView } from "./_components/conversations-view";

export const metadata: Metadata = { title: "Conversations" };

export default function ConversationsPage() {
  return (
    <>
      <PageHeader
        title="Conversations"
        description="Your inbox: every conversation with the agent, the ones waiting for a person, and every inbound text with why it was or wasn't answered."
      />
      <Suspense fallback={<SkeletonRows rows={6} />}>
        <ConversationsView />
      </Suspense>
    </>
  );
}
