"use client";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { TabPanel, Tabs } from "@/components/ui/tabs";
import { ConversationsTable } from "./conversations-table";
import { InboundTextsTable } from "./inbound-texts-table";
import { filtersFromUrl, filtersToUrl, type ListFilters } from "./list-filters";

type View = "conversations" | "inbound";
const TABS_ID = "conversations-views";

/**
 * The two views and their filters. State lives here and is mirrored into the URL
 * (?view=inbound, ?status=escalated&q=…, ?answered=no) so a reload or a shared link shows the same
 * view; replaceState keeps it a client-side change, without a server round trip.
 */
export function ConversationsView() {
  const searchParams = useSearchParams();
  const [view, setView] = useState<View>(searchParams.get("view") === "inbound" ? "inbound" : "conversations");
  const [filters, setFilters] = useState<ListFilters>(() => filtersFromUrl(new URLSearchParams(searchParams.toString())));
  const [isNotAnsweredOnly, setIsNotAnsweredOnly] = useState(searchParams.get("answered") === "no");

  function mirrorToUrl(changes: Record<string, string | null>) {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    window.history.replaceState(null, "", query ? `${window.location.pathname}?${query}` : window.location.pathname);
  }

  function update(changes: { view?: View; filters?: ListFilters; isNotAnsweredOnly?: boolean }) {
    if (changes.view !== undefined) setView(changes.view);
    if (changes.filters !== undefined) setFilters(changes.filters);
    if (changes.isNotAnsweredOnly !== undefined) setIsNotAnsweredOnly(changes.isNotAnsweredOnly);
    mirrorToUrl({
      ...(changes.view !== undefined ? { view: changes.view === "inbound" ? "inbound" : null } : {}),
      ...(changes.filters !== undefined ? filtersToUrl(changes.filters) : {}),
      ...(changes.isNotAnsweredOnly !== undefined ? { answered: changes.isNotAnsweredOnly ? "no" : null } : {}),
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <Tabs<View>
        label="Conversations views"
        idBase={TABS_ID}
        value={view}
        onChange={(value) => update({ view: value })}
        items={[
          { value: "conversations", label: "Conversations" },
          { value: "inbound", label: "All inbound texts" },
        ]}
      />
      {view === "conversations" ? (
        <TabPanel idBase={TABS_ID} value="conversations">
          <ConversationsTable filters={filters} onFiltersChange={(value) => update({ filters: value })} />
        </TabPanel>
      ) : (
        <TabPanel idBase={TABS_ID} value="inbound">
          <InboundTextsTable isNotAnsweredOnly={isNotAnsweredOnly} onNotAnsweredOnlyChange={(value) => update({ isNotAnsweredOnly: value })} />
        </TabPanel>
      )}
    </div>
  );
}
