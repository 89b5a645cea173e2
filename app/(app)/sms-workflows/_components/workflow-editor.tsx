"use client";
/**
 * Create or edit a workflow: what it is for (name, goal, description, keywords, priority,
 * assistant, active), what the agent should know (context, response template) and its steps.
 * The server checks every field; its messages show next to each field and focus moves to the first.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { PageHeader } from "@/components/page-header";
import { errorCodeOf, errorMessageOf, useTRPC } from "@/components/trpc";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { ArrowLeftIcon, WorkflowIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { defaultKeywordsFor, goalDescriptions, goalLabels, workflowGoals, type WorkflowGoal } from "@/server/workflows/goal-keywords";
import { fieldErrorsOf, focusFirstInvalid, submitOnModEnter } from "./form-errors";
import { StepBuilder, stepFieldIds } from "./step-builder";
import { changeGoal, draftOf, emptyDraft, keywordsText, toInput, type Workflow, type WorkflowDraft } from "./workflow-draft";

const FORM_FIELDS = ["name", "goal", "description", "keywords", "priority", "assistantId", "context", "responseTemplate"] as const;

function BackLink() {
  return (
    <Link href="/sms-workflows" className="mb-4 inline-flex items-center gap-1.5 rounded text-sm font-medium text-slate-600 hover:text-slate-900">
      <ArrowLeftIcon />
      SMS Workflows
    </Link>
  );
}

export function WorkflowEditor({ workflowId }: { workflowId: string | null }) {
  const trpc = useTRPC();
  const workflow = useQuery({ ...trpc.workflows.get.queryOptions({ id: workflowId ?? "" }), enabled: workflowId !== null });

  if (workflowId === null) {
    return (
      <>
        <BackLink />
        <PageHeader title="New workflow" description="Tell the agent what to achieve in a kind of conversation, what it should know, and the steps to get there." />
        <WorkflowForm workflow={null} />
      </>
    );
  }
  if (workflow.isPending) {
    return (
      <>
        <BackLink />
        <SkeletonRows rows={6} label="Loading workflow…" />
      </>
    );
  }
  if (workflow.isError) {
    return (
      <>
        <BackLink />
        {errorCodeOf(workflow.error) === "NOT_FOUND" ? (
          <EmptyState
            icon={<WorkflowIcon className="size-5" />}
            title="This workflow does not exist"
            description="It may have been deleted, or the link belongs to another brand."
            action={
              <Link href="/sms-workflows" className={buttonClasses()}>
                Back to SMS Workflows
              </Link>
            }
          />
        ) : (
          <ErrorNotice message={errorMessageOf(workflow.error)} onRetry={() => void workflow.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      <BackLink />
      <PageHeader title={workflow.data.name} description="Edit what the workflow is for, what the agent should know, and its steps." />
      <WorkflowForm key={workflow.data.id} workflow={workflow.data} />
    </>
  );
}

function WorkflowForm({ workflow }: { workflow: Workflow | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const assistants = useQuery(trpc.workflows.assistants.queryOptions());
  const [draft, setDraft] = useState<WorkflowDraft>(() => (workflow ? draftOf(workflow) : emptyDraft()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);

  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.workflows.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.workflows.assistants.queryKey() })]);
  const create = useMutation(trpc.workflows.create.mutationOptions({ onSettled: refresh }));
  const update = useMutation(trpc.workflows.update.mutationOptions({ onSettled: refresh }));
  const isSaving = create.isPending || update.isPending;

  const fieldId = (key: string) => `${id}-${key}`;
  const stepIdOf = (step: { key: string }) => `${id}-step-${step.key}`;

  function set<K extends keyof WorkflowDraft>(key: K, value: WorkflowDraft[K]) {
    setDraft((all) => ({ ...all, [key]: value }));
    if (errors[key]) setErrors((all) => ({ ...all, [key]: "" }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSaving) return;
    setErrors({});
    setSummary(null);
    const input = toInput(draft);
    try {
      const saved = workflow ? await update.mutateAsync({ ...input, id: workflow.id }) : await create.mutateAsync(input);
      queryClient.setQueryData(trpc.workflows.get.queryKey({ id: saved.id }), saved);
      toast({
        tone: "success",
        title: workflow ? "Workflow saved" : "Workflow created",
        description: `${saved.name}: ${saved.stepCount === 1 ? "1 step" : `${saved.stepCount} steps`}, ${saved.isActive ? "active" : "inactive"}.`,
      });
      router.push("/sms-workflows");
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      const ordered: [string, string][] = [...FORM_FIELDS.map((k): [string, string] => [k, fieldId(k)]), ...stepFieldIds(draft.steps, stepIdOf)];
      const isPlaced = ordered.some(([k]) => fields[k]) || Boolean(fields.steps);
      setSummary(isPlaced ? "Nothing was saved. Fix the fields marked above and save again." : errorMessageOf(error));
      toast({ tone: "error", title: "Workflow not saved", description: errorMessageOf(error) });
      focusFirstInvalid(formRef.current, ordered, fields);
    }
  }

  const goal = draft.goal;
  const isCatchAll = goal === "general_inquiry";
  const defaults = goal ? keywordsText(defaultKeywordsFor(goal)) : "";

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} onKeyDown={submitOnModEnter} noValidate className="flex max-w-[720px] flex-col gap-6" data-testid="workflow-form">
      <Card>
        <CardHeader title="What it's for" description="When the workflow guides a conversation, and in which order it is checked." />
        <CardBody className="flex flex-col gap-4 py-4">
          <Input
            id={fieldId("name")}
            label="Name"
            value={draft.name}
            error={errors.name}
            maxLength={80}
            onChange={(e) => set("name", e.target.value)}
            placeholder="Bulk pricing leads"
            data-autofocus=""
            autoComplete="off"
          />
          <Select
            id={fieldId("goal")}
            label="Goal"
            help={goal ? goalDescriptions[goal] : "What the agent should achieve in these conversations."}
            value={goal}
            error={errors.goal}
            onChange={(e) => {
              setDraft((all) => changeGoal(all, e.target.value as WorkflowGoal));
              setErrors((all) => ({ ...all, goal: "", keywords: "" }));
            }}
          >
            <option value="" disabled>
              Choose a goal…
            </option>
            {workflowGoals.map((g) => (
              <option key={g} value={g}>
                {goalLabels[g]} ({g})
              </option>
            ))}
          </Select>
          <Textarea
            id={fieldId("description")}
            label="Description"
            help="For your team: shown on the workflow's card."
            value={draft.description}
            error={errors.description}
            rows={2}
            characterLimit={500}
            onChange={(e) => set("description", e.target.value)}
          />
          {isCatchAll ? (
            <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">General inquiry matches every text, so it has no keywords. Give keyword workflows a higher priority to let them go first.</p>
          ) : (
            <div className="flex flex-col gap-1">
              <Input
                id={fieldId("keywords")}
                label="Keywords"
                help="Comma-separated. A text matches when it contains one of them as whole words (a plural counts), in any case."
                value={draft.keywords}
                error={errors.keywords}
                maxLength={1000}
                onChange={(e) => set("keywords", e.target.value)}
                disabled={!goal}
                placeholder={goal ? defaults : "Choose a goal first"}
              />
              {goal && draft.keywords.trim() !== defaults ? (
                <button type="button" className="self-start rounded text-xs font-medium text-accent hover:underline" onClick={() => set("keywords", defaults)}>
                  Use the {goalLabels[goal]} defaults ({defaults})
                </button>
              ) : null}
            </div>
          )}
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Input
              id={fieldId("priority")}
              label="Priority"
              help="Higher wins: workflows are checked from the highest priority down (0 to 1000)."
              type="number"
              inputMode="numeric"
              min={0}
              max={1000}
              step={1}
              value={draft.priority}
              error={errors.priority}
              onChange={(e) => set("priority", e.target.value)}
            />
            <Select
              id={fieldId("assistantId")}
              label="Assistant"
              help={
                <>
                  Adds its instructions (and model) to the agent&apos;s guidance.{" "}
                  <Link href="/sms-workflows#assistants" className="font-medium text-accent hover:underline">
                    Manage assistants
                  </Link>
                </>
              }
              value={draft.assistantId}
              error={errors.assistantId}
              onChange={(e) => set("assistantId", e.target.value)}
            >
              <option value="">No assistant</option>
              {(assistants.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.model})
                </option>
              ))}
            </Select>
          </div>
          <Switch
            label="Active"
            help="Active workflows guide matching conversations. Turn it on when the steps are ready; you can also switch it on the workflow's card."
            checked={draft.isActive}
            onChange={(e) => set("isActive", e.target.checked)}
          />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="What the agent should know" description="Added to the agent's guidance while this workflow runs; the brand's safety rules still come first." />
        <CardBody className="flex flex-col gap-4 py-4">
          <Textarea
            id={fieldId("context")}
            label="Context for the agent"
            help="Business rules, FAQs and tone specific to this workflow: reference material for the agent, not a script."
            value={draft.context}
            error={errors.context}
            rows={5}
            characterLimit={5000}
            onChange={(e) => set("context", e.target.value)}
            placeholder="Volume pricing starts at 10 units. Quotes go out within one business day. Keep it friendly and brief."
          />
          <Textarea
            id={fieldId("responseTemplate")}
            label="Response template (optional)"
            help="Guidance for how the agent answers in this workflow; it adapts the wording. {name}, {first_name} and other collected fields fill in."
            value={draft.responseTemplate}
            error={errors.responseTemplate}
            rows={3}
            characterLimit={1000}
            onChange={(e) => set("responseTemplate", e.target.value)}
            placeholder="Thanks {first_name}! A teammate will send your quote by email within a day."
          />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Steps" description="Run in order as the conversation goes on. The card's step count follows what you save here." />
        <CardBody className="py-4">
          <StepBuilder steps={draft.steps} errors={errors} idOf={stepIdOf} onChange={(steps) => setDraft((all) => ({ ...all, steps }))} />
        </CardBody>
      </Card>

      {summary ? (
        <p role="alert" className="rounded-md bg-failed-soft px-3 py-2 text-sm text-failed-ink" data-testid="workflow-form-error">
          {summary}
        </p>
      ) : null}

      <div className="flex flex-wrap items-center justify-end gap-2">
        <Link href="/sms-workflows" className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </Link>
        <Button type="submit" isLoading={isSaving}>
          {workflow ? "Save workflow" : "Create workflow"}
        </Button>
      </div>
    </form>
  );
}
