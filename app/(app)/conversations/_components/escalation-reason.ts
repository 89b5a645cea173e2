/**
 * Why a conversation is with people, in plain words. The server words the reasons only it knows
 * (an eligibility rule — "Sent to the inbox: the customer agent is switched off" — or a number that
 * isn't subscribed) and passes them as `reasonText`; the agent's handoff reasons are worded here.
 */
const handoffWords: Record<string, string> = {
  shopper_requested: "the shopper asked for a person",
  repeated_misunderstanding: "the agent didn't understand the shopper",
  tool_failure: "one of the agent's tools failed",
  out_of_scope: "it needs a person (billing, a complaint or a legal matter)",
  cap_reached: "the agent reached its reply limit for this conversation",
  workflow_ticket: "an SMS workflow opened a support ticket",
  teammate_took_over: "a teammate took over",
  agent_failure: "the agent failed",
  upset_shopper: "the shopper is upset",
  damaged_item: "an item arrived damaged",
  wrong_item: "the wrong item arrived",
  missing_parcel: "a parcel is missing",
  refund: "a refund question",
  cancellation_dispute: "the shopper disputes a cancellation",
  billing: "a billing problem",
  legal: "a legal matter",
  promo_problem: "a promo code or offer problem",
};

/** "the shopper asked for a person", "escalation rule “refund”", or the code in words for anything else. */
export function handoffReasonWords(reason: string): string {
  if (reason.startsWith("rule:")) return `escalation rule “${reason.slice(5)}”`;
  return handoffWords[reason] ?? reason.replace(/_/g, " ");
}

/**
 * The one line a list row shows for why people have the conversation, or null: none for the
 * agent's own conversations (automating, resolved), whose reason is left from an earlier handoff.
 */
export function escalationReasonLine(c: { status: string; escalationReason: string | null; escalationReasonText: string | null }): string | null {
  if (c.escalationReasonText) return c.escalationReasonText;
  if (!c.escalationReason || c.status === "automating" || c.status === "resolved") return null;
  const words = handoffReasonWords(c.escalationReason);
  if (c.status === "closed_out") return `Closeout message sent: ${words}`;
  if (c.status === "failed") return `The agent failed: ${words}`;
  return `Handed to a person: ${words}`;
}
