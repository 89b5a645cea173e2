/**
 * Assistants a workflow can be assigned to: a name, instructions added to the agent's prompt while
 * the workflow guides a conversation, and the model ("builtin" or a provider's model id, used when
 * an AI provider is configured).
 */
import type { Db } from "../db";
import { AppError, invalidFields } from "../errors";

export type AssistantInput = { name: string; instructions?: string; model?: string };

export const ASSISTANT_INSTRUCTIONS_LIMIT = 4000;
const MODEL_ID = /^[\w.:/@-]{1,100}$/;

const notFound = () => new AppError("NOT_FOUND", { userMessage: "That assistant does not exist." });

async function validate(db: Db, brandId: string, input: AssistantInput, exceptId?: string) {
  const errors: Record<string, string> = {};
  const name = input.name.trim().replace(/\s+/g, " ");
  if (!name) errors.name = "Give the assistant a name, e.g. Sales assistant.";
  else if (name.length > 60) errors.name = `Keep the name under 60 characters; it is ${name.length}.`;
  else if (await db.assistant.findFirst({ where: { brandId, name: { equals: name, mode: "insensitive" }, NOT: exceptId ? { id: exceptId } : undefined } })) {
    errors.name = `Another assistant is already called “${name}”.`;
  }
  const instructions = (input.instructions ?? "").trim();
  if (instructions.length > ASSISTANT_INSTRUCTIONS_LIMIT) errors.instructions = `Keep the instructions under ${ASSISTANT_INSTRUCTIONS_LIMIT} characters; it is ${instructions.length}.`;
  const model = (input.model ?? "builtin").trim() || "builtin";
  if (!MODEL_ID.test(model)) errors.model = "Use builtin, or a model id such as gpt-4o-mini (letters, digits and . : / @ - _).";
  if (Object.keys(errors).length) throw invalidFields(errors);
  return { name, instructions, model };
}

export async function listAssistants(db: Db, brandId: string) {
  const rows = await db.assistant.findMany({ where: { brandId }, orderBy: { name: "asc" }, include: { _count: { select: { workflows: true } } } });
  return rows.map(({ _count, ...a }) => ({ ...a, workflowCount: _count.workflows }));
}

export async function createAssistant(db: Db, brandId: string, input: AssistantInput) {
  return db.assistant.create({ data: { brandId, ...(await validate(db, brandId, input)) } });
}

export async function updateAssistant(db: Db, brandId: string, id: string, input: AssistantInput) {
  if (!(await db.assistant.findFirst({ where: { id, brandId }, select: { id: true } }))) throw notFound();
  return db.assistant.update({ where: { id }, data: await validate(db, brandId, input, id) });
}

/** Workflows assigned to it keep running without an assistant. */
export async function deleteAssistant(db: Db, brandId: string, id: string) {
  const deleted = await db.assistant.deleteMany({ where: { id, brandId } });
  if (deleted.count === 0) throw notFound();
}
