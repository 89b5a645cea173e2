import type { AgentTurnResult } from "../run-agent-turn";
import { evalSkills, type EvalSkill } from "./eval-case";

/**
 * Tools by the skill they stand for. Names the agent does not have yet are harmless here: a
 * turn can only report tools that exist, so this map may run ahead of server/agent/tools.
 */
const skillByTool: Record<string, EvalSkill> = {
  lookupOrder: "order_status",
  recommendProducts: "product_recommendation",
  searchProducts: "product_recommendation",
  answerFaq: "faq",
  lookupCampaign: "promo",
  searchKnowledge: "faq",
  handOff: "handoff",
  resolveConversation: "resolve",
};

const greetingReply = /^(hi|hello|hey|hiya|good (morning|afternoon|evening))\b/i;

export type ClassifiedSkill = EvalSkill | "error";

/**
 * The skill a turn used: the first tool it called that stands for one (a lookup that failed and
 * then handed off is still order_status). Without tools: greeting when the reply greets, else
 * other. A turn whose model broke is "error", never a skill.
 */
export function classifySkill(turn: Pick<AgentTurnResult, "outcome" | "tools" | "reply" | "skill" | "failureReason">): ClassifiedSkill {
  if (turn.outcome === "failed" && turn.failureReason?.startsWith("model_")) return "error";
  for (const t of turn.tools) {
    const skill = skillByTool[t.name];
    if (skill) return skill;
  }
  // A tool this map does not know yet may still carry a skill the turn reports.
  const reported = evalSkills.find((s) => s === turn.skill);
  if (reported) return reported;
  return greetingReply.test(turn.reply.trim()) ? "greeting" : "other";
}
