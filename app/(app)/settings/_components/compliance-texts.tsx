"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTRPC, type RouterOutputs } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormSection } from "./form-section";
import { Textarea } from "@/components/ui/textarea";
import { submitOnModEnter } from "./form-helpers";
import { useSaveFeedback } from "./use-save-feedback";
import { SaveBar } from "./save-bar";

type ComplianceTexts = RouterOutputs["settings"]["compliance"];
type ComplianceKey = "helpReply" | "optOutReply" | "optInReply";
type Values = Record<ComplianceKey, string>;

const KEYS: ComplianceKey[] = ["helpReply", "optOutReply", "optInReply"];

// The carrier (CTIA) rule for each text, in the words a marketer uses; the server checks the same rules.
const FIELDS: Record<ComplianceKey, { label: string; help: ReactNode }> = {
  helpReply: {
    label: "HELP reply",
    help: (
      <>
        Sent when a shopper texts HELP or INFO. Carriers require it to name your brand, say how to get help, and say how to opt out (“Reply STOP to
        opt out”).
      </>
    ),
  },
  optOutReply: {
    label: "Opt-out confirmation (STOP)",
    help: (
      <>
        Sent once when a shopper texts STOP, UNSUBSCRIBE, CANCEL, END or QUIT. Carriers allow exactly one confirmation, with no marketing, saying how
        to resubscribe (“Reply START to resubscribe”).
      </>
    ),
  },
  optInReply: {
    label: "Opt-in confirmation (START)",
    help: <>Sent when a shopper texts START or UNSTOP to subscribe again. Carriers require it to include “Reply STOP to opt out”.</>,
  },
};

function valuesOf(texts: ComplianceTexts): Values {
  return { helpReply: texts.helpReply, optOutReply: texts.optOutReply, optInReply: texts.optInReply };
}

/** The three texts Parley sends for carrier keywords, each editable with a way back to the default. */
export function ComplianceTextsSection() {
  const trpc = useTRPC();
  const compliance = useQuery(trpc.settings.compliance.queryOptions());

  return (
    <FormSection
      id="compliance-texts"
      needs="admin"
      title="Compliance texts"
      description="What Parley replies, before the agent, when a shopper texts a carrier keyword. Each must fit one SMS."
      query={compliance}
      loadingLabel="Loading compliance texts…"
      skeletonHeights={KEYS.map(() => "h-20")}
    >
      {(saved) => <ComplianceForm saved={saved} />}
    </FormSection>
  );
}

function ComplianceForm({ saved: initial }: { saved: ComplianceTexts }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  // What the server last confirmed; the form starts from it and returns to it after each save.
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const fieldIds = Object.fromEntries(KEYS.map((key) => [key, `${id}-${key}`])) as Record<ComplianceKey, string>;
  const feedback = useSaveFeedback({ what: "Compliance texts", formRef, fieldIds });
  const { errors } = feedback;

  // A text is "default" when it is blank, or still the untouched default text the server sent.
  const isDefault = (key: ComplianceKey) => values[key].trim() === "" || (saved.isDefault[key] && values[key] === saved[key]);
  const isDirty = KEYS.some((key) => (isDefault(key) ? !saved.isDefault[key] : values[key] !== saved[key]));

  const save = useMutation(
    trpc.settings.updateCompliance.mutationOptions({
      onMutate: feedback.onMutate,
      onSuccess: (result) => {
        setSaved(result);
        setValues(valuesOf(result));
        queryClient.setQueryData(trpc.settings.compliance.queryKey(), result);
        feedback.onSaved();
      },
      onError: feedback.onFailed,
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    // Blank, or the untouched default, is sent as "" so the brand keeps following Parley's default.
    save.mutate({
      helpReply: isDefault("helpReply") ? "" : values.helpReply,
      optOutReply: isDefault("optOutReply") ? "" : values.optOutReply,
      optInReply: isDefault("optInReply") ? "" : values.optInReply,
    });
  }

  function setValue(key: ComplianceKey, value: string) {
    setValues((all) => ({ ...all, [key]: value }));
    feedback.clearError(key);
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} onKeyDown={submitOnModEnter} noValidate aria-describedby={`${id}-form-help`} className="flex flex-col gap-6">
      <p id={`${id}-form-help`} className="sr-only">
        Press Control+Enter or Command+Enter to save from any text.
      </p>
      {KEYS.map((key) => {
        const field = FIELDS[key];
        const isFieldDefault = isDefault(key);
        return (
          <div key={key} data-testid={`compliance-${key}`} className="relative">
            <div className="absolute top-0 right-0 flex h-5 items-center gap-2">
              {isFieldDefault ? (
                <Badge tone="neutral" className="py-0">
                  Default
                </Badge>
              ) : null}
              <Button
                variant="ghost"
                size="sm"
                className="h-6 px-2 text-xs"
                disabled={isFieldDefault || save.isPending}
                title={isFieldDefault ? "Already Parley's default" : "Clear this text so Parley's default is sent (saved when you save)"}
                onClick={() => setValue(key, "")}
              >
                Reset to default
              </Button>
            </div>
            <Textarea
              id={fieldIds[key]}
              label={field.label}
              help={
                <>
                  {field.help} Leave it empty to use Parley’s default.
                </>
              }
              error={errors[key]}
              value={values[key]}
              onChange={(event) => setValue(key, event.target.value)}
              placeholder={saved.isDefault[key] ? saved[key] : "Empty: Parley’s default text will be sent."}
              maxLength={1600}
              rows={3}
              showSegments
              fieldClassName="[&>label]:pr-48"
            />
          </div>
        );
      })}

      <SaveBar label="Save compliance texts" isPending={save.isPending} isDirty={isDirty} summary={feedback.summary} summaryTestId="compliance-error" />
    </form>
  );
}
