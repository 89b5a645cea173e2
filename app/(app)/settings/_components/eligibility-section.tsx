"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useRef, useState, type FormEvent } from "react";
import { errorMessageOf, useTRPC, type RouterInputs, type RouterOutputs } from "@/components/trpc";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { RadioGroup } from "@/components/ui/radio-group";
import { Skeleton } from "@/components/ui/skeleton";
import { keywordsOf } from "./agent-draft";
import { FormSection } from "./form-section";
import { useSaveFeedback } from "./use-save-feedback";
import { SaveBar } from "./save-bar";
import { useSegmentMemberCounts } from "@/components/segments/use-segment-member-counts";

type Eligibility = RouterOutputs["settings"]["eligibility"];
type EligibilityInput = RouterInputs["settings"]["updateEligibility"];
type Mode = Eligibility["mode"];

/** Keywords are edited as typed ("STYLE ME, style") and become lists on save. */
type Draft = { mode: Mode; segmentIds: string[]; requiredKeywords: string; inboxKeywords: string };

const draftOf = (e: Eligibility): Draft => ({ mode: e.mode, segmentIds: e.segmentIds, requiredKeywords: e.requiredKeywords.join(", "), inboxKeywords: e.inboxKeywords.join(", ") });
const inputOf = (d: Draft): EligibilityInput => ({
  mode: d.mode,
  segmentIds: d.mode === "everyone" ? [] : d.segmentIds,
  requiredKeywords: keywordsOf(d.requiredKeywords),
  inboxKeywords: keywordsOf(d.inboxKeywords),
});

const MODE_OPTIONS: { value: Mode; label: string; help: string }[] = [
  { value: "everyone", label: "Everyone", help: "Any subscribed shopper who texts can chat with the agent." },
  { value: "segments_in", label: "Only people in these segments", help: "Texts from anyone else go to the inbox." },
  { value: "segments_out", label: "Everyone except people in these segments", help: "Texts from members go to the inbox, e.g. VIPs your team answers personally." },
];

/** Settings → Who can chat: the rules the pipeline's eligibility stage applies, in the order it applies them. */
export function EligibilitySection() {
  const trpc = useTRPC();
  const eligibility = useQuery(trpc.settings.eligibility.queryOptions());
  return (
    <FormSection
      id="eligibility"
      needs="admin"
      title="Who can chat with the agent"
      description="Decide which shoppers the agent answers. Everyone else's texts go to the inbox, marked with the rule that decided."
      query={eligibility}
      loadingLabel="Loading who can chat…"
      skeletonHeights={["h-24", "h-9", "h-9"]}
    >
      {(saved) => <EligibilityForm saved={saved} />}
    </FormSection>
  );
}

