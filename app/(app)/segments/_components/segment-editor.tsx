"use client";
/**
 * The segment builder page: name and description, the conditions (or, for a saved definition the
 * builder can't show, that definition read-only), the live count beside them, and Save / Delete.
 * New segments may start from a ready-made example (/segments/new?example=<key>).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { JsonBlock } from "@/components/json-block";
import { PageHeader } from "@/components/page-header";
import { errorCodeOf, errorMessageOf, useTRPC } from "@/components/trpc";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { plural } from "@/components/ui/format";
import { ArrowLeftIcon, SegmentsIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { segmentDefinitionSchema, type SegmentNode } from "@/server/segments/definition";
import { ConditionGroups, type ConditionActions, type FieldUi } from "./condition-groups";
import { DeleteSegmentButton } from "./delete-segment";
import { LiveCount, useLivePreview } from "./live-count";
import {
  addConditionToGroup,
  addGroup,
  changeConditionKind,
  conditionFieldId,
  definitionToDraft,
  draftFingerprint,
  draftToDefinition,
  emptyDraft,
  issuesByField,
  newCondition,
  placeDefinitionErrors,
  removeCondition,
  updateCondition,
  type ConditionPath,
  type SegmentDraft,
} from "./segment-draft";
import { SegmentMembers } from "./segment-members";

const NAME_LIMIT = 100;
const DESCRIPTION_LIMIT = 500;

type Initial = { name: string; description: string; definition: SegmentNode | null };
type Conditions = { mode: "builder"; draft: SegmentDraft } | { mode: "readonly"; definition: SegmentNode; reason: string };

function conditionsOf(definition: SegmentNode | null): Conditions {
  if (!definition) return { mode: "builder", draft: emptyDraft() };
  const opened = definitionToDraft(definition);
  return opened.fits ? { mode: "builder", draft: opened.draft } : { mode: "readonly", definition, reason: opened.reason };
}

function fingerprintOf(name: string, description: string, conditions: Conditions): string {
  return JSON.stringify([name.trim(), description.trim(), conditions.mode === "builder" ? draftFingerprint(conditions.draft) : conditions.definition]);
}

/** The server's per-field messages of a failed call (`error.data.fieldErrors`). */
function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = (error as { data?: { fieldErrors?: unknown } } | null)?.data?.fieldErrors;
  if (!fields || typeof fields !== "object") return {};
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function BackLink() {
  return (
    <Link href="/segments" className="mb-4 inline-flex items-center gap-1.5 rounded text-sm font-medium text-slate-600 hover:text-slate-900">
      <ArrowLeftIcon />
      Segments
    </Link>
  );
}

function EditorSkeleton({ label }: { label: string }) {
  return (
    <div role="status" className="flex flex-col gap-4">
      <span className="sr-only">{label}</span>
      <Skeleton className="h-7 w-56" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="mt-2 grid gap-6 lg:grid-cols-[minmax(0,760px)_20rem]">
        <div className="flex flex-col gap-4">
          <Skeleton className="h-36 w-full" />
          <Skeleton className="h-56 w-full" />
        </div>
        <Skeleton className="h-48 w-full" />
      </div>
    </div>
  );
}

