"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { PageHeader } from "@/components/page-header";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber, plural } from "@/components/ui/format";
import { ArrowLeftIcon, WorkflowIcon } from "@/components/ui/icons";
import { PhoneNumber } from "@/components/ui/phone-number";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useDownloadCollection } from "./download-csv";

const PAGE_SIZE = 50;

/** One collection's records: who, what they gave, which workflow saved it, and a CSV of the lot. */
export function CollectionRecords({ collection }: { collection: string }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const records = useQuery({ ...trpc.workflows.records.queryOptions({ collection, page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  const csv = useDownloadCollection();
  const data = records.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <Link href="/sms-workflows#collections" className="mb-4 inline-flex items-center gap-1.5 rounded text-sm font-medium text-slate-600 hover:text-slate-900">
        <ArrowLeftIcon />
        SMS Workflows
      </Link>
      <PageHeader
        title={collection}
        description={data ? `${plural(data.total, "record")} saved by workflows' Save to database steps, newest first.` : "Records saved by workflows' Save to database steps."}
        action={
          data && data.total > 0 ? (
            <Button variant="secondary" isLoading={csv.isPending} onClick={() => csv.download(collection)}>
              Download CSV
            </Button>
          ) : undefined
        }
      />
      {records.isPending ? (
        <SkeletonRows rows={5} label="Loading records…" />
      ) : records.isError ? (
        <ErrorNotice message={errorMessageOf(records.error)} onRetry={() => void records.refetch()} />
      ) : data!.total === 0 ? (
        <EmptyState
          icon={<WorkflowIcon className="size-5" />}
          title="No records in this collection"
          description="Records appear here when a conversation reaches a Save to database step that names this collection."
        />
      ) : (
        <>
          <Table label={`Records in ${collection}`}>
            <THead>
              <tr>
                <TH>Saved</TH>
                <TH>Shopper</TH>
                {data!.fields.map((f) => (
                  <TH key={f} className="font-mono">
                    {f}
                  </TH>
                ))}
                <TH>Workflow</TH>
                <TH>
                  <span className="sr-only">Conversation</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {data!.items.map((r) => (
                <TR key={r.id} data-testid="record-row">
                  <TD className="text-slate-500">
                    <RelativeTime date={r.createdAt} />
                  </TD>
                  <TD className="whitespace-nowrap">
                    {r.profile ? (
                      <Link href={`/profiles/${r.profile.id}`} className="font-medium text-accent hover:underline">
                        <PhoneNumber value={r.profile.phone} />
                      </Link>
                    ) : (
                      <span className="text-slate-400">Deleted profile</span>
                    )}
                  </TD>
                  {data!.fields.map((f) => (
                    <TD key={f} className="break-words text-slate-900">
                      {r.data[f] ?? ""}
                    </TD>
                  ))}
                  <TD className="whitespace-nowrap">{r.workflow?.name ?? <span className="text-slate-400">Deleted workflow</span>}</TD>
                  <TD className="whitespace-nowrap">
                    {r.conversationId ? (
                      <Link href={`/conversations/${r.conversationId}`} className="text-accent hover:underline">
                        Conversation
                      </Link>
                    ) : null}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {pages > 1 ? (
            <div className="mt-3 flex items-center justify-between text-sm text-slate-600">
              <span>
                Page {formatNumber(page)} of {formatNumber(pages)}
              </span>
              <div className="flex gap-2">
                <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                  Previous
                </Button>
                <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                  Next
                </Button>
              </div>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
