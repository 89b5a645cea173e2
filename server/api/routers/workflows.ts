/**
 * SMS Workflows: the workflows page (workflows, assistants, test matching, collections and their
 * CSV) and, for the conversation page, which workflow and step guide a conversation. Every
 * procedure but `access` and `activeForConversation` needs the feature on for the brand.
 */
import { z } from "zod";
import {
  activeWorkflowForConversation,
  assertWorkflowsAvailable,
  createAssistant,
  createWorkflow,
  deleteAssistant,
  deleteWorkflow,
  exportRecordsCsv,
  getWorkflow,
  listAssistants,
  listCollections,
  listRecords,
  listWorkflows,
  MAX_RECORDS_PAGE,
  setWorkflowActive,
  stepTypes,
  testWorkflowMatch,
  updateAssistant,
  updateWorkflow,
  workflowsAccess,
} from "../../workflows";
import { adminProcedure, memberProcedure, createTRPCRouter } from "../trpc";

const id = z.string().min(1).max(40);

/** A role's procedure that also needs the brand's plan and feature flag to allow SMS Workflows. */
const workflowsAvailable = (procedure: typeof memberProcedure) =>
  procedure.use(async ({ ctx, next }) => {
    await assertWorkflowsAvailable(ctx.db, ctx.brandId);
    return next();
  });
const memberWorkflowsProcedure = workflowsAvailable(memberProcedure);
const adminWorkflowsProcedure = workflowsAvailable(adminProcedure);

// Loose caps only: the domain functions check each field and answer in the marketer's words.
const stepInput = z.object({
  id: z.string().max(40).nullish(),
  type: z.enum(stepTypes),
  fields: z.union([z.array(z.string().max(200)).max(50), z.string().max(2000)]).nullish(),
  template: z.string().max(5000).nullish(),
  priority: z.string().max(20).nullish(),
  bookingUrl: z.string().max(2000).nullish(),
  collection: z.string().max(200).nullish(),
});

const workflowInput = z.object({
  name: z.string().max(500),
  goal: z.string().max(40),
  description: z.string().max(5000).default(""),
  context: z.string().max(20000).default(""),
  responseTemplate: z.string().max(5000).default(""),
  keywords: z.array(z.string().max(200)).max(200).default([]),
  priority: z.number().int().default(0),
  isActive: z.boolean().default(false),
  assistantId: z.string().max(40).nullish(),
  steps: z.array(stepInput).max(100).default([]),
});

const assistantInput = z.object({ name: z.string().max(500), instructions: z.string().max(20000).default(""), model: z.string().max(200).default("builtin") });

export const workflowsRouter = createTRPCRouter({
  /** Whether the page exists for this brand, and if not, which of plan / flag is missing. */
  access: memberProcedure.query(({ ctx }) => workflowsAccess(ctx.db, ctx.brandId)),

  list: memberWorkflowsProcedure.query(({ ctx }) => listWorkflows(ctx.db, ctx.brandId)),
  get: memberWorkflowsProcedure.input(z.object({ id })).query(({ ctx, input }) => getWorkflow(ctx.db, ctx.brandId, input.id)),
  create: adminWorkflowsProcedure.input(workflowInput).mutation(({ ctx, input }) => createWorkflow(ctx.db, ctx.brandId, input)),
  update: adminWorkflowsProcedure.input(workflowInput.extend({ id })).mutation(({ ctx, input: { id, ...input } }) => updateWorkflow(ctx.db, ctx.brandId, id, input)),
  setActive: adminWorkflowsProcedure.input(z.object({ id, isActive: z.boolean() })).mutation(({ ctx, input }) => setWorkflowActive(ctx.db, ctx.brandId, input.id, input.isActive)),
  delete: adminWorkflowsProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteWorkflow(ctx.db, ctx.brandId, input.id)),
  testMatch: memberWorkflowsProcedure.input(z.object({ text: z.string().max(1600) })).mutation(({ ctx, input }) => testWorkflowMatch(ctx.db, ctx.brandId, input.text)),

  /** For the conversation page: which workflow and step guide it (null when none). */
  activeForConversation: memberProcedure.input(z.object({ conversationId: id })).query(({ ctx, input }) => activeWorkflowForConversation(ctx.db, ctx.brandId, input.conversationId)),

  assistants: memberWorkflowsProcedure.query(({ ctx }) => listAssistants(ctx.db, ctx.brandId)),
  createAssistant: adminWorkflowsProcedure.input(assistantInput).mutation(({ ctx, input }) => createAssistant(ctx.db, ctx.brandId, input)),
  updateAssistant: adminWorkflowsProcedure.input(assistantInput.extend({ id })).mutation(({ ctx, input: { id, ...input } }) => updateAssistant(ctx.db, ctx.brandId, id, input)),
  deleteAssistant: adminWorkflowsProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteAssistant(ctx.db, ctx.brandId, input.id)),

  collections: memberWorkflowsProcedure.query(({ ctx }) => listCollections(ctx.db, ctx.brandId)),
  records: memberWorkflowsProcedure
    .input(z.object({ collection: z.string().min(1).max(80), page: z.number().int().min(1).max(100_000).default(1), pageSize: z.number().int().min(1).max(MAX_RECORDS_PAGE).default(50) }))
    .query(({ ctx, input }) => listRecords(ctx.db, ctx.brandId, input)),
  exportCollection: memberWorkflowsProcedure.input(z.object({ collection: z.string().min(1).max(80) })).mutation(({ ctx, input }) => exportRecordsCsv(ctx.db, ctx.brandId, input.collection)),
});
