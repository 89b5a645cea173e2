import { tool } from "ai";
import { z } from "zod";

/** Marks the shopper's need as met (they thanked, confirmed, or said goodbye after an answer). */
export function resolveConversationTool() {
  return tool({
    description:
      "Mark the conversation as resolved when the shopper confirms their question was answered, thanks you, or says " +
      "goodbye after you helped. Then reply with one short, warm closing sentence.",
    inputSchema: z.object({ skill: z.string().max(40).optional().describe("What you helped with, e.g. order_status") }),
    execute: async ({ skill }) => ({ resolved: true, skill: skill ?? null }),
  });
}
