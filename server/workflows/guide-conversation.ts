/**
 * The pipeline's workflow stage, as one domain function: find the workflow guiding this
 * conversation (the one already attached while it stays active, else the first active workflow
 * that matches the text, which then stays attached), move it along with the shopper's text, store
 * what it collected, and hand the agent its guidance for the turn.
 */
import type { WorkflowDirective, WorkflowGuidance } from "../agent";
import type { Brand, Conversation, Db, Message, Profile, SmsWorkflow } from "../db";
import { Prisma } from "../db";
import { applyWorkflowEffects } from "./apply-workflow-effects";
import { matchWorkflow } from "./match-workflow";
import { advanceWorkflow } from "./run-workflow-step";
import { isWorkflowsAvailable } from "./workflow-access";
import { workflowSkill } from "./workflow-skill";
import { initialWorkflowState, parseWorkflowState } from "./workflow-state";
import { describeStep, parseSteps } from "./workflow-steps";

export type WorkflowTurn = {
  workflowId: string;
  name: string;
  /** Reported as the turn's skill, and so on the Resolved / Escalated events. */
  skill: string;
  stepIndex: number;
  stepCount: number;
  guidance: WorkflowGuidance;
};

export type GuideResult = { conversation: Conversation; profile: Profile; turn: WorkflowTurn | null };

/** The workflow attached to the conversation while it is still active; a deactivated one lets go. */
async function attachedWorkflow(db: Db, conversation: Conversation): Promise<{ workflow: SmsWorkflow | null; conversation: Conversation }> {
  if (!conversation.workflowId) return { workflow: null, conversation };
  const workflow = await db.smsWorkflow.findFirst({ where: { id: conversation.workflowId, brandId: conversation.brandId } });
  if (workflow?.isActive) return { workflow, conversation };
  const detached = await db.conversation.update({
    where: { id: conversation.id },
    data: { workflowId: null, workflowStepIndex: 0, workflowState: {} },
  });
  return { workflow: null, conversation: detached };
}

export async function guideConversation(
  db: Db,
  input: {
    brand: Brand;
    conversation: Conversation;
    profile: Profile;
    message: Message;
    now: Date;
    /** Whether the brand has an active workflow, when the caller read it already: false spares the look-up. */
    hasActiveWorkflows?: boolean;
  },
): Promise<GuideResult> {
  const { brand, message, now } = input;
  let { conversation, profile } = input;
  if (!isWorkflowsAvailable(brand)) return { conversation, profile, turn: null };

  const attached = await attachedWorkflow(db, conversation);
  conversation = attached.conversation;
  let workflow = attached.workflow;
  let isMatchedNow = false;
  if (!workflow) {
    if (input.hasActiveWorkflows === false) return { conversation, profile, turn: null };
    const active = await db.smsWorkflow.findMany({ where: { brandId: brand.id, isActive: true } });
    workflow = matchWorkflow(active, message.body).match?.workflow ?? null;
    if (!workflow) return { conversation, profile, turn: null };
    isMatchedNow = true;
    conversation = await db.conversation.update({
      where: { id: conversation.id },
      data: { workflowId: workflow.id, workflowStepIndex: 0, workflowState: initialWorkflowState() as unknown as Prisma.InputJsonValue },
    });
  }

  const steps = parseSteps(workflow.steps);
  const stored = parseWorkflowState(conversation.workflowState);
  let stepIndex = conversation.workflowStepIndex;
  let state = stored;
  let directive: WorkflowDirective;
  if (stored.lastMessageId === message.id && stored.lastDirective) {
    // The job is re-running for a text already handled: same decision, nothing stored twice.
    directive = stored.lastDirective;
  } else {
    const advance = advanceWorkflow({ steps, stepIndex, state: stored, text: message.body, now });
    profile = await applyWorkflowEffects(db, { brandId: brand.id, workflowId: workflow.id, profile, conversationId: conversation.id, effects: advance.effects });
    stepIndex = advance.stepIndex;
    directive = advance.directive;
    state = { ...advance.state, lastMessageId: message.id, lastDirective: directive };
    conversation = await db.conversation.update({
      where: { id: conversation.id },
      data: { workflowStepIndex: stepIndex, workflowState: state as unknown as Prisma.InputJsonValue },
    });
  }

  const assistant = workflow.assistantId ? await db.assistant.findFirst({ where: { id: workflow.assistantId, brandId: brand.id } }) : null;
  return {
    conversation,
    profile,
    turn: {
      workflowId: workflow.id,
      name: workflow.name,
      skill: workflowSkill(workflow.name),
      stepIndex,
      stepCount: steps.length,
      guidance: {
        name: workflow.name,
        goal: workflow.goal,
        context: workflow.context,
        responseTemplate: workflow.responseTemplate,
        steps: steps.map(describeStep),
        currentStep: stepIndex,
        collected: state.collected,
        extractedNow: state.lastExtracted,
        isMatchedNow,
        hasSaved: state.savedCollections.length > 0,
        assistant: assistant ? { name: assistant.name, instructions: assistant.instructions, model: assistant.model } : null,
        directive,
      },
    },
  };
}

/** After the turn: a reply that answered something else (a tool ran) did not ask the field, so don't read the next text as it. */
export async function noteWorkflowReply(db: Db, input: { conversationId: string; didAsk: boolean }) {
  if (input.didAsk) return;
  const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId } });
  const state = parseWorkflowState(conversation.workflowState);
  if (!state.asking) return;
  await db.conversation.update({ where: { id: conversation.id }, data: { workflowState: { ...state, asking: null } as unknown as Prisma.InputJsonValue } });
}
