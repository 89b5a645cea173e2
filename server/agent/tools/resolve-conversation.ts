import { tool, zodSchema } from "ai";
import { z } from "zod";

// Wrapped once: the AI SDK turns the zod schema into JSON Schema on first use and keeps it (per turn it cost a conversion).
const resolveConversationInput = zodSchema(
  z.object({ skill: z.string().max(40).optional().describe("What you helped with, e.g. order_status") }),
);

/** Marks the shopper's need as met (they thanked, confirmed, or said goodbye after an answer). */
export function resolveConversationTool() {
  return tool({
    description:
      "Mark the conversation as resolved when the shopper confirms their question was answered, thanks you, or says " +
      "goodbye after you helped. Then reply with one short, warm closing sentence.",
    inputSchema: resolveConversationInput,
    execute: async ({ skill }) => ({ resolved: true, skill: skill ?? null }),
  });
}
