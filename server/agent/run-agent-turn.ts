/**
 * One agent turn: the model answers the shopper's latest text with tools and a small step
 * limit, under a timeout. The result says what the pipeline must do next; it never sends.
 */
import { generateText, isStepCount, type LanguageModel, type ModelMessage } from "ai";
import type { AgentSettings, Brand } from "../db";
import type { CommerceConnector } from "../commerce";
import { env } from "../env";
import { fitSingleSegment, segmentInfo, toGsm7 } from "../sms";
import { agentTools, skillOfTool, type HandoffReason } from "./tools";
import { agentInstructions } from "./instructions";
import { selectModel } from "./models/select-model";
import { replies } from "./models/builtin-replies";
import type { WorkflowGuidance } from "./workflow-guidance";

export type ToolTrace = { name: string; input: unknown; output?: unknown; error?: string };

/**
 * One text of the conversation. A brand text the agent wrote carries the tools it ran for it (the
 * orders and products it already talked about), so a follow-up ("what about the other one?")
 * resolves against them. `source: "campaign"` is the campaign text the shopper is replying to.
 */
export type HistoryTurn = { role: "shopper" | "brand"; text: string; tools?: ToolTrace[]; source?: "campaign" };

/** The campaign text the shopper is replying to (the conversation's attributed campaign). */
export type CampaignContext = { body: string };

export type AgentTurnResult = {
  /** answered: keep talking · resolved: need met · handoff: a person takes over · failed: model or loop broke. */
  outcome: "answered" | "resolved" | "handoff" | "failed";
  reply: string;
  skill: string | null;
  handoffReason?: HandoffReason;
  handoffSummary?: string | null;
  failureReason?: string;
  tools: ToolTrace[];
  model: string;
  latencyMs: number;
  inputTokens?: number;
  outputTokens?: number;
};

export type AgentTurnInput = {
  brand: Pick<Brand, "name" | "timeZone">;
  settings: Pick<AgentSettings, "brandSummary" | "tone" | "customTone" | "styleRules">;
  commerce: CommerceConnector;
  shopperPhone: string;
  /** The brand's help-center search for the answerFaq tool; without it the tool finds nothing. */
  searchKnowledge?: Parameters<typeof agentTools>[0]["searchKnowledge"];
  /** Earlier texts of this conversation, oldest first, then the new one last (the campaign replied to first, if any). */
  history: HistoryTurn[];
  timeoutMs?: number;
  /** The SMS workflow guiding this conversation: its goal, context and next step go into the prompt. */
  workflow?: WorkflowGuidance | null;
  /** Overrides the configured model (tests drive the loop's edges with a scripted model). */
  model?: { model: LanguageModel; name: string };
};

export const MAX_AGENT_STEPS = 4;

/** The latest campaign text in the history: what the shopper is replying to. */
export function campaignOf(history: HistoryTurn[]): CampaignContext | null {
  const campaign = history.findLast((h) => h.source === "campaign");
  return campaign ? { body: campaign.text } : null;
}

/**
 * The conversation as model messages: a brand text the agent wrote with tools becomes the tool
 * calls, their results and then the text, as the model saw them in that turn. The campaign text
 * goes into the instructions instead (the shopper got it before the conversation began).
 */
export function historyMessages(history: HistoryTurn[]): ModelMessage[] {
  const messages: ModelMessage[] = [];
  history.forEach((h, turn) => {
    if (h.source === "campaign") return;
    if (h.role === "shopper") {
      messages.push({ role: "user", content: h.text });
      return;
    }
    const tools = h.tools ?? [];
    if (tools.length > 0) {
      const id = (i: number) => `history_${turn}_${i}`;
      messages.push({ role: "assistant", content: tools.map((t, i) => ({ type: "tool-call" as const, toolCallId: id(i), toolName: t.name, input: t.input ?? {} })) });
      messages.push({
        role: "tool",
        content: tools.map((t, i) => ({
          type: "tool-result" as const,
          toolCallId: id(i),
          toolName: t.name,
          output: t.error !== undefined ? { type: "error-text" as const, value: t.error } : { type: "json" as const, value: (t.output ?? null) as never },
        })),
      });
    }
    messages.push({ role: "assistant", content: h.text });
  });
  return messages;
}


