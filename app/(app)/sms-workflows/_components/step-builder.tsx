"use client";
/**
 * The workflow builder: steps in order, each with its settings, moved with Move up / Move down
 * buttons (keyboard-accessible; focus follows the moved step) and removed with its own button.
 */
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { stepLabels, stepTypes, ticketPriorities, type StepType, type TicketPriority } from "@/server/workflows/workflow-steps";
import { emptyStep, moveStep, removeStep, stepFieldKey, updateStep, type StepDraft } from "./workflow-draft";

const stepHelp: Record<StepType, string> = {
  extract: "The agent collects these over the conversation, one question at a time, and stores each on the shopper's profile as it arrives.",
  respond: "Guidance or a template the agent adapts for its reply at this point. {name} and other collected fields fill in.",
  ticket: "Opens a support ticket for a teammate (through the handoff inbox and your helpdesk) when the conversation reaches this step.",
  book: "The agent offers this booking link so the shopper can pick a time.",
  save: "Saves the fields collected so far as a record in this collection, viewable and downloadable as CSV on this page.",
};

export const priorityLabels: Record<TicketPriority, string> = { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" };

function StepSettings({ step, index, errors, onChange, idBase }: { step: StepDraft; index: number; errors: Record<string, string>; onChange: (patch: Partial<StepDraft>) => void; idBase: string }) {
  const n = index + 1;
  switch (step.type) {
    case "extract":
      return (
        <Input
          id={`${idBase}-fields`}
          label={`Fields to collect (step ${n})`}
          help="Comma-separated, e.g. name, email, phone, company."
          value={step.fields}
          error={errors[stepFieldKey(index, "fields")]}
          maxLength={500}
          onChange={(e) => onChange({ fields: e.target.value })}
        />
      );
    case "respond":
      return (
        <Textarea
          id={`${idBase}-template`}
          label={`Response guidance (step ${n})`}
          value={step.template}
          error={errors[stepFieldKey(index, "template")]}
          rows={3}
          characterLimit={1000}
          onChange={(e) => onChange({ template: e.target.value })}
          placeholder="Thanks {first_name}! Our volume pricing starts at 10 units; a teammate will email you a quote."
        />
      );
    case "ticket":
      return (
        <Select
          id={`${idBase}-priority`}
          label={`Ticket priority (step ${n})`}
          value={step.priority}
          error={errors[stepFieldKey(index, "priority")]}
          onChange={(e) => onChange({ priority: e.target.value as TicketPriority })}
        >
          {ticketPriorities.map((p) => (
            <option key={p} value={p}>
              {priorityLabels[p]}
            </option>
          ))}
        </Select>
      );
    case "book":
      return (
        <Input
          id={`${idBase}-bookingUrl`}
          label={`Booking link (step ${n})`}
          type="url"
          inputMode="url"
          value={step.bookingUrl}
          error={errors[stepFieldKey(index, "bookingUrl")]}
          maxLength={500}
          placeholder="https://calendly.com/your-team/30min"
          onChange={(e) => onChange({ bookingUrl: e.target.value })}
        />
      );
    case "save":
      return (
        <Input
          id={`${idBase}-collection`}
          label={`Collection (step ${n})`}
          help="Records with the same collection name are listed together."
          value={step.collection}
          error={errors[stepFieldKey(index, "collection")]}
          maxLength={60}
          placeholder="leads"
          onChange={(e) => onChange({ collection: e.target.value })}
        />
      );
  }
}

/** The form-side ids of each step's setting, for focusing the first one the server rejected. */
export function stepFieldIds(steps: readonly StepDraft[], idOf: (step: StepDraft) => string): [string, string][] {
  const field = { extract: "fields", respond: "template", ticket: "priority", book: "bookingUrl", save: "collection" } as const;
  return steps.map((s, i) => [stepFieldKey(i, field[s.type]), `${idOf(s)}-${field[s.type]}`]);
}

export function StepBuilder({
  steps,
  onChange,
  errors,
  idOf,
}: {
  steps: StepDraft[];
  onChange: (steps: StepDraft[]) => void;
  errors: Record<string, string>;
  idOf: (step: StepDraft) => string;
}) {
  const [newType, setNewType] = useState<StepType>("extract");
  const listRef = useRef<HTMLOListElement>(null);
  // After a move, focus follows the step to the same button (or the other one at an end); after an add or remove, the step or the add button.
  const [focusTarget, setFocusTarget] = useState<{ key: string; control: "up" | "down" | "heading" | "field" } | { key: null; control: "add" } | null>(null);
  const addRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (!focusTarget) return;
    setFocusTarget(null);
    if (focusTarget.control === "add") return addRef.current?.focus();
    const item = listRef.current?.querySelector<HTMLElement>(`[data-step-key="${CSS.escape(focusTarget.key)}"]`);
    if (focusTarget.control === "field") return item?.querySelector<HTMLElement>("input, textarea, select")?.focus();
    const preferred = item?.querySelector<HTMLElement>(`[data-control="${focusTarget.control}"]:not([disabled])`);
    // At the top or bottom the pressed button is disabled: the other move button keeps focus in the step.
    (preferred ?? item?.querySelector<HTMLElement>('[data-control="up"]:not([disabled]), [data-control="down"]:not([disabled])') ?? item?.querySelector<HTMLElement>('[data-control="heading"]'))?.focus();
  }, [focusTarget, steps]);

  function move(index: number, delta: -1 | 1) {
    const key = steps[index]!.key;
    onChange(moveStep(steps, index, delta));
    setFocusTarget({ key, control: delta < 0 ? "up" : "down" });
  }

  function remove(index: number) {
    const next = removeStep(steps, index);
    onChange(next);
    const neighbour = next[index] ?? next[index - 1];
    setFocusTarget(neighbour ? { key: neighbour.key, control: "heading" } : { key: null, control: "add" });
  }

  function add() {
    const step = emptyStep(newType);
    onChange([...steps, step]);
    setFocusTarget({ key: step.key, control: "field" });
  }

  return (
    <div className="flex flex-col gap-3">
      {errors.steps ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.steps}
        </p>
      ) : null}
      {steps.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-5 text-center text-sm text-slate-500">
          No steps yet: the agent follows the goal, context and template only. Add steps to collect details, save them, open a ticket or offer a booking link.
        </p>
      ) : (
        <ol ref={listRef} className="flex flex-col gap-3" aria-label="Steps, in order" data-testid="workflow-steps">
          {steps.map((step, index) => {
            const idBase = idOf(step);
            const headingId = `${idBase}-heading`;
            return (
              <li key={step.key} data-step-key={step.key} className="rounded-lg border border-slate-200 bg-white" aria-labelledby={headingId} data-testid="workflow-step">
                <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-3 py-2">
                  <h3 id={headingId} className="text-sm font-semibold text-slate-900" tabIndex={-1} data-control="heading">
                    <span className="mr-2 inline-flex size-5 items-center justify-center rounded-full bg-accent-soft text-xs text-accent">{index + 1}</span>
                    {stepLabels[step.type]}
                  </h3>
                  <div className="flex gap-1">
                    <Button variant="ghost" size="sm" data-control="up" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move step ${index + 1} (${stepLabels[step.type]}) up`}>
                      <ArrowUpIcon />
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      data-control="down"
                      disabled={index === steps.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={`Move step ${index + 1} (${stepLabels[step.type]}) down`}
                    >
                      <ArrowDownIcon />
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-red-700 hover:bg-red-50 hover:text-red-800"
                      onClick={() => remove(index)}
                      aria-label={`Remove step ${index + 1} (${stepLabels[step.type]})`}
                    >
                      <TrashIcon />
                    </Button>
                  </div>
                </div>
                <div className="flex flex-col gap-1.5 px-3 py-3">
                  <StepSettings step={step} index={index} errors={errors} idBase={idBase} onChange={(patch) => onChange(updateStep(steps, index, patch))} />
                  <p className="text-xs text-slate-500">{stepHelp[step.type]}</p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <Select ref={addRef} label="Step type" fieldClassName="min-w-56" value={newType} onChange={(e) => setNewType(e.target.value as StepType)} data-testid="add-step-type">
          {stepTypes.map((t) => (
            <option key={t} value={t}>
              {stepLabels[t]}
            </option>
          ))}
        </Select>
        <Button variant="secondary" onClick={add}>
          <PlusIcon />
          Add step
        </Button>
      </div>
    </div>
  );
}
