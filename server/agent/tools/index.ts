import type { CommerceConnector } from "../../commerce";
import { handOffTool } from "./hand-off";
import { lookupOrderTool } from "./lookup-order";
import { resolveConversationTool } from "./resolve-conversation";

export { handoffReasons, type HandoffReason } from "./hand-off";

export function agentTools(deps: { commerce: CommerceConnector; shopperPhone: string }) {
  return {
    lookupOrder: lookupOrderTool(deps),
    handOff: handOffTool(),
    resolveConversation: resolveConversationTool(),
  };
}
export type AgentTools = ReturnType<typeof agentTools>;

/** The skill a tool stands for, reported on Resolved / Escalated events and in turn records. */
export const skillOfTool: Record<string, string> = { lookupOrder: "order_status" };
