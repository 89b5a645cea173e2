"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { plural } from "@/components/ui/format";
import { PlusIcon, WorkflowIcon } from "@/components/ui/icons";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { AssistantsSection } from "./assistants-section";
import { CollectionsSection } from "./collections-section";
import { ActiveBadge, GoalBadge } from "./goal-badge";
import { TestMatching } from "./test-matching";
import type { Workflow } from "./workflow-draft";

/** How texts meet workflows, said once on the page (and shortened in the form's help). */
const PRIORITY_CONVENTION =
  "Each text is checked against the active workflows from the highest priority down, and the first that matches guides the conversation and stays with it. At equal priority, keyword workflows come before General inquiry, then the older one.";

function keywordSummary(workflow: Workflow): string {
  if (workflow.goal === "general_inquiry") return "Matches every text (catch-all)";
  const shown = workflow.keywords.slice(0, 5).join(", ");
  return `Matches: ${shown}${workflow.keywords.length > 5 ? ", …" : ""}`;
}

function WorkflowCard({ workflow, onToggle, isToggling, onDelete }: { workflow: Workflow; onToggle: (isActive: boolean) => void; isToggling: boolean; onDelete: () => void }) {
  const titleId = `workflow-${workflow.id}`;
  return (
    <Card className="flex flex-col" data-testid="workflow-card" aria-labelledby={titleId} role="group">
      <div className="flex flex-1 flex-col gap-2 px-4 pt-4 pb-3">
        <div className="flex flex-wrap items-center gap-2">
          <ActiveBadge isActive={workflow.isActive} />
          <GoalBadge goal={workflow.goal} />
        </div>
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          <Link href={`/sms-workflows/${workflow.id}`} className="rounded hover:underline">
            {workflow.name}
          </Link>
        </h2>
        <p className="line-clamp-2 text-sm text-slate-600" title={workflow.description || undefined}>
          {workflow.description || <span className="text-slate-400">No description</span>}
        </p>
        <p className="truncate text-xs text-slate-500" title={workflow.keywords.join(", ") || undefined}>
          {keywordSummary(workflow)}
        </p>
        <dl className="mt-auto flex flex-wrap gap-x-4 gap-y-1 pt-1 text-xs text-slate-600">
          <div className="flex gap-1">
            <dt className="sr-only">Steps</dt>
            <dd data-testid="workflow-step-count">{plural(workflow.stepCount, "step")}</dd>
          </div>
          <div className="flex gap-1">
            <dt>Priority</dt>
            <dd className="font-medium text-slate-800 tabular-nums" data-testid="workflow-priority">
              {workflow.priority}
            </dd>
          </div>
          {workflow.assistantName ? (
            <div className="flex gap-1">
              <dt>Assistant</dt>
              <dd className="font-medium text-slate-800">{workflow.assistantName}</dd>
            </div>
          ) : null}
        </dl>
      </div>
      <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-4 py-2.5">
        <Switch label="Active" checked={workflow.isActive} aria-busy={isToggling || undefined} onChange={(event) => onToggle(event.target.checked)} aria-describedby={titleId} />
        <div className="flex gap-1">
          <Link href={`/sms-workflows/${workflow.id}`} className={buttonClasses({ variant: "ghost", size: "sm" })} aria-describedby={titleId}>
            Edit
          </Link>
          <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50 hover:text-red-800" aria-describedby={titleId} onClick={onDelete}>
            Delete
          </Button>
        </div>
      </div>
    </Card>
  );
}

