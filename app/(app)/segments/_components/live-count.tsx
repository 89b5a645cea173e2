"use client";
/**
 * The builder's live member count and the first members, for the definition being edited. The
 * count is asked for ~300 ms after the last change and only for a complete definition; while a new
 * count loads, the previous one stays visible with a small spinner.
 */
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { shopperName } from "@/components/shopper-name";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { ConsentBadge, type SmsConsentValue } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatNumber, plural } from "@/components/ui/format";
import { PhoneNumber } from "@/components/ui/phone-number";
import { Spinner } from "@/components/ui/spinner";
import type { SegmentNode } from "@/server/segments/definition";
import { useDebouncedValue } from "./use-debounced-value";

export const PREVIEW_LIMIT = 10;
const DEBOUNCE_MS = 300;

export type PreviewMember = RouterOutputs["segments"]["preview"]["members"][number];
/** incomplete: the draft can't be counted yet; loading: a new count is on its way; error: the server refused it. */
export type LiveCountState = "incomplete" | "loading" | "ready" | "error";

export type LivePreview = {
  state: LiveCountState;
  /** The latest count (the previous one while loading); null when there is none to show. */
  count: number | null;
  members: PreviewMember[];
  error: unknown;
};

export function useLivePreview(definition: SegmentNode | null): LivePreview {
  const trpc = useTRPC();
  const key = useMemo(() => (definition ? JSON.stringify(definition) : null), [definition]);
  const settledKey = useDebouncedValue(key, DEBOUNCE_MS);
  const input = useMemo(() => (settledKey ? { definition: JSON.parse(settledKey) as unknown, limit: PREVIEW_LIMIT } : null), [settledKey]);
  const preview = useQuery({
    ...trpc.segments.preview.queryOptions(input ?? skipToken, { placeholderData: keepPreviousData }),
    staleTime: 15_000,
  });

  if (key === null) return { state: "incomplete", count: null, members: [], error: null };
  const isCurrent = key === settledKey && !preview.isPlaceholderData && !preview.isFetching;
  if (isCurrent && preview.isError) return { state: "error", count: null, members: [], error: preview.error };
  if (isCurrent && preview.isSuccess) return { state: "ready", count: preview.data.count, members: preview.data.members, error: null };
  return { state: "loading", count: preview.data?.count ?? null, members: preview.data?.members ?? [], error: null };
}

export function LiveCount({ preview, hint, subject }: { preview: LivePreview; hint: string | null; subject: string }) {
  const { state, count, members } = preview;
  const shown = state === "incomplete" || state === "error" ? null : count;
  return (
    <Card>
      <CardHeader title="Members right now" description={subject} />
      <CardBody className="flex flex-col gap-3">
        <div className="flex items-center gap-2">
          <p className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid="segment-live-count" data-state={state}>
            {shown === null ? "—" : formatNumber(shown)}
          </p>
          {state === "loading" ? (
            <span className="text-slate-400" data-testid="segment-live-count-loading">
              <Spinner />
              <span className="sr-only">Counting…</span>
            </span>
          ) : null}
        </div>
        <p className="sr-only" aria-live="polite">
          {state === "ready" && count !== null ? `${plural(count, "shopper")} match.` : ""}
        </p>
        {state === "incomplete" ? (
          <div className="text-sm text-slate-600" data-testid="segment-live-count-hint">
            <p>Finish the conditions to see who matches.</p>
            {hint ? <p className="mt-1 text-slate-500">Next: {hint}</p> : null}
          </div>
        ) : state === "error" ? (
          <p className="text-sm text-red-700" role="alert" data-testid="segment-live-count-hint">
            Can’t count yet: {errorMessageOf(preview.error)}
          </p>
        ) : (
          <p className="text-sm text-slate-600">{shown === null ? "Counting…" : shown === 1 ? "shopper matches today." : "shoppers match today."}</p>
        )}

        {state !== "incomplete" && state !== "error" && members.length > 0 ? (
          <div className="border-t border-slate-200 pt-3">
            <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
              {count !== null && count > members.length ? `First ${members.length} members` : "Members"}
            </h3>
            <ul className="mt-2 flex flex-col divide-y divide-slate-100" aria-label="Preview of members" data-testid="segment-preview-members">
              {members.map((member) => (
                <MemberLine key={member.id} member={member} />
              ))}
            </ul>
          </div>
        ) : state === "ready" && members.length === 0 ? (
          <p className="text-sm text-slate-500">No one matches right now. Segments update as shoppers text, order and change their subscription.</p>
        ) : null}
      </CardBody>
    </Card>
  );
}

function MemberLine({ member }: { member: PreviewMember }) {
  const name = shopperName(member);
  return (
    <li className="flex items-center justify-between gap-2 py-2">
      <div className="min-w-0">
        <Link href={`/profiles/${member.id}`} className="block truncate text-sm font-medium text-slate-900 hover:text-accent">
          {name ?? <PhoneNumber value={member.phone} />}
        </Link>
        {name ? <PhoneNumber value={member.phone} className="text-xs text-slate-500" /> : null}
      </div>
      <ConsentBadge consent={member.smsConsent as SmsConsentValue} />
    </li>
  );
}
