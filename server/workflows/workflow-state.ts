/**
 * What a workflow remembers about one conversation (Conversation.workflowState): the fields
 * collected so far, the field the agent last asked for, the collections saved to, and the last
 * text handled (a re-run job reuses its decision rather than advancing twice).
 */
import { z } from "zod";
import type { WorkflowDirective } from "../agent";

const directiveSchema: z.ZodType<WorkflowDirective> = z.union([
  z.object({ type: z.literal("ask_field"), field: z.string(), label: z.string() }),
  z.object({ type: z.literal("respond"), template: z.string() }),
  z.object({ type: z.literal("offer_booking"), bookingUrl: z.string() }),
  z.object({ type: z.literal("create_ticket"), priority: z.string() }),
  z.object({ type: z.literal("completed") }),
  z.object({ type: z.literal("none") }),
]);

export const workflowStateSchema = z.object({
  collected: z.record(z.string(), z.string()).default({}),
  asking: z.string().nullable().default(null),
  savedCollections: z.array(z.string()).default([]),
  completedAt: z.string().nullable().default(null),
  lastMessageId: z.string().nullable().default(null),
  lastDirective: directiveSchema.nullable().default(null),
  lastExtracted: z.array(z.string()).default([]),
});
export type WorkflowState = z.infer<typeof workflowStateSchema>;

export const initialWorkflowState = (): WorkflowState => workflowStateSchema.parse({});

export function parseWorkflowState(value: unknown): WorkflowState {
  const parsed = workflowStateSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : initialWorkflowState();
}
