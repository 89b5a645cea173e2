"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { shopperName } from "@/components/shopper-name";
import { errorMessageOf, useTRPC, useTRPCClient } from "@/components/trpc";
import { ConsentBadge, type SmsConsentValue } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { plural } from "@/components/ui/format";
import { UsersIcon } from "@/components/ui/icons";
import { PhoneNumber } from "@/components/ui/phone-number";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

const PAGE_SIZE = 50;

/** Everyone in the saved segment now, a page at a time (the builder's preview shows the unsaved draft). */
export function SegmentMembers({ segmentId }: { segmentId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const members = useInfiniteQuery({
    // Under the segments path, so saving or deleting a segment (which invalidates it) refreshes this list.
    queryKey: [...trpc.segments.members.queryKey({ id: segmentId }), "pages"],
    queryFn: ({ pageParam }) => client.segments.members.query({ id: segmentId, afterId: pageParam, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextAfterId ?? undefined,
  });
  const rows = members.data?.pages.flatMap((page) => page.members) ?? [];

  return (
    <section aria-labelledby="segment-members-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h2 id="segment-members-heading" className="text-sm font-semibold text-slate-900">
            Members
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">Everyone in the segment as saved, right now. Unsaved changes above aren’t reflected here until you save.</p>
        </div>
        {members.isSuccess && rows.length > 0 ? (
          <p className="text-sm text-slate-500" aria-live="polite">
            Showing {plural(rows.length, "member")}
            {members.hasNextPage ? "" : " (all)"}
          </p>
        ) : null}
      </div>
      {members.isPending ? (
        <SkeletonRows rows={5} label="Loading members…" />
      ) : members.isError ? (
        <ErrorNotice message={errorMessageOf(members.error)} onRetry={() => void members.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<UsersIcon className="size-5" />}
          title="No one is in this segment right now"
          description="Shoppers join as soon as they match: when they text, order, or their subscription or properties change."
        />
      ) : (
        <>
          <Table label="Segment members">
            <THead>
              <tr>
                <TH>Name</TH>
                <TH>Phone</TH>
                <TH className="w-full">Email</TH>
                <TH>SMS</TH>
              </tr>
            </THead>
            <TBody>
              {rows.map((member) => {
                const name = shopperName(member);
                return (
                  <TR key={member.id} data-testid="segment-member-row">
                    <TD className="whitespace-nowrap">
                      <Link href={`/profiles/${member.id}`} className="font-medium text-slate-900 hover:text-accent">
                        {name ?? "No name yet"}
                      </Link>
                    </TD>
                    <TD>
                      <PhoneNumber value={member.phone} />
                    </TD>
                    <TD className="text-slate-500">{member.email ?? "—"}</TD>
                    <TD>
                      <ConsentBadge consent={member.smsConsent as SmsConsentValue} />
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
          {members.hasNextPage ? (
            <div className="flex justify-center">
              <Button variant="secondary" onClick={() => void members.fetchNextPage()} isLoading={members.isFetchingNextPage}>
                Load more
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
