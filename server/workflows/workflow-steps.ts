/**
 * A workflow's steps, stored as JSON on SmsWorkflow.steps: an ordered list the conversation works
 * through. One zod schema (a discriminated union on `type`) reads them everywhere; rows that no
 * longer parse are shown and run as having no steps rather than breaking a shopper's text.
 */
import { z } from "zod";

export const stepTypes = ["extract", "respond", "ticket", "book", "save"] as const;
export type StepType = (typeof stepTypes)[number];

export const ticketPriorities = ["low", "normal", "high", "urgent"] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

export const stepLabels: Record<StepType, string> = {
  extract: "Extract information",
  respond: "Send response",
  ticket: "Create support ticket",
  book: "Book appointment",
  save: "Save to database",
};

export const MAX_STEPS = 20;
export const MAX_FIELDS_PER_STEP = 10;

const stepId = z.string().min(1).max(40);

export const extractStepSchema = z.object({ id: stepId, type: z.literal("extract"), config: z.object({ fields: z.array(z.string().max(60)).max(50) }) });
export const respondStepSchema = z.object({ id: stepId, type: z.literal("respond"), config: z.object({ template: z.string().max(2000) }) });
export const ticketStepSchema = z.object({ id: stepId, type: z.literal("ticket"), config: z.object({ priority: z.enum(ticketPriorities) }) });
export const bookStepSchema = z.object({ id: stepId, type: z.literal("book"), config: z.object({ bookingUrl: z.string().max(500) }) });
export const saveStepSchema = z.object({ id: stepId, type: z.literal("save"), config: z.object({ collection: z.string().max(80) }) });

export const workflowStepSchema = z.discriminatedUnion("type", [extractStepSchema, respondStepSchema, ticketStepSchema, bookStepSchema, saveStepSchema]);
export type WorkflowStep = z.infer<typeof workflowStepSchema>;
export const workflowStepsSchema = z.array(workflowStepSchema).max(MAX_STEPS);

/** The steps stored on a workflow row; [] when the JSON is not a valid list of steps. */
export function parseSteps(value: unknown): WorkflowStep[] {
  const parsed = workflowStepsSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** "Extract information: name, email", "Save to database: leads": one line per step for people and prompts. */
export function describeStep(step: WorkflowStep): string {
  switch (step.type) {
    case "extract":
      return `${stepLabels.extract}: ${step.config.fields.join(", ")}`;
    case "respond":
      return `${stepLabels.respond}: ${step.config.template}`;
    case "ticket":
      return `${stepLabels.ticket} (${step.config.priority} priority)`;
    case "book":
      return `${stepLabels.book}: ${step.config.bookingUrl}`;
    case "save":
      return `${stepLabels.save}: ${step.config.collection}`;
  }
}

/** A field name as stored: "Company Name" → "company_name". */
export function normalizeFieldName(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** "name, email , Company" → ["name", "email", "company"], without blanks or repeats. */
export function splitFieldList(text: string): string[] {
  return [...new Set(text.split(/[,\n;]/).map(normalizeFieldName).filter(Boolean))];
}

/** Every field the workflow's extract steps collect, in step order. */
export function fieldsOfSteps(steps: readonly WorkflowStep[]): string[] {
  return [...new Set(steps.flatMap((s) => (s.type === "extract" ? s.config.fields : [])))];
}
