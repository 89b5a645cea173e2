import type { AgentTurnResult, HandoffReason, ToolTrace } from "../../agent";
import { runAgentTurn } from "../../agent";
import { commerceForAgent } from "../../commerce";
import { conversationHistory } from "../../conversations";
import { randomUUID } from "node:crypto";
import { Prisma } from "../../db";
import { searchKnowledge } from "../../knowledge";
import { builtinReplies, workflowReplies } from "../../agent";
import { createHandoffTicket } from "../../helpdesk";
import { noteWorkflowReply, type WorkflowTurn } from "../../workflows";
import { matchKeyword } from "../../sms";
import { conversationOf, next, profileOf, type ConversationOwnership, type PipelineContext, type Stage } from "../pipeline-types";

/** A turn already stored for this text (the job is re-running after a crash): reuse, don't ask the model twice. */
function storedTurn(ctx: PipelineContext): AgentTurnResult | null {
  const t = ctx.storedTurn;
  if (!t) return null;
  return {
    outcome: t.outcome as AgentTurnResult["outcome"],
    reply: t.replyText ?? "",
    skill: t.skill,
    handoffReason: (t.handoffReason ?? undefined) as HandoffReason | undefined,
    handoffSummary: t.handoffSummary,
    failureReason: t.failureReason ?? undefined,
    tools: t.tools as ToolTrace[],
    model: t.model,
    latencyMs: t.latencyMs,
  };
}

type EscalationRule = { name: string; keywords: string[] };

/** The brand's escalation rules (e.g. "Legal": lawyer, sue) hand off before the model is asked. */
function matchingEscalationRule(ctx: PipelineContext): string | null {
  const rules = Array.isArray(ctx.settings.escalationRules) ? (ctx.settings.escalationRules as EscalationRule[]) : [];
  for (const rule of rules) {
    if (rule?.name && Array.isArray(rule.keywords) && matchKeyword(ctx.message.body, rule.keywords)) return rule.name;
  }
  return null;
}

/** A workflow's Create support ticket step: a person takes over with a ticket, the model is not asked. */
function workflowTicketTurn(workflow: WorkflowTurn, priority: string): AgentTurnResult {
  const collected = Object.entries(workflow.guidance.collected);
  return {
    outcome: "handoff",
    reply: workflowReplies.ticket(),
    skill: workflow.skill,
    handoffReason: "workflow_ticket",
    handoffSummary:
      `The "${workflow.name}" workflow opened a ${priority}-priority support ticket.` +
      (collected.length ? ` Collected: ${collected.map(([k, v]) => `${k}: ${v}`).join("; ")}.` : ""),
    tools: [],
    model: "policy:workflow_ticket",
    latencyMs: 0,
  };
}

/**
 * 9. The model answers with tools; at the reply cap it hands off instead of talking on. Under an
 * SMS workflow the turn carries the workflow's guidance, and the workflow is the turn's skill.
 */
export const agentTurn: Stage = {
  name: "agent_turn",
  async run(ctx) {
    const conversation = conversationOf(ctx);
    const profile = profileOf(ctx);
    const stored = storedTurn(ctx);
    if (stored) {
      ctx.turn = stored;
      return next;
    }
    let turn: AgentTurnResult;
    const workflow = ctx.workflow ?? null;
    const directive = workflow?.guidance.directive;
    const rule = matchingEscalationRule(ctx);
    if (rule) {
      turn = {
        outcome: "handoff",
        reply: builtinReplies.handedOff(),
        skill: workflow?.skill ?? conversation.skill,
        handoffReason: `rule:${rule}`,
        handoffSummary: `The text matched the brand's escalation rule "${rule}".`,
        tools: [],
        model: "policy:escalation_rule",
        latencyMs: 0,
      };
    } else if (workflow && directive?.type === "create_ticket") {
      turn = workflowTicketTurn(workflow, directive.priority);
      // Closeout mode sends the closeout text and opens no ticket; the workflow's step asked for one.
      if (ctx.settings.handoffMode === "closeout") {
        await createHandoffTicket(ctx.db, { conversationId: conversation.id, reason: "workflow_ticket", agentSummary: turn.handoffSummary });
      }
    } else if (conversation.agentReplyCount >= ctx.settings.maxRepliesPerConversation) {
      turn = {
        outcome: "handoff",
        reply: builtinReplies.handedOff(),
        skill: workflow?.skill ?? conversation.skill,
        handoffReason: "cap_reached",
        handoffSummary: `The agent reached its limit of ${ctx.settings.maxRepliesPerConversation} replies.`,
        tools: [],
        model: "policy:reply_cap",
        latencyMs: 0,
      };
    } else {
      turn = await runAgentTurn({
        brand: ctx.brand,
        settings: ctx.settings,
        commerce: commerceForAgent(ctx.db, ctx.brand),
        shopperPhone: profile.phone,
        searchKnowledge: (question) => searchKnowledge(ctx.db, ctx.brand.id, question),
        history: await conversationHistory(ctx.db, conversation.id),
        workflow: workflow?.guidance,
      });
      if (workflow) {
        turn = { ...turn, skill: workflow.skill };
        // A reply that answered something else with a tool did not ask for the field: don't read the next text as that field.
        if (directive?.type === "ask_field") {
          const didAsk = turn.tools.length === 0 || turn.reply.toLowerCase().includes(directive.field.replace(/_/g, " "));
          await noteWorkflowReply(ctx.db, { conversationId: conversation.id, didAsk });
        }
      }
    }
    // The turn stored (a re-run reuses it) and, in the same statement, who owns the conversation now
    // that the agent has thought: the send stage answers only if it is still the agent's.
    const owners = await ctx.db.$queryRaw<ConversationOwnership[]>(Prisma.sql`
      WITH stored AS (
        INSERT INTO "AgentTurn" ("id", "brandId", "conversationId", "inboundMessageId", "model", "intent", "tools", "replyText", "outcome", "skill",
                                 "handoffReason", "handoffSummary", "failureReason", "latencyMs", "inputTokens", "outputTokens", "createdAt")
        VALUES (${`at${randomUUID().replace(/-/g, "")}`}, ${ctx.brand.id}, ${conversation.id}, ${ctx.message.id}, ${turn.model}, ${turn.skill ?? null},
                ${JSON.stringify(turn.tools)}::jsonb, ${turn.reply}, ${turn.outcome}, ${turn.skill ?? null}, ${turn.handoffReason ?? null},
                ${turn.handoffSummary ?? null}, ${turn.failureReason ?? null}, ${Math.round(turn.latencyMs)}::int, ${turn.inputTokens ?? null}::int,
                ${turn.outputTokens ?? null}::int, ${new Date()}::timestamp(3))
        RETURNING 1)
      SELECT "tags", "assigneeId", "status"::text AS "status" FROM "Conversation" WHERE "id" = ${conversation.id}`);
    ctx.ownership = owners[0];
    ctx.turn = turn;
    return next;
  },
};