/** A definition passed in the URL (?definition=<JSON>&name=…), checked like a saved one; null when it isn't one. */
function prefilledDefinition(json: string): SegmentNode | null {
  try {
    const parsed = segmentDefinitionSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** /segments/new, blank, from an example, or prefilled by another page. */
export function NewSegmentEditor({ exampleKey, prefill = null }: { exampleKey: string | null; prefill?: { definition: string; name: string } | null }) {
  const trpc = useTRPC();
  const examples = useQuery({ ...trpc.segments.examples.queryOptions(), enabled: exampleKey !== null && prefill === null });

  if (prefill !== null) {
    const definition = prefilledDefinition(prefill.definition);
    return (
      <>
        <BackLink />
        <SegmentForm
          initial={{ name: prefill.name.slice(0, NAME_LIMIT), description: "", definition }}
          notice={
            definition ? (
              <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600" data-testid="segment-prefill-notice">
                The conditions are filled in from the link you followed. Adjust them if you like, then save the segment to keep it.
              </p>
            ) : (
              <p role="alert" className="rounded-md border border-amber-200 bg-escalated-soft px-3 py-2 text-sm text-escalated-ink">
                The link’s conditions couldn’t be read, so you’re starting from scratch.
              </p>
            )
          }
        />
      </>
    );
  }

  if (exampleKey === null) {
    return (
      <>
        <BackLink />
        <SegmentForm initial={{ name: "", description: "", definition: null }} />
      </>
    );
  }
  if (examples.isPending) return <EditorSkeleton label="Loading the example…" />;
  if (examples.isError) {
    return (
      <>
        <BackLink />
        <ErrorNotice message={errorMessageOf(examples.error)} onRetry={() => void examples.refetch()} />
      </>
    );
  }
  const example = examples.data.find((e) => e.key === exampleKey);
  return (
    <>
      <BackLink />
      <SegmentForm
        key={example?.key ?? "blank"}
        initial={example ? { name: example.name, description: example.description, definition: example.definition } : { name: "", description: "", definition: null }}
        notice={
          example ? (
            <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600" data-testid="segment-example-notice">
              Started from the example <span className="font-medium text-slate-900">“{example.name}”</span>. Adjust it if you like, then save it to keep it.
            </p>
          ) : (
            <p role="alert" className="rounded-md border border-amber-200 bg-escalated-soft px-3 py-2 text-sm text-escalated-ink">
              There’s no example called “{exampleKey}”, so you’re starting from scratch. The examples are listed on the Segments page.
            </p>
          )
        }
      />
    </>
  );
}

/** /segments/<id>. */
export function EditSegmentEditor({ id }: { id: string }) {
  const trpc = useTRPC();
  const segment = useQuery({ ...trpc.segments.get.queryOptions({ id }), refetchOnWindowFocus: false });

  if (segment.isPending) return <EditorSkeleton label="Loading the segment…" />;
  if (segment.isError) {
    return (
      <>
        <BackLink />
        {errorCodeOf(segment.error) === "NOT_FOUND" ? (
          <EmptyState
            icon={<SegmentsIcon className="size-5" />}
            title="This segment doesn’t exist"
            description="It may have been deleted, or the link is wrong."
            action={
              <Link href="/segments" className={buttonClasses()}>
                Back to Segments
              </Link>
            }
          />
        ) : (
          <ErrorNotice message={errorMessageOf(segment.error)} onRetry={() => void segment.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      <BackLink />
      <SegmentForm key={id} segmentId={id} initial={segment.data} />
      <div className="mt-10">
        <SegmentMembers segmentId={id} />
      </div>
    </>
  );
}

function SegmentForm({ segmentId, initial, notice }: { segmentId?: string; initial: Initial; notice?: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const catalog = useQuery({ ...trpc.segments.catalog.queryOptions(), staleTime: 60_000 });

  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [conditions, setConditions] = useState<Conditions>(() => conditionsOf(initial.definition));
  // The saved definition the builder couldn't show, while the person tries new conditions instead.
  const [replaced, setReplaced] = useState<Extract<Conditions, { mode: "readonly" }> | null>(null);
  const [savedFingerprint, setSavedFingerprint] = useState(() => (segmentId ? fingerprintOf(initial.name, initial.description, conditionsOf(initial.definition)) : null));
  const [savedName, setSavedName] = useState(initial.name);
  // Errors from the last save, by field id; "what is missing" shows for fields left (touched) or after a save attempt.
  const [saveErrors, setSaveErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [isShowingAllIssues, setIsShowingAllIssues] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  const domId = (fieldId: string) => `${formId}-${fieldId.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  const addConditionId = domId("add-condition");

  const result = useMemo(() => (conditions.mode === "builder" ? draftToDefinition(conditions.draft) : null), [conditions]);
  const definition = conditions.mode === "readonly" ? conditions.definition : result?.status === "complete" ? result.definition : null;
  const preview = useLivePreview(definition);

  const localIssues = useMemo(() => (result?.status === "incomplete" ? issuesByField(result.issues) : {}), [result]);
  const previewErrors = useMemo(
    () => (preview.state === "error" && result?.status === "complete" ? placeDefinitionErrors(fieldErrorsOf(preview.error), result.paths).fields : {}),
    [preview.state, preview.error, result],
  );
  const hint = result?.status === "incomplete" ? (result.issues[0]?.message ?? null) : null;

  const isDirty = savedFingerprint === null || fingerprintOf(name, description, conditions) !== savedFingerprint;

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  // Leaving with unsaved changes asks first (a reload or closing the tab; links inside the app don't).
  useEffect(() => {
    if (!isDirty || (!segmentId && conditions.mode === "builder" && conditions.draft.groups.length === 0 && !name.trim())) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [isDirty, segmentId, conditions, name]);

  const ui: FieldUi = {
    domId,
    errorOf: (fieldId) => saveErrors[fieldId] ?? previewErrors[fieldId] ?? (isShowingAllIssues || touched.has(fieldId) ? localIssues[fieldId] : undefined),
    touch: (fieldId) => {
      if (!touched.has(fieldId)) setTouched((all) => new Set(all).add(fieldId));
    },
  };

  function clearConditionErrors() {
    setSaveErrors((all) => {
      const kept = Object.fromEntries(Object.entries(all).filter(([key]) => key === "name" || key === "description"));
      return Object.keys(kept).length === Object.keys(all).length ? all : kept;
    });
  }

  function changeDraft(change: (draft: SegmentDraft) => SegmentDraft) {
    setConditions((current) => (current.mode === "builder" ? { mode: "builder", draft: change(current.draft) } : current));
    clearConditionErrors();
  }

  const actions: ConditionActions = {
    addGroup: () => {
      const condition = newCondition("unset");
      changeDraft((draft) => addGroup(draft, condition));
      setFocusTarget(domId(conditionFieldId(condition.key, "kind")));
    },
    addOr: (groupKey) => {
      const condition = newCondition("unset");
      changeDraft((draft) => addConditionToGroup(draft, groupKey, condition));
      setFocusTarget(domId(conditionFieldId(condition.key, "kind")));
    },
    remove: (conditionKey) => {
      changeDraft((draft) => removeCondition(draft, conditionKey));
      setFocusTarget(addConditionId);
    },
    changeKind: (conditionKey, kind) => changeDraft((draft) => updateCondition(draft, conditionKey, (c) => changeConditionKind(c, kind))),
    update: (conditionKey, update) => changeDraft((draft) => updateCondition(draft, conditionKey, update)),
  };

  function focusFirstInvalid() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  function fail(errors: Record<string, string>, message: string) {
    setSaveErrors(errors);
    setSummary(message);
    toast({ tone: "error", title: segmentId ? "Segment not saved" : "Segment not created", description: message });
    focusFirstInvalid();
  }

  const create = useMutation(trpc.segments.create.mutationOptions());
  const update = useMutation(trpc.segments.update.mutationOptions());
  const isSaving = create.isPending || update.isPending;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (isSaving) return;
    setIsShowingAllIssues(true);
    setSummary(null);
    const nameError = name.trim() ? null : "Name the segment.";
    let sentDefinition: SegmentNode;
    let paths: ConditionPath[] = [];
    if (conditions.mode === "readonly") sentDefinition = conditions.definition;
    else if (result?.status === "complete") {
      sentDefinition = result.definition;
      paths = result.paths;
    } else {
      const count = result?.status === "incomplete" ? Object.keys(localIssues).length : 0;
      fail(nameError ? { name: nameError } : {}, `Nothing was saved. ${count > 0 ? `${plural(count, "thing")} to finish in the conditions` : "Finish the conditions"}${nameError ? ", and name the segment" : ""}.`);
      return;
    }
    if (nameError) {
      fail({ name: nameError }, "Nothing was saved. Name the segment.");
      return;
    }
    const sent = { name: name.trim(), description: description.trim(), definition: sentDefinition };
    const sentFingerprint = fingerprintOf(name, description, conditions);
    const request = segmentId ? update.mutateAsync({ id: segmentId, ...sent }) : create.mutateAsync(sent);
    request.then(
      (saved) => {
        setSaveErrors({});
        setSummary(null);
        setSavedFingerprint(sentFingerprint);
        setSavedName(saved.name);
        void queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.segments.memberCounts.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.segments.members.queryKey() });
        queryClient.setQueryData(trpc.segments.get.queryKey({ id: saved.id }), saved);
        if (segmentId) {
          toast({ tone: "success", title: "Segment saved", description: saved.name });
        } else {
          toast({ tone: "success", title: "Segment created", description: saved.name });
          router.replace(`/segments/${saved.id}`);
        }
      },
      (error: unknown) => {
        const fields = fieldErrorsOf(error);
        const placed = placeDefinitionErrors(fields, paths);
        const errors: Record<string, string> = { ...placed.fields };
        if (fields.name) errors.name = fields.name;
        if (fields.description) errors.description = fields.description;
        const count = Object.keys(errors).length;
        const message =
          count > 0
            ? [`Nothing was saved. ${count === 1 ? "Fix the field marked below" : `Fix the ${count} fields marked below`} and save again.`, ...placed.unplaced].join(" ")
            : placed.unplaced.length > 0
              ? `Nothing was saved. ${placed.unplaced.join(" ")}`
              : errorMessageOf(error);
        fail(errors, message);
      },
    );
  }

  function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      formRef.current?.requestSubmit();
      return;
    }
    // Enter in a one-line field doesn't save by accident; use the Save button or Ctrl/Cmd+Enter.
    if (event.target instanceof HTMLInputElement) event.preventDefault();
  }

  const title = segmentId ? savedName || "Segment" : "New segment";

  return (
    <>
      <PageHeader
        title={title}
        description={segmentId ? "Change who belongs in this segment; the count beside the conditions updates as you go." : "Describe who belongs in this segment; the count beside the conditions updates as you go."}
      />
      {notice ? <div className="mb-4 max-w-[760px]">{notice}</div> : null}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,760px)_20rem]">
        <form
          ref={formRef}
          onSubmit={onSubmit}
          onKeyDown={onFormKeyDown}
          noValidate
          aria-label={segmentId ? `Edit segment ${savedName}` : "New segment"}
          aria-describedby={`${formId}-keys`}
          className="flex min-w-0 flex-col gap-6"
          data-testid="segment-form"
        >
          <p id={`${formId}-keys`} className="sr-only">
            Press Control+Enter or Command+Enter to save from any field.
          </p>
          <Card>
            <CardHeader title="Details" description="How the segment shows up in lists, campaigns and the agent’s settings." />
            <CardBody className="flex flex-col gap-4 py-4">
              <Input
                id={domId("name")}
                label="Name"
                value={name}
                maxLength={NAME_LIMIT}
                error={saveErrors.name}
                placeholder="VIPs in Denver"
                autoComplete="off"
                onChange={(e) => {
                  setName(e.target.value);
                  if (saveErrors.name) setSaveErrors(({ name: _n, ...rest }) => rest);
                }}
                data-testid="segment-name"
              />
              <Textarea
                id={domId("description")}
                label="Description (optional)"
                help="For your team: what the segment is for."
                value={description}
                maxLength={DESCRIPTION_LIMIT}
                rows={2}
                error={saveErrors.description}
                onChange={(e) => {
                  setDescription(e.target.value);
                  if (saveErrors.description) setSaveErrors(({ description: _d, ...rest }) => rest);
                }}
                data-testid="segment-description"
              />
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="Conditions" description="Shoppers are in the segment when they match every group; within a group, any one condition is enough." />
            <CardBody className="py-4">
              {conditions.mode === "builder" ? (
                <>
                  {replaced ? (
                    <div className="mb-3 flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
                      <span>Saving replaces the saved conditions with these.</span>
                      <Button
                        variant="secondary"
                        size="sm"
                        onClick={() => {
                          setConditions(replaced);
                          setReplaced(null);
                          clearConditionErrors();
                        }}
                      >
                        Keep the saved conditions
                      </Button>
                    </div>
                  ) : null}
                  <ConditionGroups draft={conditions.draft} catalog={catalog.data} ui={ui} actions={actions} addConditionId={addConditionId} />
                  {catalog.isError ? <p className="mt-3 text-sm text-slate-600">Couldn’t load the lists of events and properties ({errorMessageOf(catalog.error)}); you can still type property names.</p> : null}
                </>
              ) : (
                <div className="flex flex-col gap-3" data-testid="segment-readonly-definition">
                  <div role="note" className="rounded-md border border-amber-200 bg-escalated-soft px-3 py-2 text-sm text-escalated-ink">
                    <p className="font-medium">The builder can’t show these conditions, so they’re shown as saved.</p>
                    <p className="mt-1">{conditions.reason} They stay exactly as they are when you save; you can still rename the segment or change its description.</p>
                  </div>
                  <JsonBlock value={conditions.definition} label="Saved conditions (JSON)" />
                  <div>
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() => {
                        setReplaced(conditions);
                        setConditions({ mode: "builder", draft: emptyDraft() });
                        setFocusTarget(addConditionId);
                      }}
                    >
                      Replace with new conditions
                    </Button>
                  </div>
                </div>
              )}
            </CardBody>
          </Card>

          <div className="flex flex-col gap-3">
            {summary ? (
              <p role="alert" className="rounded-md border border-red-200 bg-failed-soft px-3 py-2 text-sm text-failed-ink" data-testid="segment-save-summary">
                {summary}
              </p>
            ) : null}
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" isLoading={isSaving} data-testid="segment-save">
                Save segment
              </Button>
              <Link href="/segments" className={buttonClasses({ variant: "secondary" })}>
                Cancel
              </Link>
              <span className="text-sm text-slate-500" aria-live="polite" data-testid="segment-dirty">
                {!segmentId ? "Not saved yet" : isDirty ? "Unsaved changes" : "All changes saved"}
              </span>
              {segmentId ? (
                <div className="ml-auto">
                  <DeleteSegmentButton id={segmentId} name={savedName} />
                </div>
              ) : null}
            </div>
          </div>
        </form>

        <aside aria-label="Live member count" className="lg:sticky lg:top-6">
          <LiveCount preview={preview} hint={hint} subject={segmentId && isDirty ? "For the conditions as edited, not yet saved." : "For the conditions as they are now."} />
        </aside>
      </div>
    </>
  );
}
