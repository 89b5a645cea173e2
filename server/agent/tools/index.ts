import type { CommerceConnector } from "../../commerce";
import { answerFaqTool, type SearchKnowledge } from "./answer-faq";
import { handOffTool } from "./hand-off";
import { lookupOrderTool } from "./lookup-order";
import { lookupCampaignTool } from "./lookup-campaign";
import type { CampaignContext } from "../run-agent-turn";
import { recommendProductsTool } from "./recommend-products";
import { resolveConversationTool } from "./resolve-conversation";

export { complaintReasons, handoffReasons, type HandoffReason } from "./hand-off";
export type { FaqAnswer, SearchKnowledge } from "./answer-faq";
export type { ProductRecommendations } from "./recommend-products";
export { campaignFacts, type CampaignFacts } from "./lookup-campaign";

export function agentTools(deps: { commerce: CommerceConnector; shopperPhone: string; searchKnowledge: SearchKnowledge; campaign?: CampaignContext | null }) {
  return {
    lookupOrder: lookupOrderTool(deps),
    recommendProducts: recommendProductsTool(deps),
    answerFaq: answerFaqTool(deps),
    lookupCampaign: lookupCampaignTool(deps),
    handOff: handOffTool(),
    resolveConversation: resolveConversationTool(),
  };
}
export type AgentTools = ReturnType<typeof agentTools>;

/** The skill a tool stands for, reported on Resolved / Escalated events and in turn records. */
export const skillOfTool: Record<string, string> = {
  lookupOrder: "order_status",
  recommendProducts: "product_recommendation",
  answerFaq: "faq",
  lookupCampaign: "promo",
};
