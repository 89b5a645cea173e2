/** Carrier-compliant default texts (CTIA): brand name, how to get help, how to opt out. One segment each. */
export const complianceReplies = {
  optOut: (brand: string) => `${brand}: You're unsubscribed and will get no more texts. Reply START to resubscribe.`,
  optIn: (brand: string) => `${brand}: You're subscribed again. Msg frequency varies. Msg & data rates may apply. Reply STOP to opt out.`,
  help: (brand: string) => `${brand}: Reply with your question and we'll help, or reply STOP to opt out. Msg & data rates may apply.`,
};
