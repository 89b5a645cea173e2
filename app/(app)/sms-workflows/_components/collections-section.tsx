"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useDownloadCollection } from "./download-csv";

export const collectionHref = (collection: string) => `/sms-workflows/collections/${encodeURIComponent(collection)}`;

/** The named collections that Save to database steps fill, each viewable and downloadable as CSV. */
export function CollectionsSection() {
  const trpc = useTRPC();
  const collections = useQuery(trpc.workflows.collections.queryOptions());
  const csv = useDownloadCollection();
  const rows = collections.data ?? [];

  return (
    <section id="collections" aria-labelledby="collections-heading" className="flex flex-col gap-3">
      <div className="max-w-[720px]">
        <h2 id="collections-heading" className="text-base font-semibold text-slate-900">
          Collections
        </h2>
        <p className="mt-1 text-sm text-slate-600">Records saved by workflows&apos; Save to database steps: one per conversation, with the fields it collected.</p>
      </div>
      {collections.isPending ? (
        <SkeletonRows rows={2} label="Loading collections…" />
      ) : collections.isError ? (
        <ErrorNotice message={errorMessageOf(collections.error)} onRetry={() => void collections.refetch()} />
      ) : rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">
          No records yet. Add a Save to database step after an Extract information step; each conversation that reaches it adds a record here.
        </p>
      ) : (
        <Table label="Collections">
          <THead>
            <tr>
              <TH className="w-full">Collection</TH>
              <TH className="text-right">Records</TH>
              <TH>Last saved</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </tr>
          </THead>
          <TBody>
            {rows.map((row) => (
              <TR key={row.collection} data-testid="collection-row">
                <TD>
                  <Link href={collectionHref(row.collection)} className="font-medium text-accent hover:underline" id={`collection-${row.collection}`}>
                    {row.collection}
                  </Link>
                </TD>
                <TD className="text-right tabular-nums">{formatNumber(row.count)}</TD>
                <TD className="text-slate-500">{row.lastSavedAt ? <RelativeTime date={row.lastSavedAt} /> : "—"}</TD>
                <TD className="py-2">
                  <Button
                    variant="ghost"
                    size="sm"
                    isLoading={csv.pendingCollection === row.collection}
                    onClick={() => csv.download(row.collection)}
                    aria-label={`Download ${row.collection} as CSV`}
                  >
                    Download CSV
                  </Button>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}
