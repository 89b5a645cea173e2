"use client";
/**
 * Who gets the campaign: segments to send to, and segments to leave out. Native checkboxes in two
 * fieldsets (Tab and Space work as everywhere); a segment ticked in one list is unavailable in the other.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber } from "@/components/ui/format";
import { SkeletonRows } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";
import { useSegmentMemberCounts } from "@/components/segments/use-segment-member-counts";

type Props = {
  idBase: string;
  segmentIds: string[];
  excludedSegmentIds: string[];
  onChange: (next: { segmentIds: string[]; excludedSegmentIds: string[] }) => void;
  errors: { segmentIds?: string; excludedSegmentIds?: string };
};

export function AudiencePicker({ idBase, segmentIds, excludedSegmentIds, onChange, errors }: Props) {
  const trpc = useTRPC();
  const segments = useQuery({ ...trpc.segments.list.queryOptions(), staleTime: 30_000 });
  const { countOf } = useSegmentMemberCounts({ staleTime: 30_000 });

  if (segments.isPending) return <SkeletonRows rows={3} label="Loading segments…" />;
  if (segments.isError) return <ErrorNotice message={errorMessageOf(segments.error)} onRetry={() => void segments.refetch()} />;
  if (segments.data.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-sm text-slate-600">
        Campaigns go to segments, and you have none yet.{" "}
        <Link href="/segments/new" className="font-medium text-accent hover:underline">
          Create a segment
        </Link>{" "}
        (for example, everyone who ordered in the last 30 days), then come back.
      </p>
    );
  }

  const toggle = (list: "segmentIds" | "excludedSegmentIds", id: string, isOn: boolean) => {
    const current = list === "segmentIds" ? segmentIds : excludedSegmentIds;
    const next = isOn ? [...current, id] : current.filter((x) => x !== id);
    onChange(list === "segmentIds" ? { segmentIds: next, excludedSegmentIds } : { segmentIds, excludedSegmentIds: next });
  };

  const withCounts = segments.data.map((s) => ({ id: s.id, name: s.name, memberCount: countOf(s.id) }));
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <SegmentChecklist
        id={`${idBase}-segmentIds`}
        legend="Send to"
        help="Shoppers in any of these segments."
        segments={withCounts}
        checked={segmentIds}
        unavailable={excludedSegmentIds}
        unavailableWhy="excluded"
        error={errors.segmentIds}
        onToggle={(id, isOn) => toggle("segmentIds", id, isOn)}
        testId="audience-include"
      />
      <SegmentChecklist
        id={`${idBase}-excludedSegmentIds`}
        legend="Don’t send to (optional)"
        help="Shoppers in any of these are left out, even if they’re in a segment above."
        segments={withCounts}
        checked={excludedSegmentIds}
        unavailable={segmentIds}
        unavailableWhy="sending to it"
        error={errors.excludedSegmentIds}
        onToggle={(id, isOn) => toggle("excludedSegmentIds", id, isOn)}
        testId="audience-exclude"
      />
    </div>
  );
}

function SegmentChecklist({
  id,
  legend,
  help,
  segments,
  checked,
  unavailable,
  unavailableWhy,
  error,
  onToggle,
  testId,
}: {
  id: string;
  legend: string;
  help: string;
  segments: { id: string; name: string; memberCount: number | null }[];
  checked: string[];
  unavailable: string[];
  unavailableWhy: string;
  error?: string;
  onToggle: (id: string, isOn: boolean) => void;
  testId: string;
}) {
  const describedBy = [`${id}-help`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="min-w-0 focus:outline-none" data-testid={testId}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <p id={`${id}-help`} className="mt-0.5 text-xs text-slate-500">
        {help}
      </p>
      <ul className={cn("mt-2 flex max-h-64 flex-col overflow-y-auto rounded-md border", error ? "border-red-400" : "border-slate-200")}>
        {segments.map((s) => {
          const optionId = `${id}-${s.id}`;
          const isUnavailable = unavailable.includes(s.id);
          return (
            <li key={s.id} className="flex items-center justify-between gap-3 border-b border-slate-100 px-3 py-2 last:border-b-0">
              <div className="flex min-w-0 items-center gap-2">
                <input
                  id={optionId}
                  type="checkbox"
                  className="size-4 shrink-0 rounded border-slate-300 accent-indigo-600"
                  checked={checked.includes(s.id)}
                  disabled={isUnavailable}
                  onChange={(e) => onToggle(s.id, e.target.checked)}
                />
                <label htmlFor={optionId} className={cn("truncate text-sm select-none", isUnavailable ? "text-slate-400" : "text-slate-800")} title={s.name}>
                  {s.name}
                  {isUnavailable ? <span className="sr-only"> (unavailable: {unavailableWhy})</span> : null}
                </label>
              </div>
              <span className="shrink-0 text-xs text-slate-500 tabular-nums" aria-label={s.memberCount === null ? undefined : `${formatNumber(s.memberCount)} members`}>
                {s.memberCount === null ? "" : formatNumber(s.memberCount)}
              </span>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
