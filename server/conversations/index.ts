export { placeShopperText, findOpenAgentConversation, type PlacedText } from "./place-shopper-text";
export { conversationHistory, historyTextsSql, historyTurns, type HistoryTurn } from "./conversation-history";
export { leaveWithPeople } from "./leave-with-people";
export { conversationState, type ConversationState } from "./conversation-state";
export {
  decideShopperText,
  isWaitingForPerson,
  ownerOf,
  transition,
  waitingForPersonWhere,
  type LifecycleEvent,
  type Owner,
  type ShopperTextDecision,
  type TextRoute,
} from "./lifecycle";
export { resolveConversation, escalateConversation } from "./end-conversation";
export { resolveExpiredConversations } from "./resolve-expired-conversations";
export {
  listConversations,
  getConversation,
  listInboundTexts,
  unreadCounts,
  listCampaignChoices,
  conversationDispositions,
  type ConversationDisposition,
  type ConversationListFilters,
} from "./read-conversations";
export { sendTeammateReply, replyBlockedReason, MAX_REPLY_CHARACTERS, type TeammateReplyInput } from "./send-teammate-reply";
export { assignConversation, unassignConversation } from "./assign-conversation";
export { closeConversation } from "./close-conversation";
export { addConversationNote, MAX_NOTE_CHARACTERS } from "./add-conversation-note";
export { markConversationRead } from "./mark-conversation-read";
export { countAwaitingHumans } from "./count-awaiting-humans";
