/**
 * SMS workflows: list, read, create, update, switch on/off and delete, always within one brand.
 * Input is checked field by field and refused with the marketer's words next to each field
 * (invalidFields), steps included ("steps.2.bookingUrl").
 */
import crypto from "node:crypto";
import type { Db, SmsWorkflow } from "../db";
import { Prisma } from "../db";
import { AppError, invalidFields } from "../errors";
import { isWorkflowGoal, type WorkflowGoal } from "./goal-keywords";
import { MAX_FIELDS_PER_STEP, MAX_STEPS, parseSteps, splitFieldList, stepTypes, ticketPriorities, type StepType, type TicketPriority, type WorkflowStep } from "./workflow-steps";

export const NAME_LIMIT = 80;
export const DESCRIPTION_LIMIT = 500;
export const CONTEXT_LIMIT = 5000;
export const TEMPLATE_LIMIT = 1000;
export const MAX_KEYWORDS = 30;
export const MAX_PRIORITY = 1000;

/** A step as the form sends it: the type and that type's settings, flat. */
export type WorkflowStepInput = {
  id?: string | null;
  type: StepType;
  fields?: string[] | string | null;
  template?: string | null;
  priority?: string | null;
  bookingUrl?: string | null;
  collection?: string | null;
};

export type WorkflowInput = {
  name: string;
  goal: string;
  description?: string;
  context?: string;
  responseTemplate?: string;
  keywords?: string[];
  priority?: number;
  isActive?: boolean;
  assistantId?: string | null;
  steps?: WorkflowStepInput[];
};

const notFound = () => new AppError("NOT_FOUND", { userMessage: "That workflow does not exist." });

/** 1–3 words of letters or digits, as keywords are everywhere else in Parley. */
const KEYWORD = /^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+){0,2}$/u;
const COLLECTION = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,59}$/u;
const FIELD = /^[a-z][a-z0-9_]{0,39}$/;

