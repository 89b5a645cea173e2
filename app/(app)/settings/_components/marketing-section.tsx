"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTRPC, type RouterOutputs } from "@/components/trpc";
import { SegmentCounter } from "@/components/ui/segment-counter";
import { Textarea } from "@/components/ui/textarea";
import { submitOnModEnter } from "./form-helpers";
import { FormSection } from "./form-section";
import { useSaveFeedback } from "./use-save-feedback";
import { SaveBar } from "./save-bar";

type MarketingSettings = RouterOutputs["settings"]["marketing"];

/** The conversation starter: the line campaigns carry to invite shoppers to text back. */
export function MarketingSection() {
  const trpc = useTRPC();
  const marketing = useQuery(trpc.settings.marketing.queryOptions());

  return (
    <FormSection
      id="marketing"
      needs="admin"
      title="Marketing"
      description="The line your campaigns end with to invite shoppers to reply, so the customer agent can pick up the conversation."
      query={marketing}
      loadingLabel="Loading marketing settings…"
      skeletonHeights={["h-20", "h-24"]}
    >
      {(saved) => <MarketingForm saved={saved} />}
    </FormSection>
  );
}

/** What a campaign might say before the starter, for the preview. */
function sampleCampaign(brandName: string): string {
  return `${brandName}: New fall layers just landed. Take 20% off this weekend only.`;
}

function MarketingForm({ saved: initial }: { saved: MarketingSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const brand = useQuery(trpc.brand.current.queryOptions());
  const id = useId();
  const fieldId = `${id}-conversationStarter`;
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState(initial);
  const [starter, setStarter] = useState(initial.conversationStarter);
  const feedback = useSaveFeedback({ what: "Conversation starter", formRef, fieldIds: { conversationStarter: fieldId } });
  const isDirty = starter !== saved.conversationStarter;

  const save = useMutation(
    trpc.settings.updateMarketing.mutationOptions({
      onMutate: feedback.onMutate,
      onSuccess: (result) => {
        setSaved(result);
        setStarter(result.conversationStarter);
        queryClient.setQueryData(trpc.settings.marketing.queryKey(), result);
        feedback.onSaved();
      },
      onError: feedback.onFailed,
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate({ conversationStarter: starter });
  }

  const campaign = sampleCampaign(brand.data?.brand.name ?? "Your brand");
  const preview = starter.trim() ? `${campaign} ${starter.trim()}` : campaign;

  return (
    <form ref={formRef} onSubmit={onSubmit} onKeyDown={submitOnModEnter} noValidate className="flex flex-col gap-6">
      <div data-testid="marketing-conversationStarter">
        <Textarea
          id={fieldId}
          label="Conversation starter"
          help="Added to the end of a campaign text when you choose to invite replies. Required, and it must fit one SMS on its own. Press Control+Enter or Command+Enter to save."
          error={feedback.errors.conversationStarter}
          value={starter}
          onChange={(event) => {
            setStarter(event.target.value);
            feedback.clearError("conversationStarter");
          }}
          placeholder="Questions? Reply to chat with us."
          maxLength={1600}
          rows={2}
          showSegments
          required
        />
      </div>

      <figure className="flex flex-col gap-2" data-testid="marketing-preview">
        <figcaption className="text-sm font-medium text-slate-800">How it looks in a campaign</figcaption>
        <div className="rounded-xl bg-slate-100 p-4">
          <p className="max-w-sm rounded-2xl rounded-bl-sm bg-white px-3.5 py-2 text-sm whitespace-pre-wrap text-slate-800 shadow-sm">
            <span className="text-slate-500">{campaign}</span>
            {starter.trim() ? <> <span className="font-medium text-slate-900">{starter.trim()}</span></> : null}
          </p>
        </div>
        <SegmentCounter text={preview} />
        <p className="text-xs text-slate-500">The campaign text is an example; the starter is in bold. Each extra segment of a campaign is billed per shopper.</p>
      </figure>

      <SaveBar label="Save conversation starter" isPending={save.isPending} isDirty={isDirty} summary={feedback.summary} summaryTestId="marketing-error" />
    </form>
  );
}
