import type { ToolTrace } from "../agent";

const skillWords: Record<string, string> = {
  lookupOrder: "looked up the order",
  recommendProducts: "suggested products",
  answerFaq: "searched the help center",
};

const reasonWords: Record<string, string> = {
  shopper_requested: "asked for a person",
  repeated_misunderstanding: "the agent could not understand the request",
  tool_failure: "a system the agent needs failed",
  out_of_scope: "the request is outside what the agent can do",
  cap_reached: "the agent reached its reply limit",
};

/**
 * The handoff note's summary: what the shopper wants (their first and latest texts), what the
 * agent tried, and why a person is needed. Built from the record, so it never invents.
 */
export function summarizeForHandoff(input: { shopperTexts: string[]; tools: ToolTrace[]; reason: string; agentSummary?: string | null }): string {
  const first = input.shopperTexts[0]?.slice(0, 140) ?? "";
  const last = input.shopperTexts[input.shopperTexts.length - 1]?.slice(0, 140) ?? "";
  const wants = first && last && first !== last ? `Shopper first wrote "${first}" and last "${last}".` : `Shopper wrote "${last || first}".`;
  const tried = [...new Set(input.tools.map((t) => skillWords[t.name]).filter(Boolean))];
  const triedText = tried.length ? ` The agent ${tried.join(", ")}.` : " The agent had not used any tool yet.";
  const why = input.reason.startsWith("rule:") ? `the brand's escalation rule "${input.reason.slice(5)}" matched` : (reasonWords[input.reason] ?? input.reason.replace(/_/g, " "));
  return `${wants}${triedText} Handed off because ${why}.${input.agentSummary ? ` Agent note: ${input.agentSummary}` : ""}`;
}
