/**
 * Why the agent did or didn't answer an inbound text. Stored on the message; shown in
 * Conversations and the Simulator.
 */
export type Disposition =
  | "opt_out"
  | "opt_in"
  | "help"
  | `keyword:${string}`
  | `noise:${string}`
  | "not_subscribed"
  | `ineligible:${string}`
  | "human"
  /** Answered together with the shopper's next text (one turn of several quick texts). */
  | "combined"
  | "agent_replied"
  | "escalated"
  | "closed_out"
  | "failed";

// In step with server/eligibility/failed-eligibility-rule.ts (eligibilityRules) and Settings → Who can chat.
const ineligibleWords: Record<string, string> = {
  agent_off: "Sent to the inbox: the customer agent is switched off",
  restricted_goods: "Sent to the inbox: the brand sells restricted (SHAFT) goods, so the agent can't chat",
  inbox_keyword: "Sent to the inbox: the text has an inbox keyword",
  keyword_required: "Sent to the inbox: conversations with the agent must start with a keyword",
  not_in_segment: "Sent to the inbox: the shopper isn't in a segment allowed to chat",
  excluded_segment: "Sent to the inbox: the shopper is in a segment left out of the agent",
};

/** Plain words for each disposition, for people reading the Conversations page. */
export function describeDisposition(d: string): string {
  if (d.startsWith("keyword:")) return `Keyword automation "${d.slice(8)}" answered`;
  if (d.startsWith("noise:")) return `Not answered: ${d.slice(6).replace(/_/g, " ")}`;
  if (d.startsWith("ineligible:")) return ineligibleWords[d.slice(11)] ?? `Not eligible for the agent (${d.slice(11).replace(/_/g, " ")})`;
  const words: Record<string, string> = {
    opt_out: "Opted out: confirmation sent, no more texts",
    opt_in: "Opted back in: confirmation sent",
    help: "HELP keyword: help text sent",
    not_subscribed: "Not answered: this number is not subscribed to SMS",
    human: "Waiting for a teammate: people own this conversation",
    combined: "Answered together with the shopper's next text",
    agent_replied: "The agent replied",
    escalated: "Handed to a teammate",
    closed_out: "Closeout message sent",
    failed: "The agent failed; fallback sent",
  };
  return words[d] ?? d;
}
