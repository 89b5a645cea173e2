import { tool, zodSchema } from "ai";
import { z } from "zod";
import type { KnowledgeAnswer } from "../../knowledge";

export type SearchKnowledge = (question: string) => Promise<KnowledgeAnswer[]>;
export type FaqAnswer = { question: string; articles: KnowledgeAnswer[] };

// Wrapped once: the AI SDK turns the zod schema into JSON Schema on first use and keeps it (per turn it cost a conversion).
const answerFaqInput = zodSchema(
  z.object({
    question: z.string().min(1).max(500).describe("The shopper's question, in their words"),
  }),
);

/** Store questions (shipping, returns, sizing, hours, …) answered from the brand's help center. */
export function answerFaqTool(deps: { searchKnowledge: SearchKnowledge }) {
  return tool({
    description:
      "Look up the answer to a general store question in the brand's help center: shipping times and costs, returns and " +
      "refunds, exchanges, sizing, store hours, international shipping, warranty, changing or cancelling an order, gift " +
      "cards, payment. Returns up to 2 matching articles, best first, each with a ready-to-send one-SMS `answer` and an " +
      "optional link (url). Answer only from these articles; never invent or stretch a policy, a date or a price. No " +
      "articles means the help center doesn't cover it: say you couldn't find it and offer a teammate (handOff).",
    inputSchema: answerFaqInput,
    execute: async ({ question }): Promise<FaqAnswer> => ({ question, articles: await deps.searchKnowledge(question) }),
  });
}
