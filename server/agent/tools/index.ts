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