/** The page's body: the workflows as cards (in the order they're checked), test matching, collections, assistants. */
export function WorkflowsOverview() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const workflows = useQuery(trpc.workflows.list.queryOptions());
  const listKey = trpc.workflows.list.queryKey();
  const [deleting, setDeleting] = useState<Workflow | null>(null);

  const setActive = useMutation(
    trpc.workflows.setActive.mutationOptions({
      // The switch moves at once; a failed save puts it back.
      // Set before awaiting anything, so the switch moves in the same tick as the click; a list
      // refetch still in flight is cancelled without reverting, so it can't flip the switch back.
      onMutate: async ({ id, isActive }) => {
        const before = queryClient.getQueryData(listKey);
        queryClient.setQueryData(listKey, (all) => all?.map((w) => (w.id === id ? { ...w, isActive } : w)));
        await queryClient.cancelQueries({ queryKey: listKey }, { revert: false });
        return { before };
      },
      onSuccess: (saved) => {
        queryClient.setQueryData(listKey, (all) => all?.map((w) => (w.id === saved.id ? saved : w)));
        toast({
          tone: "success",
          title: saved.isActive ? "Workflow activated" : "Workflow deactivated",
          description: saved.isActive ? `${saved.name} now guides matching conversations.` : `${saved.name} no longer guides conversations; it's kept for later.`,
        });
      },
      onError: (error, _input, context) => {
        if (context?.before) queryClient.setQueryData(listKey, context.before);
        toast({ tone: "error", title: "Workflow not changed", description: errorMessageOf(error) });
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
    }),
  );
  const remove = useMutation(
    trpc.workflows.delete.mutationOptions({
      onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: listKey }), queryClient.invalidateQueries({ queryKey: trpc.workflows.assistants.queryKey() })]),
    }),
  );

  function deleteWorkflow(workflow: Workflow) {
    remove.mutate(
      { id: workflow.id },
      {
        onSuccess: () => {
          queryClient.setQueryData(listKey, (all) => all?.filter((w) => w.id !== workflow.id));
          setDeleting(null);
          toast({ tone: "success", title: "Workflow deleted", description: `${workflow.name} is gone for good.` });
        },
        onError: (error) => toast({ tone: "error", title: "Workflow not deleted", description: errorMessageOf(error) }),
      },
    );
  }

  function deactivateInstead(workflow: Workflow) {
    setActive.mutate({ id: workflow.id, isActive: false }, { onSuccess: () => setDeleting(null) });
  }

  const rows = workflows.data ?? [];

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="workflows-heading" className="flex flex-col gap-3">
        <div className="max-w-[720px]">
          <h2 id="workflows-heading" className="text-base font-semibold text-slate-900">
            Workflows
          </h2>
          <p className="mt-1 text-sm text-slate-600" data-testid="priority-convention">
            <span className="font-medium text-slate-800">Higher priority wins.</span> {PRIORITY_CONVENTION}
          </p>
        </div>
        {workflows.isPending ? (
          <SkeletonRows rows={3} label="Loading workflows…" />
        ) : workflows.isError ? (
          <ErrorNotice message={errorMessageOf(workflows.error)} onRetry={() => void workflows.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={<WorkflowIcon className="size-5" />}
            title="No SMS workflows yet"
            description="A workflow tells the agent what to achieve in a kind of conversation — collect a lead's details, open a support ticket, offer a booking link — and in which steps."
            action={
              <Link href="/sms-workflows/new" className={buttonClasses()}>
                <PlusIcon />
                Create a workflow
              </Link>
            }
          />
        ) : (
          <ul className="grid grid-cols-1 gap-4 md:grid-cols-2 2xl:grid-cols-3" aria-label="Workflows, in the order they are checked">
            {rows.map((workflow) => (
              <li key={workflow.id} className="flex">
                <div className="flex flex-1 flex-col [&>*]:flex-1">
                  <WorkflowCard
                    workflow={workflow}
                    isToggling={setActive.isPending && setActive.variables?.id === workflow.id}
                    onToggle={(isActive) => setActive.mutate({ id: workflow.id, isActive })}
                    onDelete={() => setDeleting(workflow)}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <TestMatching />
      <CollectionsSection />
      <AssistantsSection />

      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        role="alertdialog"
        title={deleting ? `Delete “${deleting.name}”?` : "Delete workflow?"}
        description={
          deleting ? (
            <>
              <p>
                Deleting is permanent: the workflow and its steps can&apos;t be restored. Records it saved stay in their collections, and conversations it
                guides continue without it.
              </p>
              <p className="mt-2">To stop it guiding conversations but keep it for later, deactivate it instead.</p>
            </>
          ) : null
        }
        testId="delete-workflow-dialog"
      >
        {deleting ? (
          <DialogActions className="mt-0">
            <Button variant="secondary" onClick={() => setDeleting(null)} data-autofocus="">
              Cancel
            </Button>
            {deleting.isActive ? (
              <Button variant="secondary" isLoading={setActive.isPending} disabled={remove.isPending} onClick={() => deactivateInstead(deleting)}>
                Deactivate instead
              </Button>
            ) : null}
            <Button variant="danger" isLoading={remove.isPending} disabled={setActive.isPending} onClick={() => deleteWorkflow(deleting)}>
              Delete permanently
            </Button>
          </DialogActions>
        ) : null}
      </Dialog>
    </div>
  );
}
