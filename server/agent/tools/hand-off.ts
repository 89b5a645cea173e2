import { tool, zodSchema } from "ai";
import { z } from "zod";

/** Complaints a person must handle, by kind: the teammate sees which one from the reason alone. */
export const complaintReasons = ["damaged_item", "wrong_item", "missing_parcel", "refund", "cancellation_dispute", "billing", "legal", "promo_problem"] as const;
export const handoffReasons = ["shopper_requested", "repeated_misunderstanding", "tool_failure", "out_of_scope", "cap_reached", "upset_shopper", ...complaintReasons] as const;
/** Besides the tool's reasons: a brand escalation rule matched, or a workflow's Create support ticket step ran. */
export type HandoffReason = (typeof handoffReasons)[number] | `rule:${string}` | "workflow_ticket";

// Wrapped once: the AI SDK turns the zod schema into JSON Schema on first use and keeps it (per turn it cost a conversion).
const handOffInput = zodSchema(
  z.object({
    reason: z.enum(handoffReasons).describe("Why a person is needed"),
    summary: z.string().max(300).optional().describe("One sentence a teammate can act on: the order or product, what went wrong, what was tried"),
  }),
);

/** Hands the conversation to a person. The pipeline does the rest (ticket or closeout). */
export function handOffTool() {
  return tool({
    description:
      "Hand the conversation to a human teammate. Use when the shopper asks for a person, when you cannot help after " +
      "trying, when a tool failed, when the shopper is upset (upset_shopper), or for a complaint, with its kind as the reason " +
      "(damaged_item, wrong_item, missing_parcel, refund, cancellation_dispute, billing, legal, promo_problem) and a summary " +
      "naming the order and what went wrong. After calling it, reply with one short sentence telling the shopper a teammate will follow up.",
    inputSchema: handOffInput,
    execute: async ({ reason, summary }) => ({ handedOff: true, reason, summary: summary ?? null }),
  });
}
