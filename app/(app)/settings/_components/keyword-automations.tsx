"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber, plural } from "@/components/ui/format";
import { ChatIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { fieldErrorsOf } from "./form-helpers";
import { KeywordForm, toKeywordAction, type KeywordAutomation, type KeywordInput } from "./keyword-form";
import { ReadOnlyNote, useCanChange } from "./settings-access";
import { useInvalidateSettingsHistory } from "./settings-history";

const FORM_FIELDS = ["keyword", "reply", "propertyKey", "propertyValue"];

/** "Subscribe to SMS", "Set property vip = true", "Reply only": what the keyword does besides replying. */
export function actionInWords(automation: Pick<KeywordAutomation, "action" | "propertyKey" | "propertyValue">): string {
  switch (toKeywordAction(automation.action)) {
    case "none":
      return "Reply only";
    case "subscribe":
      return "Subscribe to SMS";
    case "set_property":
      return `Set property ${automation.propertyKey ?? "?"} = ${automation.propertyValue ?? "?"}`;
  }
}

type Editing = { mode: "create" } | { mode: "edit"; automation: KeywordAutomation };

/** The brand's keyword automations: a table, and a dialog to add, edit or delete one. */
export function KeywordAutomationsSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const keywords = useQuery(trpc.settings.keywords.queryOptions());
  const rows = keywords.data ?? [];
  // Members see the automations; adding, editing and deleting them needs an admin or an owner.
  const canChange = useCanChange("admin");

  const [editing, setEditing] = useState<Editing | null>(null);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const [formSummary, setFormSummary] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<KeywordAutomation | null>(null);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // After a delete the row (and the button that opened the dialog) goes away; focus moves on once it has.
  const [focusAfterDeleteOf, setFocusAfterDeleteOf] = useState<string | null>(null);
  useEffect(() => {
    if (!focusAfterDeleteOf || rows.some((row) => row.id === focusAfterDeleteOf)) return;
    setFocusAfterDeleteOf(null);
    const target = sectionRef.current?.querySelector<HTMLElement>("[data-add-keyword]") ?? headingRef.current;
    target?.focus();
  }, [focusAfterDeleteOf, rows]);

  const keywordsKey = trpc.settings.keywords.queryKey();
  const invalidateHistory = useInvalidateSettingsHistory();
  // Every save of a keyword is also a new entry in the settings history.
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: keywordsKey }), invalidateHistory()]);

  const create = useMutation(trpc.settings.createKeyword.mutationOptions({ onSettled: refresh }));
  const update = useMutation(trpc.settings.updateKeyword.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.settings.deleteKeyword.mutationOptions({ onSettled: refresh }));

  function openForm(next: Editing) {
    setFormErrors({});
    setFormSummary(null);
    setEditing(next);
  }

  async function saveKeyword(input: KeywordInput): Promise<Record<string, string> | null> {
    if (!editing) return null;
    setFormErrors({});
    setFormSummary(null);
    try {
      const saved = editing.mode === "edit" ? await update.mutateAsync({ ...input, id: editing.automation.id }) : await create.mutateAsync(input);
      setEditing(null);
      toast({ tone: "success", title: "Keyword saved", description: `${saved.keyword}: ${actionInWords(saved)}${saved.isActive ? "" : " (off)"}` });
      return null;
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const hasFieldErrors = FORM_FIELDS.some((key) => fields[key]);
      setFormErrors(fields);
      setFormSummary(hasFieldErrors ? "Nothing was saved. Fix the fields marked above and save again." : errorMessageOf(error));
      toast({ tone: "error", title: "Keyword not saved", description: errorMessageOf(error) });
      return fields;
    }
  }

  function deleteKeyword(automation: KeywordAutomation) {
    remove.mutate(
      { id: automation.id },
      {
        onSuccess: () => {
          queryClient.setQueryData(keywordsKey, (all) => all?.filter((row) => row.id !== automation.id));
          setFocusAfterDeleteOf(automation.id);
          setDeleting(null);
          toast({ tone: "success", title: "Keyword deleted", description: `${automation.keyword} no longer triggers an automation.` });
        },
        onError: (error) => toast({ tone: "error", title: "Keyword not deleted", description: errorMessageOf(error) }),
      },
    );
  }

  function turnOff(automation: KeywordAutomation) {
    const { id, keyword, reply, action, propertyKey, propertyValue } = automation;
    update.mutate(
      { id, keyword, reply, action: toKeywordAction(action), propertyKey, propertyValue, isActive: false },
      {
        onSuccess: () => {
          setDeleting(null);
          toast({ tone: "success", title: "Keyword turned off", description: `${keyword} is kept but ignored until you turn it back on.` });
        },
        onError: (error) => toast({ tone: "error", title: "Keyword not saved", description: errorMessageOf(error) }),
      },
    );
  }

  const addButton = canChange ? (
    <Button onClick={() => openForm({ mode: "create" })} data-add-keyword="">
      Add keyword
    </Button>
  ) : null;

  return (
    <section ref={sectionRef} aria-labelledby="keyword-automations-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-[720px] min-w-0">
          <h2 id="keyword-automations-heading" ref={headingRef} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">
            Keyword automations
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            When a shopper&apos;s text contains one of these keywords, Parley sends the reply and runs the action instead of the agent. STOP, START and HELP
            are reserved.
          </p>
          {canChange ? null : (
            <div className="mt-3">
              <ReadOnlyNote needs="admin" />
            </div>
          )}
        </div>
        {/* While the list is empty, the empty state carries the one "Add keyword" button. */}
        {keywords.isSuccess && rows.length > 0 ? addButton : null}
      </div>

      {keywords.isPending ? (
        <SkeletonRows rows={3} label="Loading keyword automations…" />
      ) : keywords.isError ? (
        <ErrorNotice message={errorMessageOf(keywords.error)} onRetry={() => void keywords.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<ChatIcon className="size-5" />}
          title="No keyword automations yet"
          description="A keyword automation answers a word like JOIN or VIP with a fixed reply, and can subscribe the shopper or tag their profile, without involving the agent. Add one to see it here."
          action={addButton}
        />
      ) : (
        <>
          <Table label="Keyword automations">
            <THead>
              <tr>
                <TH>Keyword</TH>
                <TH className="w-full">Reply</TH>
                <TH>Action</TH>
                <TH>Status</TH>
                <TH>Updated</TH>
                {canChange ? (
                  <TH>
                    <span className="sr-only">Actions</span>
                  </TH>
                ) : null}
              </tr>
            </THead>
            <TBody>
              {rows.map((row) => (
                <TR key={row.id} data-testid="keyword-row">
                  <TD className="whitespace-nowrap">
                    <span id={`keyword-${row.id}`} className="font-mono text-sm font-semibold text-slate-900">
                      {row.keyword}
                    </span>
                  </TD>
                  <TD className="max-w-0 min-w-48">
                    <p className="line-clamp-2 text-slate-700" title={row.reply}>
                      {row.reply}
                    </p>
                  </TD>
                  <TD className="whitespace-nowrap">{actionInWords(row)}</TD>
                  <TD>{row.isActive ? <Badge tone="resolved">Active</Badge> : <Badge tone="neutral">Off</Badge>}</TD>
                  <TD className="text-slate-500">
                    <RelativeTime date={row.updatedAt} />
                  </TD>
                  {canChange ? (
                    <TD className="py-2">
                      <div className="flex justify-end gap-1">
                        <Button variant="ghost" size="sm" aria-describedby={`keyword-${row.id}`} onClick={() => openForm({ mode: "edit", automation: row })}>
                          Edit
                        </Button>
                        <Button
                          variant="ghost"
                          size="sm"
                          className="text-red-700 hover:bg-red-50 hover:text-red-800"
                          aria-describedby={`keyword-${row.id}`}
                          onClick={() => setDeleting(row)}
                        >
                          Delete
                        </Button>
                      </div>
                    </TD>
                  ) : null}
                </TR>
              ))}
            </TBody>
          </Table>
          <p className="text-xs text-slate-500">
            {plural(rows.length, "keyword automation")}, {formatNumber(rows.filter((row) => row.isActive).length)} active
          </p>
        </>
      )}

      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === "edit" ? `Edit ${editing.automation.keyword}` : "Add keyword"}
        description="The reply is sent instead of the agent's answer; the action runs at the same time."
        testId="keyword-dialog"
      >
        {editing ? (
          <KeywordForm
            key={editing.mode === "edit" ? editing.automation.id : "new"}
            automation={editing.mode === "edit" ? editing.automation : null}
            isSaving={create.isPending || update.isPending}
            errors={formErrors}
            summary={formSummary}
            onClearError={(field) => setFormErrors((all) => ({ ...all, [field]: "" }))}
            onSubmit={saveKeyword}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Dialog>

      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        role="alertdialog"
        title={deleting ? `Delete ${deleting.keyword}?` : "Delete keyword?"}
        description={
          deleting ? (
            <>
              <p>
                This permanently deletes the {deleting.keyword} automation and its reply; it can&apos;t be undone. Shoppers who text {deleting.keyword}{" "}
                will get the agent instead.
              </p>
              {deleting.isActive ? <p className="mt-2">To pause it and keep the reply, turn it off instead.</p> : null}
            </>
          ) : null
        }
        testId="delete-keyword-dialog"
      >
        {deleting ? (
          <DialogActions className="mt-0">
            <Button variant="secondary" onClick={() => setDeleting(null)} data-autofocus="">
              Cancel
            </Button>
            {deleting.isActive ? (
              <Button variant="secondary" isLoading={update.isPending} disabled={remove.isPending} onClick={() => turnOff(deleting)}>
                Turn off instead
              </Button>
            ) : null}
            <Button variant="danger" isLoading={remove.isPending} disabled={update.isPending} onClick={() => deleteKeyword(deleting)}>
              Delete
            </Button>
          </DialogActions>
        ) : null}
      </Dialog>
    </section>
  );
}
