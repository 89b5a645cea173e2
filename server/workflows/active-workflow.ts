import type { Db } from "../db";
import { AppError } from "../errors";
import { goalLabels, isWorkflowGoal } from "./goal-keywords";
import { parseWorkflowState } from "./workflow-state";
import { describeStep, parseSteps, stepLabels } from "./workflow-steps";

/**
 * Which workflow guides a conversation and where it is: for the conversation page ("Lead capture ·
 * step 2 of 3: Save to database"). Null when no workflow is attached; NOT_FOUND for another
 * brand's conversation.
 */
export async function activeWorkflowForConversation(db: Db, brandId: string, conversationId: string) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, brandId },
    select: { workflowId: true, workflowStepIndex: true, workflowState: true, workflow: true },
  });
  if (!conversation) throw new AppError("NOT_FOUND", { userMessage: "That conversation does not exist." });
  const workflow = conversation.workflow;
  if (!workflow) return null;
  const steps = parseSteps(workflow.steps);
  const state = parseWorkflowState(conversation.workflowState);
  const index = Math.min(conversation.workflowStepIndex, steps.length);
  const step = steps[index] ?? null;
  return {
    workflow: { id: workflow.id, name: workflow.name, goal: workflow.goal, goalLabel: isWorkflowGoal(workflow.goal) ? goalLabels[workflow.goal] : workflow.goal, isActive: workflow.isActive },
    stepIndex: index,
    stepCount: steps.length,
    isComplete: index >= steps.length,
    step: step ? { id: step.id, type: step.type, label: stepLabels[step.type], description: describeStep(step) } : null,
    collected: state.collected,
    asking: state.asking,
    savedCollections: state.savedCollections,
  };
}
