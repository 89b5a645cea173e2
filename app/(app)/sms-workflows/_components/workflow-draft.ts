/**
 * The workflow form's state: what the inputs hold (keywords and fields as typed text), and the
 * conversions to and from what the server stores. Pure, so the builder's moves are unit-tested.
 */
import type { RouterInputs, RouterOutputs } from "@/components/trpc";
import { defaultKeywordsFor, type WorkflowGoal } from "@/server/workflows/goal-keywords";
import type { StepType, TicketPriority } from "@/server/workflows/workflow-steps";

export type Workflow = RouterOutputs["workflows"]["list"][number];
export type WorkflowSaveInput = RouterInputs["workflows"]["create"];

export type StepDraft = {
  /** Stable across moves, for React keys and focus; the stored step id when there is one. */
  key: string;
  id: string | null;
  type: StepType;
  fields: string;
  template: string;
  priority: TicketPriority;
  bookingUrl: string;
  collection: string;
};

export type WorkflowDraft = {
  name: string;
  goal: WorkflowGoal | "";
  description: string;
  context: string;
  responseTemplate: string;
  keywords: string;
  priority: string;
  isActive: boolean;
  assistantId: string;
  steps: StepDraft[];
};

let counter = 0;
const newKey = () => `step-${Date.now().toString(36)}-${++counter}`;

export function emptyStep(type: StepType): StepDraft {
  return { key: newKey(), id: null, type, fields: type === "extract" ? "name, email" : "", template: "", priority: "normal", bookingUrl: "", collection: type === "save" ? "leads" : "" };
}

export function emptyDraft(): WorkflowDraft {
  return { name: "", goal: "", description: "", context: "", responseTemplate: "", keywords: "", priority: "0", isActive: false, assistantId: "", steps: [] };
}

export const keywordsText = (keywords: readonly string[]) => keywords.join(", ");

export function draftOf(workflow: Workflow): WorkflowDraft {
  return {
    name: workflow.name,
    goal: workflow.goal as WorkflowGoal,
    description: workflow.description,
    context: workflow.context,
    responseTemplate: workflow.responseTemplate,
    keywords: keywordsText(workflow.keywords),
    priority: String(workflow.priority),
    isActive: workflow.isActive,
    assistantId: workflow.assistantId ?? "",
    steps: workflow.steps.map((s) => {
      const step = { ...emptyStep(s.type), key: s.id, id: s.id, fields: "", collection: "" };
      switch (s.type) {
        case "extract":
          return { ...step, fields: s.config.fields.join(", ") };
        case "respond":
          return { ...step, template: s.config.template };
        case "ticket":
          return { ...step, priority: s.config.priority };
        case "book":
          return { ...step, bookingUrl: s.config.bookingUrl };
        case "save":
          return { ...step, collection: s.config.collection };
      }
    }),
  };
}

/** Choosing a goal fills in its keywords, unless the brand already wrote its own. */
export function changeGoal(draft: WorkflowDraft, goal: WorkflowGoal): WorkflowDraft {
  const typed = draft.keywords.trim();
  const isDefault = !typed || (draft.goal !== "" && typed === keywordsText(defaultKeywordsFor(draft.goal)));
  return { ...draft, goal, keywords: isDefault ? keywordsText(defaultKeywordsFor(goal)) : draft.keywords };
}

export function moveStep(steps: readonly StepDraft[], index: number, delta: -1 | 1): StepDraft[] {
  const target = index + delta;
  if (index < 0 || index >= steps.length || target < 0 || target >= steps.length) return [...steps];
  const next = [...steps];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function removeStep(steps: readonly StepDraft[], index: number): StepDraft[] {
  return steps.filter((_, i) => i !== index);
}

export function updateStep(steps: readonly StepDraft[], index: number, patch: Partial<StepDraft>): StepDraft[] {
  return steps.map((s, i) => (i === index ? { ...s, ...patch } : s));
}

function stepInput(step: StepDraft): NonNullable<WorkflowSaveInput["steps"]>[number] {
  const base = { id: step.id, type: step.type };
  switch (step.type) {
    case "extract":
      return { ...base, fields: step.fields };
    case "respond":
      return { ...base, template: step.template };
    case "ticket":
      return { ...base, priority: step.priority };
    case "book":
      return { ...base, bookingUrl: step.bookingUrl };
    case "save":
      return { ...base, collection: step.collection };
  }
}

/** What the form sends. A priority that isn't a whole number goes as NaN-free -1 so the server names the field. */
export function toInput(draft: WorkflowDraft): WorkflowSaveInput {
  const priority = Number(draft.priority.trim());
  return {
    name: draft.name,
    goal: draft.goal,
    description: draft.description,
    context: draft.context,
    responseTemplate: draft.responseTemplate,
    keywords: draft.keywords.split(",").map((k) => k.trim()).filter(Boolean),
    priority: draft.priority.trim() !== "" && Number.isInteger(priority) ? priority : -1,
    isActive: draft.isActive,
    assistantId: draft.assistantId || null,
    steps: draft.steps.map(stepInput),
  };
}

/** The server's field key for a step's setting: "steps.2.bookingUrl". */
export const stepFieldKey = (index: number, field: "fields" | "template" | "priority" | "bookingUrl" | "collection" | "type") => `steps.${index}.${field}`;
