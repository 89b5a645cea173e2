/** The analytics event names. Pure (no database import), so browser code can name events too. */
export const EventName = {
  receivedSms: "Received SMS",
  sentSms: "Sent SMS",
  conversationStarted: "Started Customer Agent Conversation",
  conversationResolved: "Resolved Customer Agent Conversation",
  conversationEscalated: "Escalated Customer Agent Conversation",
  productRecommended: "Received Product Recommendation from Customer Agent",
  placedOrder: "Placed Order",
  consentChanged: "Changed SMS Consent",
} as const;
