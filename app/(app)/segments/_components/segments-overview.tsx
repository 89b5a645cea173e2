"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber, plural } from "@/components/ui/format";
import { PlusIcon, SegmentsIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useSegmentMemberCounts } from "@/components/segments/use-segment-member-counts";

type SegmentRow = RouterOutputs["segments"]["list"][number];

/** The saved segments with their member counts, then the ready-made examples to start from. */
export function SegmentsOverview() {
  return (
    <div className="flex flex-col gap-10">
      <SavedSegments />
      <SegmentExamples />
    </div>
  );
}

function SavedSegments() {
  const trpc = useTRPC();
  const router = useRouter();
  const list = useQuery(trpc.segments.list.queryOptions());
  const { countOf, isCounting } = useSegmentMemberCounts();

  return (
    <section aria-labelledby="saved-segments-heading" className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="saved-segments-heading" className="text-sm font-semibold text-slate-900">
          Your segments
        </h2>
        {list.isSuccess && list.data.length > 0 ? <p className="text-sm text-slate-500">{plural(list.data.length, "segment")}</p> : null}
      </div>
      {list.isPending ? (
        <SkeletonRows rows={4} label="Loading segments…" />
      ) : list.isError ? (
        <ErrorNotice message={errorMessageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={<SegmentsIcon className="size-5" />}
          title="No segments yet"
          description="A segment is a group of shoppers you describe once — for example, everyone who escalated a conversation in the last 30 days — and Parley keeps up to date. Create one from scratch, or start from an example below."
          action={
            <Link href="/segments/new" className={buttonClasses()}>
              <PlusIcon />
              Create segment
            </Link>
          }
        />
      ) : (
        <Table label="Segments">
          <THead>
            <tr>
              <TH className="w-full">Name</TH>
              <TH className="text-right">Members</TH>
              <TH>Last updated</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </tr>
          </THead>
          <TBody>
            {list.data.map((segment) => (
              <SegmentTableRow key={segment.id} segment={segment} memberCount={countOf(segment.id)} isCounting={isCounting} onOpen={() => router.push(`/segments/${segment.id}`)} />
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

function SegmentTableRow({ segment, memberCount, isCounting, onOpen }: { segment: SegmentRow; memberCount: number | null; isCounting: boolean; onOpen: () => void }) {
  return (
    <TR isClickable onClick={onOpen} data-testid="segment-row">
      <TD className="max-w-0">
        <Link href={`/segments/${segment.id}`} className="font-medium text-slate-900 hover:text-accent" onClick={(e) => e.stopPropagation()}>
          {segment.name}
        </Link>
        {segment.description ? (
          <p className="truncate text-xs text-slate-500" title={segment.description}>
            {segment.description}
          </p>
        ) : null}
      </TD>
      <TD className="text-right tabular-nums" data-testid="segment-row-count">
        {memberCount !== null ? (
          formatNumber(memberCount)
        ) : isCounting ? (
          <span className="text-slate-400" aria-label="Counting members">
            …
          </span>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </TD>
      <TD className="text-slate-500">
        <RelativeTime date={segment.updatedAt} />
      </TD>
      <TD>
        <Link
          href={`/segments/${segment.id}`}
          className={buttonClasses({ variant: "ghost", size: "sm" })}
          onClick={(e) => e.stopPropagation()}
          aria-label={`Edit ${segment.name}`}
        >
          Edit
        </Link>
      </TD>
    </TR>
  );
}

function SegmentExamples() {
  const trpc = useTRPC();
  const examples = useQuery(trpc.segments.examples.queryOptions());

  return (
    <section aria-labelledby="segment-examples-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="segment-examples-heading" className="text-sm font-semibold text-slate-900">
          Start from an example
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">Ready-made segments built on what the customer agent records. Open one in the builder, adjust it, and save it under your own name.</p>
      </div>
      {examples.isPending ? (
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" role="status">
          <span className="sr-only">Loading examples…</span>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-36 w-full" />
          ))}
        </div>
      ) : examples.isError ? (
        <ErrorNotice message={errorMessageOf(examples.error)} onRetry={() => void examples.refetch()} />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
          {examples.data.map((example) => (
            <li key={example.key}>
              <Card className="flex h-full flex-col p-4" data-testid="segment-example">
                <h3 className="text-sm font-semibold text-slate-900">{example.name}</h3>
                <p className="mt-1 flex-1 text-sm text-slate-600">{example.description}</p>
                <div className="mt-4">
                  <Link
                    href={`/segments/new?example=${encodeURIComponent(example.key)}`}
                    className={buttonClasses({ variant: "secondary", size: "sm" })}
                    aria-label={`Use this: ${example.name}`}
                  >
                    Use this
                  </Link>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
