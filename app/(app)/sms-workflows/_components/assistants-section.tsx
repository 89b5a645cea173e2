"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { ErrorNotice } from "@/components/ui/error-notice";
import { plural } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { fieldErrorsOf, focusFirstInvalid, submitOnModEnter } from "./form-errors";

type Assistant = RouterOutputs["workflows"]["assistants"][number];
type Editing = { mode: "create" } | { mode: "edit"; assistant: Assistant };

function AssistantForm({ assistant, onSaved, onCancel }: { assistant: Assistant | null; onSaved: (saved: { name: string }) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ name: assistant?.name ?? "", instructions: assistant?.instructions ?? "", model: assistant?.model ?? "builtin" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.workflows.assistants.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.workflows.list.queryKey() })]);
  const create = useMutation(trpc.workflows.createAssistant.mutationOptions({ onSettled: refresh }));
  const update = useMutation(trpc.workflows.updateAssistant.mutationOptions({ onSettled: refresh }));
  const ids = { name: `${id}-name`, instructions: `${id}-instructions`, model: `${id}-model` };

  function set(key: keyof typeof values, value: string) {
    setValues((all) => ({ ...all, [key]: value }));
    if (errors[key]) setErrors((all) => ({ ...all, [key]: "" }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setSummary(null);
    try {
      const saved = assistant ? await update.mutateAsync({ ...values, id: assistant.id }) : await create.mutateAsync(values);
      onSaved(saved);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      setSummary(Object.keys(ids).some((k) => fields[k]) ? "Nothing was saved. Fix the fields marked above and save again." : errorMessageOf(error));
      focusFirstInvalid(formRef.current, Object.entries(ids), fields);
    }
  }

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} onKeyDown={submitOnModEnter} noValidate className="flex flex-col gap-4" data-testid="assistant-form">
      <Input id={ids.name} label="Name" value={values.name} error={errors.name} maxLength={60} onChange={(e) => set("name", e.target.value)} data-autofocus="" placeholder="Sales assistant" />
      <Textarea
        id={ids.instructions}
        label="Instructions"
        help="Added to the agent's guidance while a workflow with this assistant guides a conversation, e.g. “Mention volume pricing starts at 10 units.”"
        value={values.instructions}
        error={errors.instructions}
        characterLimit={4000}
        rows={4}
        onChange={(e) => set("instructions", e.target.value)}
      />
      <Input
        id={ids.model}
        label="Model"
        help="builtin is Parley's built-in model. With an AI provider set up, a model id such as gpt-4o-mini uses that model for these conversations."
        value={values.model}
        error={errors.model}
        maxLength={100}
        spellCheck={false}
        className="font-mono"
        onChange={(e) => set("model", e.target.value)}
      />
      {summary ? (
        <p role="alert" className="rounded-md bg-failed-soft px-3 py-2 text-sm text-failed-ink">
          {summary}
        </p>
      ) : null}
      <DialogActions className="mt-1">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" isLoading={create.isPending || update.isPending}>
          Save assistant
        </Button>
      </DialogActions>
    </form>
  );
}

/** The brand's assistants (name, instructions, model) that workflows are assigned to. */
export function AssistantsSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const assistants = useQuery(trpc.workflows.assistants.queryOptions());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Assistant | null>(null);
  const remove = useMutation(
    trpc.workflows.deleteAssistant.mutationOptions({
      onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.workflows.assistants.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.workflows.list.queryKey() })]),
    }),
  );
  const rows = assistants.data ?? [];

  return (
    <section id="assistants" aria-labelledby="assistants-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-[720px]">
          <h2 id="assistants-heading" className="text-base font-semibold text-slate-900">
            Assistants
          </h2>
          <p className="mt-1 text-sm text-slate-600">Assign one to a workflow to add its instructions (and model) to the agent&apos;s guidance in that workflow.</p>
        </div>
        <Button variant="secondary" onClick={() => setEditing({ mode: "create" })}>
          Add assistant
        </Button>
      </div>
      {assistants.isPending ? (
        <SkeletonRows rows={2} label="Loading assistants…" />
      ) : assistants.isError ? (
        <ErrorNotice message={errorMessageOf(assistants.error)} onRetry={() => void assistants.refetch()} />
      ) : rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">
          No assistants yet. Workflows run with the agent&apos;s own settings until you assign one.
        </p>
      ) : (
        <Table label="Assistants">
          <THead>
            <tr>
              <TH>Name</TH>
              <TH className="w-full">Instructions</TH>
              <TH>Model</TH>
              <TH>Used by</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </tr>
          </THead>
          <TBody>
            {rows.map((row) => (
              <TR key={row.id} data-testid="assistant-row">
                <TD className="font-medium whitespace-nowrap text-slate-900" id={`assistant-${row.id}`}>
                  {row.name}
                </TD>
                <TD className="max-w-0 min-w-48">
                  <p className="line-clamp-2" title={row.instructions || undefined}>
                    {row.instructions || <span className="text-slate-400">No instructions</span>}
                  </p>
                </TD>
                <TD className="font-mono text-xs whitespace-nowrap">{row.model}</TD>
                <TD className="whitespace-nowrap">{plural(row.workflowCount, "workflow")}</TD>
                <TD className="py-2">
                  <div className="flex justify-end gap-1">
                    <Button variant="ghost" size="sm" aria-describedby={`assistant-${row.id}`} onClick={() => setEditing({ mode: "edit", assistant: row })}>
                      Edit
                    </Button>
                    <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50 hover:text-red-800" aria-describedby={`assistant-${row.id}`} onClick={() => setDeleting(row)}>
                      Delete
                    </Button>
                  </div>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}

      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing?.mode === "edit" ? `Edit ${editing.assistant.name}` : "Add assistant"} testId="assistant-dialog">
        {editing ? (
          <AssistantForm
            key={editing.mode === "edit" ? editing.assistant.id : "new"}
            assistant={editing.mode === "edit" ? editing.assistant : null}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null);
              toast({ tone: "success", title: "Assistant saved", description: saved.name });
            }}
          />
        ) : null}
      </Dialog>

      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        role="alertdialog"
        title={deleting ? `Delete ${deleting.name}?` : "Delete assistant?"}
        description={
          deleting
            ? `This permanently deletes the assistant; it can't be undone. ${deleting.workflowCount ? `${plural(deleting.workflowCount, "workflow")} assigned to it will run without an assistant.` : ""}`
            : null
        }
      >
        {deleting ? (
          <DialogActions className="mt-0">
            <Button variant="secondary" onClick={() => setDeleting(null)} data-autofocus="">
              Cancel
            </Button>
            <Button
              variant="danger"
              isLoading={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { id: deleting.id },
                  {
                    onSuccess: () => {
                      toast({ tone: "success", title: "Assistant deleted", description: deleting.name });
                      setDeleting(null);
                    },
                    onError: (error) => toast({ tone: "error", title: "Assistant not deleted", description: errorMessageOf(error) }),
                  },
                )
              }
            >
              Delete
            </Button>
          </DialogActions>
        ) : null}
      </Dialog>
    </section>
  );
}
