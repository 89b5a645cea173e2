import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { ImportProfiles } from "./_components/import-profiles";
import { ImportRulesHelp } from "./_components/import-rules-help";

export const metadata: Metadata = { title: "Import profiles" };

export default function ImportProfilesPage() {
  return (
    <>
      <Link href="/profiles" className="mb-4 inline-flex items-center gap-1.5 rounded text-sm font-medium text-slate-600 hover:text-slate-900">
        <ArrowLeftIcon />
        Profiles
      </Link>
      <PageHeader
        title="Import profiles"
        description="Add or update shoppers from a CSV file. You review a preview first; nothing is saved until you import."
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_320px]">
        <div className="min-w-0">
          <ImportProfiles />
        </div>
        <ImportRulesHelp />
      </div>
    </>
  );
}
