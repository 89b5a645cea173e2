"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { plural } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import { RadioGroup } from "@/components/ui/radio-group";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import {
  draftOf,
  errorsByKey,
  INPUT_CAPS,
  inputOf,
  isDraftDirty,
  LIMITS,
  newKey,
  numberErrorsOf,
  savedInputOf,
  toneHelp,
  toneLabels,
  TONES,
  type AgentDraft,
  type AgentSettings,
  type EscalationRuleDraft,
  type HandoffMode,
  type StyleRuleDraft,
  type Tone,
} from "./agent-draft";
import { fieldErrorsOf, focusFirstInvalid, submitOnModEnter } from "./form-helpers";
import { FormSection } from "./form-section";
import { ListEditor } from "./list-editor";
import { useInvalidateSettingsHistory } from "./settings-history";

/** The Customer agent: on/off, what it knows and how it sounds, when it hands off, and its limits. */
export function AgentSettingsSection() {
  const trpc = useTRPC();
  const agent = useQuery(trpc.settings.agent.queryOptions());

  return (
    <FormSection
      id="customer-agent"
      needs="admin"
      title="Customer agent"
      description="How the agent answers shoppers’ texts: what it knows about your brand, how it sounds, and when it hands a conversation to a person."
      query={agent}
      loadingLabel="Loading agent settings…"
      skeletonHeights={["h-24", "h-9", "h-32", "h-24"]}
    >
      {(saved) => <AgentForm saved={saved} />}
    </FormSection>
  );
}

function SubHeading({ children }: { children: ReactNode }) {
  return <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{children}</h3>;
}

