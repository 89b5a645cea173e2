export { createHandoffTicket } from "./create-handoff-ticket";
export { summarizeForHandoff } from "./summarize-for-handoff";
export { shopperSentiment, type Sentiment } from "./shopper-sentiment";
