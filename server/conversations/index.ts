export { continueOrStartConversation, conversationHistory, findOpenAgentConversation, type ConversationDecision } from "./continue-or-start";
export { resolveConversation, escalateConversation } from "./end-conversation";
export { resolveExpiredConversations } from "./resolve-expired-conversations";
export { listConversations, getConversation, listInboundTexts } from "./read-conversations";
export { sendTeammateReply, MAX_REPLY_CHARACTERS, type TeammateReplyInput } from "./send-teammate-reply";