function EligibilityForm({ saved: initial }: { saved: Eligibility }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const segments = useQuery(trpc.segments.list.queryOptions());
  const { countOf } = useSegmentMemberCounts();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const fieldIds = { segmentIds: `${id}-segments`, requiredKeywords: `${id}-required`, inboxKeywords: `${id}-inbox` };
  const feedback = useSaveFeedback({ what: "Who can chat", formRef, fieldIds });
  const { errors } = feedback;
  const isDirty = JSON.stringify(inputOf(draft)) !== JSON.stringify(inputOf(draftOf(saved)));

  const save = useMutation(
    trpc.settings.updateEligibility.mutationOptions({
      onMutate: feedback.onMutate,
      onSuccess: (result) => {
        setSaved(result);
        setDraft(draftOf(result));
        queryClient.setQueryData(trpc.settings.eligibility.queryKey(), result);
        feedback.onSaved("New texts follow these rules at once.");
      },
      onError: feedback.onFailed,
    }),
  );

  function update(patch: Partial<Draft>) {
    setDraft((d) => ({ ...d, ...patch }));
    for (const key of Object.keys(patch)) feedback.clearError(key === "mode" ? "segmentIds" : key);
  }

  function toggleSegment(segmentId: string, isChecked: boolean) {
    update({ segmentIds: isChecked ? [...draft.segmentIds, segmentId] : draft.segmentIds.filter((s) => s !== segmentId) });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate(inputOf(draft));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-6" data-testid="eligibility-form">
      <RadioGroup legend="Who may chat" name={`${id}-mode`} value={draft.mode} options={MODE_OPTIONS} onChange={(mode) => update({ mode })} />

      {draft.mode !== "everyone" ? (
        <fieldset id={fieldIds.segmentIds} tabIndex={-1} aria-describedby={errors.segmentIds ? `${fieldIds.segmentIds}-error` : undefined} className="flex flex-col gap-2 focus:outline-none">
          <legend className="mb-1 text-sm font-medium text-slate-800">{draft.mode === "segments_in" ? "Segments whose members may chat" : "Segments to leave out"}</legend>
          {segments.isPending ? (
            <div role="status" className="flex flex-col gap-2">
              <span className="sr-only">Loading segments…</span>
              <Skeleton className="h-5 w-64" />
              <Skeleton className="h-5 w-56" />
            </div>
          ) : segments.isError ? (
            <p className="text-sm text-failed-ink">Segments couldn’t be loaded: {errorMessageOf(segments.error)}</p>
          ) : segments.data.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-300 px-3 py-3 text-sm text-slate-600">
              No segments yet.{" "}
              <Link href="/segments/new" className="font-medium text-indigo-700 underline">
                Build a segment
              </Link>{" "}
              first, then choose it here.
            </p>
          ) : (
            <ul className="flex flex-col gap-2" data-testid="eligibility-segments">
              {segments.data.map((segment) => (
                <li key={segment.id} className="flex items-center gap-2">
                  <Checkbox
                    label={segment.name}
                    checked={draft.segmentIds.includes(segment.id)}
                    onChange={(e) => toggleSegment(segment.id, e.target.checked)}
                  />
                  <span className="text-xs text-slate-500 tabular-nums">
                    {memberCountLabel(countOf(segment.id))}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {segments.data?.length ? (
            <p className="text-xs text-slate-500">
              Membership is checked on every text, so a shopper who joins or leaves a segment is treated accordingly at once.{" "}
              <Link href="/segments/new" className="text-indigo-700 underline">
                New segment
              </Link>
            </p>
          ) : null}
          {errors.segmentIds ? (
            <p id={`${fieldIds.segmentIds}-error`} role="alert" className="text-sm text-red-700">
              {errors.segmentIds}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      <Input
        id={fieldIds.requiredKeywords}
        label="Keywords that must start a conversation (optional)"
        help="When set, a new conversation starts only with a text that begins with one of these, e.g. “Reply STYLE ME for a recommendation”. Replies within that conversation don’t repeat it. Separate keywords with commas."
        placeholder="STYLE ME"
        value={draft.requiredKeywords}
        error={errors.requiredKeywords}
        onChange={(e) => update({ requiredKeywords: e.target.value })}
        maxLength={500}
      />
      <Input
        id={fieldIds.inboxKeywords}
        label="Keywords that send a text to the inbox (optional)"
        help="A text containing one of these skips the agent and waits for your team, e.g. WHOLESALE or PRESS."
        placeholder="WHOLESALE, PRESS"
        value={draft.inboxKeywords}
        error={errors.inboxKeywords}
        onChange={(e) => update({ inboxKeywords: e.target.value })}
        maxLength={500}
      />

      <details className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
        <summary className="cursor-pointer font-medium">In what order are texts checked?</summary>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-xs text-slate-600">
          <li>STOP / START / HELP and opt-out wording are handled first; the agent never answers them.</li>
          <li>Your keyword automations answer their keywords instead of the agent.</li>
          <li>Auto-replies, reactions and unsubscribed numbers get no reply.</li>
          <li>If the agent is switched off, or the brand sells restricted goods, the text goes to the inbox.</li>
          <li>Inbox keywords, then the keywords that must start a conversation, then the segments above.</li>
        </ol>
      </details>

      <SaveBar label="Save who can chat" isPending={save.isPending} isDirty={isDirty} summary={feedback.summary} summaryTestId="eligibility-error" />
    </form>
  );
}

function memberCountLabel(count: number | null): string {
  return count === null ? "" : `${count.toLocaleString()} ${count === 1 ? "profile" : "profiles"}`;
}
