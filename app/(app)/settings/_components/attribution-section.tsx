"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTRPC, type RouterOutputs } from "@/components/trpc";
import { RadioGroup } from "@/components/ui/radio-group";
import { Select } from "@/components/ui/select";
import { attributionWindowOptions, describeAttributionWindow, type AttributionModel } from "@/server/analytics/attribution/attribution-rules";
import { FormSection } from "./form-section";
import { SaveBar } from "./save-bar";
import { useSaveFeedback } from "./use-save-feedback";

type AttributionSettings = RouterOutputs["performance"]["attributionSettings"];

/** How Parley decides which orders the agent earned (read by the Performance page). */
export function AttributionSection() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.performance.attributionSettings.queryOptions());
  return (
    <FormSection
      id="attribution"
      needs="admin"
      title="SMS attribution"
      description="Which orders count as revenue from the customer agent on the Performance page: orders placed soon enough after the shopper’s last agent reply."
      query={settings}
      loadingLabel="Loading attribution settings…"
      skeletonHeights={["h-9", "h-16"]}
    >
      {(saved) => <AttributionForm saved={saved} />}
    </FormSection>
  );
}

function AttributionForm({ saved: initial }: { saved: AttributionSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState(initial);
  const fieldIds = { windowHours: `${id}-window`, model: `${id}-model` };
  const feedback = useSaveFeedback({ what: "SMS attribution", formRef, fieldIds });
  const isDirty = values.windowHours !== saved.windowHours || values.model !== saved.model;

  const save = useMutation(
    trpc.performance.updateAttributionSettings.mutationOptions({
      onMutate: feedback.onMutate,
      onSuccess: async (result) => {
        setSaved(result);
        setValues(result);
        queryClient.setQueryData(trpc.performance.attributionSettings.queryKey(), result);
        // Every attributed number on the Performance page depends on these.
        await queryClient.invalidateQueries(trpc.performance.pathFilter());
        feedback.onSaved();
      },
      onError: feedback.onFailed,
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate(values);
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" data-testid="attribution-form">
      <Select
        id={fieldIds.windowHours}
        label="Attribution window"
        help="An order placed within this time after the shopper’s last reply from the agent counts as revenue from the agent. Changing it recalculates every period on the Performance page."
        error={feedback.errors.windowHours}
        fieldClassName="max-w-xs"
        value={String(values.windowHours)}
        onChange={(e) => {
          setValues((v) => ({ ...v, windowHours: Number(e.target.value) }));
          feedback.clearError("windowHours");
        }}
        data-testid="attribution-window"
      >
        {attributionWindowOptions.map((hours) => (
          <option key={hours} value={hours}>
            {describeAttributionWindow(hours)}
            {hours === 24 ? " (default)" : ""}
          </option>
        ))}
      </Select>
      <RadioGroup<AttributionModel>
        id={fieldIds.model}
        name={`${id}-model-choice`}
        legend="Attribution model"
        error={feedback.errors.model}
        value={values.model}
        onChange={(model) => {
          setValues((v) => ({ ...v, model }));
          feedback.clearError("model");
        }}
        options={[{ value: "last_touch", label: "Last touch", help: "The whole order goes to the agent’s most recent reply inside the window, once per order." }]}
      />
      <SaveBar label="Save attribution" isPending={save.isPending} isDirty={isDirty} summary={feedback.summary} summaryTestId="attribution-error" />
    </form>
  );
}