/**
 * A reply longer than one segment: ask the model once to shorten it (links kept whole); what
 * still does not fit is cut by fitSingleSegment. The built-in model's templates always fit.
 */
async function shortenOnce(text: string, model: LanguageModel, messages: ModelMessage[]): Promise<string> {
  if (!text || segmentInfo(toGsm7(text)).segments <= 1) return text;
  try {
    const shorter = await generateText({
      model,
      instructions: "Rewrite your last reply so it fits one SMS: at most 160 characters, plain GSM-7 text, same facts, keep any link exactly.",
      messages: [...messages, { role: "assistant", content: text }, { role: "user", content: "Shorten that reply to one SMS." }],
      timeout: 5000,
      maxRetries: 0,
    });
    return shorter.text.trim() || text;
  } catch {
    return text;
  }
}

export async function runAgentTurn(input: AgentTurnInput): Promise<AgentTurnResult> {
  const started = Date.now();
  const campaign = campaignOf(input.history);
  const selected = input.model ?? (() => {
    const { model, choice } = selectModel({ brandName: input.brand.name, timeZone: input.brand.timeZone, workflow: input.workflow, campaign }, undefined, {
      modelId: input.workflow?.assistant?.model,
    });
    return { model, name: `${choice.provider}:${choice.modelId}` };
  })();
  const model = selected.model;
  const modelName = selected.name;
  const messages = historyMessages(input.history);
  const tools: ToolTrace[] = [];
  try {
    const result = await generateText({
      model,
      instructions: agentInstructions(input.brand, input.settings, input.workflow, campaign),
      messages,
      tools: agentTools({ commerce: input.commerce, shopperPhone: input.shopperPhone, searchKnowledge: input.searchKnowledge ?? (async () => []), campaign }),
      stopWhen: isStepCount(MAX_AGENT_STEPS),
      timeout: input.timeoutMs ?? env().AGENT_TIMEOUT_MS,
      maxRetries: 1,
    });
    for (const step of result.steps) {
      for (const part of step.content) {
        if (part.type === "tool-result") tools.push({ name: part.toolName, input: part.input, output: part.output });
        if (part.type === "tool-error") tools.push({ name: part.toolName, input: part.input, error: String(part.error) });
      }
    }
    const usage = { inputTokens: result.totalUsage.inputTokens, outputTokens: result.totalUsage.outputTokens };
    const skill = tools.map((t) => skillOfTool[t.name]).find(Boolean) ?? null;
    const handoff = tools.find((t) => t.name === "handOff" && !t.error);
    const failedTool = tools.find((t) => t.error);
    const shaped = fitSingleSegment(await shortenOnce(result.text.trim(), model, messages), { keepUrls: true });
    const base = { tools, model: modelName, latencyMs: Date.now() - started, skill, ...usage };
    if (handoff) {
      const out = handoff.output as { reason: HandoffReason; summary: string | null };
      return { ...base, outcome: "handoff", reply: shaped.text || replies.handedOff(), handoffReason: out.reason, handoffSummary: out.summary };
    }
    if (failedTool) {
      return { ...base, outcome: "handoff", reply: replies.toolFailed(), handoffReason: "tool_failure", handoffSummary: `${failedTool.name} failed: ${failedTool.error}` };
    }
    if (!shaped.text) {
      return { ...base, outcome: "failed", reply: replies.toolFailed(), failureReason: "empty_reply" };
    }
    const resolved = tools.some((t) => t.name === "resolveConversation" && !t.error);
    return { ...base, outcome: resolved ? "resolved" : "answered", reply: shaped.text };
  } catch (error) {
    const reason = error instanceof Error && /timeout|abort/i.test(error.name + error.message) ? "model_timeout" : "model_error";
    return {
      outcome: "failed",
      reply: replies.toolFailed(),
      skill: null,
      failureReason: `${reason}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500),
      tools,
      model: modelName,
      latencyMs: Date.now() - started,
    };
  }
}
