"use client";
/**
 * Member counts for the saved segments, loaded beside the list (segments.memberCounts): a large
 * brand's counts take a moment, so pages show the names at once and each count when it arrives.
 * `countOf(id)` is null until then (and for a segment created since).
 */
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";

export function useSegmentMemberCounts(opts: { staleTime?: number } = {}) {
  const trpc = useTRPC();
  const counts = useQuery({ ...trpc.segments.memberCounts.queryOptions(), staleTime: opts.staleTime });
  return {
    countOf: (id: string): number | null => counts.data?.counts[id] ?? null,
    isCounting: counts.isPending || counts.isFetching,
  };
}