function normalizeKeywords(keywords: readonly string[]): string[] {
  return [...new Set(keywords.map((k) => k.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase()).filter(Boolean))];
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

function newStepId(): string {
  return crypto.randomBytes(5).toString("hex");
}

/** The steps to store, and an error per step field that is wrong ("steps.1.collection"). */
function buildSteps(inputs: readonly WorkflowStepInput[], errors: Record<string, string>): WorkflowStep[] {
  if (inputs.length > MAX_STEPS) errors.steps = `A workflow has at most ${MAX_STEPS} steps; this one has ${inputs.length}.`;
  const seen = new Set<string>();
  return inputs.slice(0, MAX_STEPS).map((input, i): WorkflowStep => {
    const key = (field: string) => `steps.${i}.${field}`;
    let id = input.id?.trim() && /^[\w-]{1,40}$/.test(input.id.trim()) ? input.id.trim() : newStepId();
    if (seen.has(id)) id = newStepId();
    seen.add(id);
    switch (input.type) {
      case "extract": {
        const fields = typeof input.fields === "string" ? splitFieldList(input.fields) : splitFieldList((input.fields ?? []).join(","));
        if (fields.length === 0) errors[key("fields")] = "List the fields to collect, separated by commas, e.g. name, email.";
        else if (fields.length > MAX_FIELDS_PER_STEP) errors[key("fields")] = `Collect at most ${MAX_FIELDS_PER_STEP} fields in one step; split the rest into another step.`;
        else {
          const bad = fields.find((f) => !FIELD.test(f));
          if (bad) errors[key("fields")] = `“${bad}” is not a field name: start with a letter and use letters, digits and spaces (up to 40).`;
        }
        return { id, type: "extract", config: { fields } };
      }
      case "respond": {
        const template = (input.template ?? "").trim();
        if (!template) errors[key("template")] = "Write the response the agent should send (it adapts the wording).";
        else if (template.length > TEMPLATE_LIMIT) errors[key("template")] = `Keep the response under ${TEMPLATE_LIMIT} characters; it is ${template.length}.`;
        return { id, type: "respond", config: { template } };
      }
      case "ticket": {
        const priority = (input.priority ?? "normal") as TicketPriority;
        if (!(ticketPriorities as readonly string[]).includes(priority)) errors[key("priority")] = "Choose the ticket's priority: low, normal, high or urgent.";
        return { id, type: "ticket", config: { priority } };
      }
      case "book": {
        const bookingUrl = (input.bookingUrl ?? "").trim();
        if (!bookingUrl) errors[key("bookingUrl")] = "Enter the booking link the agent offers, e.g. https://calendly.com/your-team.";
        else if (!isHttpUrl(bookingUrl)) errors[key("bookingUrl")] = "The booking link must be a web address starting with https://, e.g. https://calendly.com/your-team.";
        return { id, type: "book", config: { bookingUrl } };
      }
      case "save": {
        const collection = (input.collection ?? "").trim().replace(/\s+/g, " ");
        if (!collection) errors[key("collection")] = "Name the collection the records go to, e.g. leads.";
        else if (!COLLECTION.test(collection)) errors[key("collection")] = "Collection names use letters, digits, spaces, - and _ (up to 60 characters).";
        else if (!inputs.slice(0, i).some((s) => s.type === "extract")) {
          errors[key("collection")] = "Add an Extract information step before this one, so there is something to save.";
        }
        return { id, type: "save", config: { collection } };
      }
      default:
        errors[`steps.${i}.type`] = `Choose one of the step types: ${stepTypes.join(", ")}.`;
        return { id, type: "respond", config: { template: "" } };
    }
  });
}

async function validate(db: Db, brandId: string, input: WorkflowInput, exceptId?: string) {
  const errors: Record<string, string> = {};
  const name = input.name.trim().replace(/\s+/g, " ");
  if (!name) errors.name = "Give the workflow a name, e.g. Bulk pricing leads.";
  else if (name.length > NAME_LIMIT) errors.name = `Keep the name under ${NAME_LIMIT} characters; it is ${name.length}.`;
  else {
    const clash = await db.smsWorkflow.findFirst({ where: { brandId, name: { equals: name, mode: "insensitive" }, NOT: exceptId ? { id: exceptId } : undefined } });
    if (clash) errors.name = `Another workflow is already called “${clash.name}”; choose a different name.`;
  }
  const goal = input.goal;
  if (!isWorkflowGoal(goal)) errors.goal = "Choose what the workflow is for.";
  const description = (input.description ?? "").trim();
  if (description.length > DESCRIPTION_LIMIT) errors.description = `Keep the description under ${DESCRIPTION_LIMIT} characters; it is ${description.length}.`;
  const context = (input.context ?? "").trim();
  if (context.length > CONTEXT_LIMIT) errors.context = `Keep the context under ${CONTEXT_LIMIT} characters; it is ${context.length}.`;
  const responseTemplate = (input.responseTemplate ?? "").trim();
  if (responseTemplate.length > TEMPLATE_LIMIT) errors.responseTemplate = `Keep the response template under ${TEMPLATE_LIMIT} characters; it is ${responseTemplate.length}.`;
  const keywords = normalizeKeywords(input.keywords ?? []);
  if (goal !== "general_inquiry") {
    const bad = keywords.find((k) => !KEYWORD.test(k) || k.length > 30);
    if (bad) errors.keywords = `“${bad}” can't be a keyword: use 1–3 words of letters or digits (up to 30 characters).`;
    else if (keywords.length === 0 && isWorkflowGoal(goal)) errors.keywords = "Add at least one keyword, or choose General inquiry to match every text.";
    else if (keywords.length > MAX_KEYWORDS) errors.keywords = `Use at most ${MAX_KEYWORDS} keywords; there are ${keywords.length}.`;
  }
  const priority = input.priority ?? 0;
  if (!Number.isInteger(priority) || priority < 0 || priority > MAX_PRIORITY) errors.priority = `Priority is a whole number from 0 to ${MAX_PRIORITY}; higher is checked first.`;
  const assistantId = input.assistantId || null;
  if (assistantId && !(await db.assistant.findFirst({ where: { id: assistantId, brandId }, select: { id: true } }))) {
    errors.assistantId = "That assistant no longer exists; choose another or none.";
  }
  const steps = buildSteps(input.steps ?? [], errors);
  if (Object.keys(errors).length) throw invalidFields(errors);
  return {
    name,
    goal: goal as WorkflowGoal,
    description,
    context,
    responseTemplate,
    // The catch-all matches everything: keywords would only mislead.
    keywords: goal === "general_inquiry" ? [] : keywords,
    priority,
    isActive: input.isActive ?? false,
    assistantId,
    steps: steps as unknown as Prisma.InputJsonValue,
  };
}

/** A workflow as the pages and the pipeline read it: steps parsed, with the assistant's name. */
export type WorkflowView = Omit<SmsWorkflow, "steps"> & { steps: WorkflowStep[]; stepCount: number; assistantName: string | null };

function view(row: SmsWorkflow & { assistant?: { name: string } | null }): WorkflowView {
  const { assistant, ...rest } = row;
  const steps = parseSteps(row.steps);
  return { ...rest, steps, stepCount: steps.length, assistantName: assistant?.name ?? null };
}

/** The brand's workflows in the order they are checked: priority high first, then oldest. */
export async function listWorkflows(db: Db, brandId: string): Promise<WorkflowView[]> {
  const rows = await db.smsWorkflow.findMany({
    where: { brandId },
    include: { assistant: { select: { name: true } } },
    orderBy: [{ priority: "desc" }, { createdAt: "asc" }],
  });
  return rows.map(view);
}

export async function getWorkflow(db: Db, brandId: string, id: string): Promise<WorkflowView> {
  const row = await db.smsWorkflow.findFirst({ where: { id, brandId }, include: { assistant: { select: { name: true } } } });
  if (!row) throw notFound();
  return view(row);
}

export async function createWorkflow(db: Db, brandId: string, input: WorkflowInput): Promise<WorkflowView> {
  const data = await validate(db, brandId, input);
  const row = await db.smsWorkflow.create({ data: { brandId, ...data }, include: { assistant: { select: { name: true } } } });
  return view(row);
}

export async function updateWorkflow(db: Db, brandId: string, id: string, input: WorkflowInput): Promise<WorkflowView> {
  const existing = await db.smsWorkflow.findFirst({ where: { id, brandId }, select: { id: true } });
  if (!existing) throw notFound();
  const data = await validate(db, brandId, input, id);
  const row = await db.smsWorkflow.update({ where: { id }, data, include: { assistant: { select: { name: true } } } });
  return view(row);
}

/** The Active switch on a card. Off: texts are no longer matched to it, and conversations it guided continue without it. */
export async function setWorkflowActive(db: Db, brandId: string, id: string, isActive: boolean): Promise<WorkflowView> {
  const updated = await db.smsWorkflow.updateMany({ where: { id, brandId }, data: { isActive } });
  if (updated.count === 0) throw notFound();
  return getWorkflow(db, brandId, id);
}

/** Permanent. Records it saved stay in their collections; conversations it guided continue without it. */
export async function deleteWorkflow(db: Db, brandId: string, id: string): Promise<void> {
  const deleted = await db.smsWorkflow.deleteMany({ where: { id, brandId } });
  if (deleted.count === 0) throw notFound();
}