function AgentForm({ saved: initial }: { saved: AgentSettings }) {
  const trpc = useTRPC();
  const isRestricted = useQuery(trpc.settings.restrictedGoods.queryOptions()).data?.isRestricted ?? false;
  const queryClient = useQueryClient();
  const toast = useToast();
  const invalidateHistory = useInvalidateSettingsHistory();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  // What the server last confirmed; the form starts from it and returns to it after each save.
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<AgentDraft>(() => draftOf(initial));
  // Keyed like the server's fieldErrors, but list items by their key ("styleRules.style3.title").
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);

  const savedInput = useMemo(() => savedInputOf(saved), [saved]);
  const isDirty = isDraftDirty(draft, savedInput);
  const fieldId = (key: string) => `${id}-${key.replace(/\./g, "-")}`;

  // Every field the server can name, in the order they appear, so focus goes to the first wrong one.
  function fieldOrder(current: AgentDraft): string[] {
    return [
      "brandSummary",
      "customTone",
      "styleRules",
      ...current.styleRules.flatMap((rule) => [`styleRules.${rule.key}.title`, `styleRules.${rule.key}.description`]),
      "escalationRules",
      ...current.escalationRules.flatMap((rule) => [`escalationRules.${rule.key}.name`, `escalationRules.${rule.key}.keywords`]),
      "closeoutMessage",
      "maxRepliesPerConversation",
      "conversationWindowHours",
    ];
  }

  const save = useMutation(
    trpc.settings.updateAgent.mutationOptions({
      onSuccess: (result) => {
        setSaved(result);
        setDraft((current) => draftOf(result, current));
        queryClient.setQueryData(trpc.settings.agent.queryKey(), result);
        toast({ tone: "success", title: "Agent settings saved" });
      },
      onSettled: () => invalidateHistory(),
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    setErrors({});
    setSummary(null);
    const sent = draft;
    save.mutate(inputOf(sent), {
      onError: (error) => {
        const { fields, unplaced } = errorsByKey(fieldErrorsOf(error), {
          styleRules: sent.styleRules.map((rule) => rule.key),
          escalationRules: sent.escalationRules.map((rule) => rule.key),
        });
        // A number that isn't whole was sent as 0; say what is wrong with what was typed.
        const numberErrors = numberErrorsOf(sent);
        for (const key of Object.keys(numberErrors)) if (fields[key]) fields[key] = numberErrors[key] ?? fields[key];

        const order = fieldOrder(sent);
        const placed = Object.fromEntries(Object.entries(fields).filter(([key]) => order.includes(key)));
        const strays = [...unplaced, ...Object.entries(fields).filter(([key]) => !order.includes(key)).map(([, message]) => message)];
        const count = Object.keys(placed).length;
        setErrors(placed);
        setSummary(
          count > 0
            ? ["Nothing was saved. Fix the fields marked above and save again.", ...strays].join(" ")
            : strays.length > 0
              ? `Nothing was saved. ${strays.join(" ")}`
              : errorMessageOf(error),
        );
        toast({
          tone: "error",
          title: "Agent settings not saved",
          description: count > 0 ? `${plural(count, "field")} to fix; nothing was saved.` : errorMessageOf(error),
        });
        focusFirstInvalid(formRef.current, Object.fromEntries(order.map((key) => [key, fieldId(key)])), placed);
      },
    });
  }

  function clearError(...keys: string[]) {
    if (keys.some((key) => errors[key])) setErrors((all) => Object.fromEntries(Object.entries(all).filter(([key]) => !keys.includes(key))));
  }

  function set<K extends keyof AgentDraft>(key: K, value: AgentDraft[K]) {
    setDraft((all) => ({ ...all, [key]: value }));
    clearError(key);
  }

  function setStyleRule(key: string, field: "title" | "description", value: string) {
    setDraft((all) => ({ ...all, styleRules: all.styleRules.map((rule) => (rule.key === key ? { ...rule, [field]: value } : rule)) }));
    clearError(`styleRules.${key}.${field}`);
  }

  function setEscalationRule(key: string, field: "name" | "keywords", value: string) {
    setDraft((all) => ({ ...all, escalationRules: all.escalationRules.map((rule) => (rule.key === key ? { ...rule, [field]: value } : rule)) }));
    clearError(`escalationRules.${key}.${field}`);
  }

  const isCloseout = draft.handoffMode === "closeout";

  return (
    <form ref={formRef} onSubmit={onSubmit} onKeyDown={submitOnModEnter} noValidate aria-describedby={`${id}-form-help`} className="flex flex-col gap-6">
      <p id={`${id}-form-help`} className="sr-only">
        Press Control+Enter or Command+Enter to save from any field.
      </p>

      <div data-testid="agent-enabled">
        <Switch
          id={fieldId("enabled")}
          label="Customer agent is on"
          help="When it’s off, the agent doesn’t reply: every shopper text goes to the Conversations inbox for a teammate to answer."
          checked={draft.enabled}
          // A restricted (SHAFT) brand can switch the agent off but never on.
          disabled={isRestricted && !draft.enabled}
          onChange={(event) => set("enabled", event.target.checked)}
        />
        {isRestricted ? (
          <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="agent-restricted-notice">
            The agent can’t be switched on: this brand is marked as selling restricted goods (sex, hate, alcohol, firearms, tobacco, vaping or
            cannabis), for which carriers and the AI provider don’t allow automated conversations. Change it under{" "}
            <a href="#brand-eligibility-heading" className="font-medium underline">
              Brand eligibility
            </a>
            .
          </p>
        ) : null}
      </div>

      <div className="flex flex-col gap-5 border-t border-slate-200 pt-5">
        <SubHeading>What the agent knows and how it sounds</SubHeading>
        <div data-testid="agent-brandSummary">
          <Textarea
            id={fieldId("brandSummary")}
            label="Brand summary"
            help="What you sell and the policies worth knowing (shipping, returns, sizing). The agent reads it before every reply."
            error={errors.brandSummary}
            value={draft.brandSummary}
            onChange={(event) => set("brandSummary", event.target.value)}
            placeholder="Juniper Outdoor sells hiking and camping gear. Free shipping over $50; returns within 30 days, unworn."
            maxLength={INPUT_CAPS.brandSummary}
            rows={4}
            characterLimit={LIMITS.brandSummary}
          />
        </div>
        <div data-testid="agent-tone">
          <Select
            id={fieldId("tone")}
            label="Tone"
            help={toneHelp[draft.tone]}
            value={draft.tone}
            onChange={(event) => set("tone", event.target.value as Tone)}
            fieldClassName="sm:max-w-xs"
          >
            {TONES.map((tone) => (
              <option key={tone} value={tone}>
                {toneLabels[tone]}
              </option>
            ))}
          </Select>
        </div>
        {/* Also shown while a custom tone left behind is too long: the server refuses it even for a preset. */}
        {draft.tone === "custom" || draft.customTone.length > LIMITS.customTone ? (
          <div data-testid="agent-customTone">
            <Textarea
              id={fieldId("customTone")}
              label="Custom tone"
              help="A sentence or two on the voice, e.g. “Calm and knowledgeable, like a trail guide; short sentences, no exclamation marks.”"
              error={errors.customTone}
              value={draft.customTone}
              onChange={(event) => set("customTone", event.target.value)}
              maxLength={INPUT_CAPS.customTone}
              rows={2}
              characterLimit={LIMITS.customTone}
            />
          </div>
        ) : null}

        <ListEditor<StyleRuleDraft>
          id={fieldId("styleRules")}
          legend="Communication-style rules"
          help="House rules the agent follows in every reply, e.g. “Sign off as Team Juniper” or “Never promise a delivery date”."
          noun="style rule"
          testId="style-rule"
          items={draft.styleRules}
          max={LIMITS.styleRules}
          error={errors.styleRules}
          isReorderable
          emptyText="No style rules yet; the agent follows the tone alone."
          onChange={(styleRules) => set("styleRules", styleRules)}
          createItem={() => ({ key: newKey("style"), title: "", description: "" })}
          firstFieldId={(rule) => fieldId(`styleRules.${rule.key}.title`)}
          renderItem={(rule) => (
            <div className="flex flex-col gap-3">
              <Input
                id={fieldId(`styleRules.${rule.key}.title`)}
                label="Rule title"
                error={errors[`styleRules.${rule.key}.title`]}
                value={rule.title}
                onChange={(event) => setStyleRule(rule.key, "title", event.target.value)}
                placeholder="Sign off as Team Juniper"
                maxLength={INPUT_CAPS.ruleTitle}
                characterLimit={LIMITS.ruleTitle}
                autoComplete="off"
              />
              <Textarea
                id={fieldId(`styleRules.${rule.key}.description`)}
                label="Description"
                error={errors[`styleRules.${rule.key}.description`]}
                value={rule.description}
                onChange={(event) => setStyleRule(rule.key, "description", event.target.value)}
                placeholder="End each conversation’s last reply with “– Team Juniper”."
                maxLength={INPUT_CAPS.ruleDescription}
                rows={2}
                characterLimit={LIMITS.ruleDescription}
                className="min-h-16"
              />
            </div>
          )}
        />
      </div>

      <div className="flex flex-col gap-5 border-t border-slate-200 pt-5">
        <SubHeading>Handing off to a person</SubHeading>
        <ListEditor<EscalationRuleDraft>
          id={fieldId("escalationRules")}
          legend="Escalation rules"
          help="A shopper’s text containing one of these words goes straight to a person, e.g. Legal: lawyer, sue"
          noun="escalation rule"
          testId="escalation-rule"
          items={draft.escalationRules}
          max={LIMITS.escalationRules}
          error={errors.escalationRules}
          emptyText="No escalation rules yet; the agent hands off when a shopper asks for a person or it can’t help."
          onChange={(escalationRules) => set("escalationRules", escalationRules)}
          createItem={() => ({ key: newKey("escalation"), name: "", keywords: "" })}
          firstFieldId={(rule) => fieldId(`escalationRules.${rule.key}.name`)}
          renderItem={(rule) => (
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
              <Input
                id={fieldId(`escalationRules.${rule.key}.name`)}
                label="Rule name"
                help="Your team sees it as the reason for the handoff."
                error={errors[`escalationRules.${rule.key}.name`]}
                value={rule.name}
                onChange={(event) => setEscalationRule(rule.key, "name", event.target.value)}
                placeholder="Legal"
                maxLength={INPUT_CAPS.ruleName}
                autoComplete="off"
              />
              <Input
                id={fieldId(`escalationRules.${rule.key}.keywords`)}
                label="Keywords"
                help={`Separated by commas; up to ${LIMITS.keywords}, each one to three words. Any case matches.`}
                error={errors[`escalationRules.${rule.key}.keywords`]}
                value={rule.keywords}
                onChange={(event) => setEscalationRule(rule.key, "keywords", event.target.value)}
                placeholder="lawyer, sue, attorney"
                autoComplete="off"
                spellCheck={false}
              />
            </div>
          )}
        />

        <RadioGroup<HandoffMode>
          id={fieldId("handoffMode")}
          legend="When the agent hands off"
          help="A handoff happens when a shopper asks for a person, an escalation rule matches, the agent can’t help, or it reaches its reply limit."
          name={`${id}-handoffMode`}
          value={draft.handoffMode}
          onChange={(mode) => set("handoffMode", mode)}
          options={[
            {
              value: "inbox",
              label: "Send to the Conversations inbox (a teammate replies)",
              help: "The agent tells the shopper someone will follow up, and the conversation waits in the inbox.",
            },
            {
              value: "closeout",
              label: "Send a closeout message",
              help: "The agent texts the closeout message below and closes the conversation; nobody on your team is asked to reply.",
            },
          ]}
        />
        <div data-testid="agent-closeoutMessage">
          <Textarea
            id={fieldId("closeoutMessage")}
            label="Closeout message"
            help={
              isCloseout
                ? "Texted to the shopper at every handoff. Required, and it must fit one SMS."
                : "Only sent when “Send a closeout message” is chosen. Kept here if you switch; it must fit one SMS."
            }
            error={errors.closeoutMessage}
            value={draft.closeoutMessage}
            onChange={(event) => set("closeoutMessage", event.target.value)}
            maxLength={INPUT_CAPS.closeoutMessage}
            rows={2}
            showSegments
            required={isCloseout}
          />
        </div>
      </div>

      <div className="flex flex-col gap-5 border-t border-slate-200 pt-5">
        <SubHeading>Limits</SubHeading>
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
          <div data-testid="agent-maxRepliesPerConversation">
            <Input
              id={fieldId("maxRepliesPerConversation")}
              label="Agent replies per conversation"
              help={`${LIMITS.maxReplies.min} to ${LIMITS.maxReplies.max}. At the cap, the agent hands off instead of texting more.`}
              error={errors.maxRepliesPerConversation}
              type="number"
              inputMode="numeric"
              min={LIMITS.maxReplies.min}
              max={LIMITS.maxReplies.max}
              step={1}
              value={draft.maxRepliesPerConversation}
              onChange={(event) => set("maxRepliesPerConversation", event.target.value)}
              className="sm:max-w-32"
            />
          </div>
          <div data-testid="agent-conversationWindowHours">
            <Input
              id={fieldId("conversationWindowHours")}
              label="Conversation window (hours)"
              help={`${LIMITS.windowHours.min} to ${LIMITS.windowHours.max} (7 days). A text within this many hours of the last one continues the conversation; after that, a new one starts and the reply count starts over.`}
              error={errors.conversationWindowHours}
              type="number"
              inputMode="numeric"
              min={LIMITS.windowHours.min}
              max={LIMITS.windowHours.max}
              step={1}
              value={draft.conversationWindowHours}
              onChange={(event) => set("conversationWindowHours", event.target.value)}
              className="sm:max-w-32"
            />
          </div>
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <Button type="submit" isLoading={save.isPending}>
          Save agent settings
        </Button>
        <p className="text-xs text-slate-500" aria-live="polite">
          {save.isPending ? "Saving…" : isDirty ? "You have unsaved changes." : "No unsaved changes."}
        </p>
      </div>
      {summary ? (
        <p role="alert" className="-mt-3 rounded-md bg-failed-soft px-3 py-2 text-sm text-failed-ink" data-testid="agent-error">
          {summary}
        </p>
      ) : null}
    </form>
  );
}
