"use client";
/**
 * The compose page's side panel: who will get the campaign, what it costs (segments × recipients ×
 * the price of a segment), how long it takes at the sender's rate, and the text as one chosen
 * shopper will see it.
 */
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { shopperName } from "@/components/shopper-name";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatNumber, plural } from "@/components/ui/format";
import { SegmentCounter } from "@/components/ui/segment-counter";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { formatPhoneForHumans } from "@/server/sms/format-phone-for-humans";
import { composeCampaignText, personalizationValuesOf } from "@/server/campaigns/compose-campaign-text";
import { useDebouncedValue } from "./use-debounced-value";
import { formatCents, formatSendDuration } from "./campaign-words";
import { SendingRateButton } from "./sending-rate-dialog";

export type Estimate = RouterOutputs["campaigns"]["audienceCount"];
export type EstimateState = { estimate: Estimate | null; isLoading: boolean; error: unknown };

type Input = { segmentIds: string[]; excludedSegmentIds: string[]; body: string; linkUrl: string };

/** The live estimate for what is on the form, asked for ~400 ms after the last change. */
export function useCampaignEstimate(input: Input): EstimateState {
  const trpc = useTRPC();
  const key = JSON.stringify(input);
  const settled = useDebouncedValue(key, 400);
  const parsed = useMemo(() => JSON.parse(settled) as Input, [settled]);
  const query = useQuery({
    ...trpc.campaigns.audienceCount.queryOptions(
      parsed.segmentIds.length ? { segmentIds: parsed.segmentIds, excludedSegmentIds: parsed.excludedSegmentIds, body: parsed.body, linkUrl: parsed.linkUrl || null } : skipToken,
      { placeholderData: keepPreviousData },
    ),
    staleTime: 10_000,
  });
  if (input.segmentIds.length === 0) return { estimate: null, isLoading: false, error: null };
  return { estimate: query.data ?? null, isLoading: key !== settled || query.isFetching, error: query.isError ? query.error : null };
}

export function EstimatePanel({ state, body, linkUrl, brandName }: { state: EstimateState; body: string; linkUrl: string; brandName: string }) {
  const { estimate, isLoading, error } = state;
  return (
    <div className="flex flex-col gap-4">
      <Card data-testid="campaign-estimate">
        <CardHeader title="Recipients" description="Subscribed shoppers in the audience, right now." />
        <CardBody className="flex flex-col gap-3">
          <div className="flex items-center gap-2">
            <p className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid="campaign-recipient-count">
              {estimate ? formatNumber(estimate.recipients) : "—"}
            </p>
            {isLoading ? (
              <span className="text-slate-400">
                <Spinner />
                <span className="sr-only">Counting…</span>
              </span>
            ) : null}
          </div>
          <p className="sr-only" aria-live="polite">
            {estimate && !isLoading ? `${plural(estimate.recipients, "shopper")} will receive it.` : ""}
          </p>
          {error ? (
            <p role="alert" className="text-sm text-red-700">
              Can’t count yet: {errorMessageOf(error)}
            </p>
          ) : !estimate ? (
            <p className="text-sm text-slate-600">Choose at least one segment to see who will receive it.</p>
          ) : (
            <>
              <p className="text-sm text-slate-600">
                {estimate.recipients === 1 ? "shopper will receive it." : "shoppers will receive it."}
                {estimate.notSubscribed > 0 ? ` ${plural(estimate.notSubscribed, "other")} in these segments ${estimate.notSubscribed === 1 ? "isn’t" : "aren’t"} subscribed to SMS and will be skipped.` : ""}
              </p>
              <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1.5 border-t border-slate-200 pt-3 text-sm">
                <dt className="text-slate-600">SMS segments</dt>
                <dd className="text-right font-medium text-slate-900 tabular-nums" data-testid="campaign-total-segments">
                  {estimate.isExact ? "" : "about "}
                  {formatNumber(estimate.totalSegments)}
                </dd>
                <dt className="text-slate-600">Estimated cost</dt>
                <dd className="text-right font-medium text-slate-900 tabular-nums" data-testid="campaign-cost">
                  {formatCents(estimate.costCents)}
                </dd>
                <dt className="text-slate-600">Sending time</dt>
                <dd className="text-right text-slate-900">{formatSendDuration(estimate.durationMs)}</dd>
              </dl>
              <p className="text-xs text-slate-500">
                {formatNumber(estimate.totalSegments)} {estimate.totalSegments === 1 ? "segment" : "segments"} × {formatCents(estimate.segmentCostCents)} a segment. Sends at{" "}
                {plural(estimate.messagesPerSecond, "text")} a second.
              </p>
              <div className="-ml-2.5">
                <SendingRateButton />
              </div>
            </>
          )}
        </CardBody>
      </Card>
      <PreviewCard sample={estimate?.sample ?? []} body={body} linkUrl={linkUrl} brandName={brandName} />
    </div>
  );
}

const NO_NAME = "__no_name__";

/** The text as one shopper gets it: their name filled in, the link and the opt-out line added. */
function PreviewCard({ sample, body, linkUrl, brandName }: { sample: Estimate["sample"]; body: string; linkUrl: string; brandName: string }) {
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = chosen === NO_NAME ? null : (sample.find((m) => m.id === chosen) ?? sample[0] ?? null);
  const value = chosen === NO_NAME ? NO_NAME : (selected?.id ?? NO_NAME);
  const text = body.trim() ? composeCampaignText({ body, linkUrl }, personalizationValuesOf(selected, brandName)) : "";
  return (
    <Card data-testid="campaign-preview">
      <CardHeader title="Preview" description="Exactly what one shopper receives." />
      <CardBody className="flex flex-col gap-3">
        <Select id={`${id}-shopper`} label="Preview as" value={value} onChange={(e) => setChosen(e.target.value)} data-testid="campaign-preview-shopper">
          {sample.map((m) => (
            <option key={m.id} value={m.id}>
              {shopperName(m) ?? "No name"} · {formatPhoneForHumans(m.phone)}
            </option>
          ))}
          <option value={NO_NAME}>A shopper with no name on file</option>
        </Select>
        {text ? (
          <>
            <div className="rounded-2xl rounded-bl-md bg-slate-100 px-3.5 py-2 text-sm break-words whitespace-pre-wrap text-slate-900" data-testid="campaign-preview-text">
              {text}
            </div>
            <SegmentCounter text={text} />
          </>
        ) : (
          <p className="text-sm text-slate-500">Write the message to see it here.</p>
        )}
      </CardBody>
    </Card>
  );
}
