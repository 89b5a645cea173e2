import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { ImportOrders } from "./_components/import-orders";

export const metadata: Metadata = { title: "Import orders" };

export default function ImportOrdersPage() {
  return (
    <>
      <Link href="/performance" className="mb-4 inline-flex items-center gap-1.5 rounded text-sm font-medium text-slate-600 hover:text-slate-900">
        <ArrowLeftIcon />
        Performance
      </Link>
      <PageHeader
        title="Import orders"
        description="Add orders from your store as a CSV file, so the revenue the agent earned counts. You review a preview first; nothing is saved until you import."
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_320px]">
        <div className="min-w-0">
          <ImportOrders />
        </div>
        <aside className="flex flex-col gap-3 self-start rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600 shadow-xs" aria-labelledby="order-import-help">
          <h2 id="order-import-help" className="text-sm font-semibold text-slate-900">
            What the file needs
          </h2>
          <ul className="flex list-disc flex-col gap-1.5 pl-4">
            <li>
              A header row with <code className="font-mono text-xs">order_number</code>, <code className="font-mono text-xs">phone</code> and/or{" "}
              <code className="font-mono text-xs">email</code>, <code className="font-mono text-xs">total</code> and <code className="font-mono text-xs">placed_at</code>;{" "}
              <code className="font-mono text-xs">currency</code> is optional (USD). Shopify’s order export works as it is.
            </li>
            <li>Totals like 48.50 or $1,234.00. Dates like 2026-03-01 14:05 (your brand’s time zone) or 2026-03-01T14:05:00Z.</li>
            <li>Each order is matched to a shopper by phone, then by email. An order from someone who isn’t a profile is recorded but can’t be credited to the agent.</li>
            <li>An order number Parley already has (from Shopify or an earlier file) is skipped, so importing a file twice changes nothing.</li>
            <li>Orders within your attribution window after an agent reply count as revenue from the agent (Settings → SMS attribution).</li>
          </ul>
        </aside>
      </div>
    </>
  );
}
