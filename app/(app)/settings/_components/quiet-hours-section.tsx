"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTRPC, type RouterOutputs } from "@/components/trpc";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { FormSection } from "./form-section";
import { useSaveFeedback } from "./use-save-feedback";
import { SaveBar } from "./save-bar";

type QuietHours = RouterOutputs["settings"]["quietHours"];

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** 8 → "8:00 AM", 0 → "12:00 AM (midnight)". */
export function hourLabel(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  const label = `${h}:00 ${hour < 12 ? "AM" : "PM"}`;
  return hour === 0 ? `${label} (midnight)` : hour === 12 ? `${label} (noon)` : label;
}

/** When campaigns may reach shoppers, in each shopper's local time. Part of Compliance. */
export function QuietHoursSection() {
  const trpc = useTRPC();
  const quietHours = useQuery(trpc.settings.quietHours.queryOptions());

  return (
    <FormSection
      id="quiet-hours"
      needs="admin"
      title="Quiet hours"
      description="Campaign texts wait outside these hours, in each shopper’s local time, as US law (TCPA) and several states require. Replies to a shopper who texts you are never held."
      query={quietHours}
      loadingLabel="Loading quiet hours…"
      skeletonHeights={["h-9", "h-9"]}
    >
      {(saved) => <QuietHoursForm saved={saved} />}
    </FormSection>
  );
}

function QuietHoursForm({ saved: initial }: { saved: QuietHours }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState(initial);
  const fieldIds = { quietHoursEnabled: `${id}-enabled`, quietHoursStart: `${id}-start`, quietHoursEnd: `${id}-end` };
  const feedback = useSaveFeedback({ what: "Quiet hours", formRef, fieldIds });
  const { errors } = feedback;
  const isDirty = values.enabled !== saved.enabled || values.start !== saved.start || values.end !== saved.end;

  const save = useMutation(
    trpc.settings.updateQuietHours.mutationOptions({
      onMutate: feedback.onMutate,
      onSuccess: (result) => {
        setSaved(result);
        setValues(result);
        queryClient.setQueryData(trpc.settings.quietHours.queryKey(), result);
        feedback.onSaved();
      },
      onError: feedback.onFailed,
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate(values);
  }

  function set<K extends keyof QuietHours>(key: K, value: QuietHours[K], errorKey: string) {
    setValues((all) => ({ ...all, [key]: value }));
    feedback.clearError(errorKey);
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" data-testid="quiet-hours-form">
      <Switch
        id={fieldIds.quietHoursEnabled}
        label="Hold campaigns outside sending hours"
        help="A shopper’s local time comes from their number’s area code; for numbers outside the US and Canada, your brand’s time zone."
        checked={values.enabled}
        onChange={(event) => set("enabled", event.target.checked, "quietHoursEnabled")}
      />
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <Select
          id={fieldIds.quietHoursStart}
          label="Send from"
          help="The earliest a campaign text may arrive."
          error={errors.quietHoursStart}
          value={values.start}
          disabled={!values.enabled}
          onChange={(event) => set("start", Number(event.target.value), "quietHoursStart")}
        >
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {hourLabel(hour)}
            </option>
          ))}
        </Select>
        <Select
          id={fieldIds.quietHoursEnd}
          label="Until"
          help="Texts not sent by then wait for the next morning."
          error={errors.quietHoursEnd}
          value={values.end}
          disabled={!values.enabled}
          onChange={(event) => set("end", Number(event.target.value), "quietHoursEnd")}
        >
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {hourLabel(hour)}
            </option>
          ))}
        </Select>
      </div>
      {values.enabled && values.start === values.end ? (
        <p className="text-xs text-amber-700">Sending can’t start and stop at the same hour.</p>
      ) : null}

      <SaveBar label="Save quiet hours" isPending={save.isPending} isDirty={isDirty} summary={feedback.summary} summaryTestId="quiet-hours-error" />
    </form>
  );
}
