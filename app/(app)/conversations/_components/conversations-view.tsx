"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { TabPanel, Tabs } from "@/components/ui/tabs";
import type { ConversationStatus } from "@/components/trpc";
import { ConversationsTable, isConversationStatus } from "./conversations-table";
import { InboundTextsTable } from "./inbound-texts-table";

type View = "conversations" | "inbound";
const TABS_ID = "conversations-views";

/** The two views, kept in the URL (?view=inbound, ?status=escalated) so they survive reloads and can be linked to. */
export function ConversationsView() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view: View = searchParams.get("view") === "inbound" ? "inbound" : "conversations";
  const statusParam = searchParams.get("status");
  const status: ConversationStatus | undefined = statusParam && isConversationStatus(statusParam) ? statusParam : undefined;
  const isNotAnsweredOnly = searchParams.get("answered") === "no";

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  return (
    <div className="flex flex-col gap-4">
      <Tabs<View>
        label="Conversations views"
        idBase={TABS_ID}
        value={view}
        onChange={(value) => update({ view: value === "inbound" ? "inbound" : null })}
        items={[
          { value: "conversations", label: "Conversations" },
          { value: "inbound", label: "All inbound texts" },
        ]}
      />
      {view === "conversations" ? (
        <TabPanel idBase={TABS_ID} value="conversations">
          <ConversationsTable status={status} onStatusChange={(value) => update({ status: value ?? null })} />
        </TabPanel>
      ) : (
        <TabPanel idBase={TABS_ID} value="inbound">
          <InboundTextsTable isNotAnsweredOnly={isNotAnsweredOnly} onNotAnsweredOnlyChange={(value) => update({ answered: value ? "no" : null })} />
        </TabPanel>
      )}
    </div>
  );
}
