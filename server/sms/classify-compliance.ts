import { keywordIntent, type ComplianceIntent } from "./compliance-keywords";
import { isOptOutRequest } from "./is-opt-out-request";
import { splitReaction } from "./split-reaction";
import { stripDeviceSignature } from "./strip-device-signature";
import { toPhraseForm } from "./text-forms";

export { complianceKeywords, type ComplianceIntent } from "./compliance-keywords";

/**
 * What an inbound text asks of the messaging program, or null for everything else:
 * - a carrier keyword that is the whole message (STOP, START, YES, HELP, INFO…; see
 *   compliance-keywords.ts), in any case and with any punctuation or emoji around it;
 * - an opt-out in the shopper's own words ("please stop texting me", "wrong number, stop").
 * START, UNSTOP and YES opt in, and HELP and INFO ask for help, only as the whole message;
 * free text never opts anyone in, and "help me find a gift" is a question for the agent.
 */
export function classifyCompliance(text: string): ComplianceIntent | null {
  const own = ownWords(text);
  if (!own) return null;
  const intent = keywordIntent(own);
  if (intent) return intent;
  return isOptOutRequest(toPhraseForm(own), own) ? "opt_out" : null;
}

/**
 * A tapback quoting our campaign ('Liked “… Reply STOP to opt out”') asks for nothing; what the
 * shopper typed under it, or before a device signature, is what counts.
 */
function ownWords(text: string): string {
  const reaction = splitReaction(text);
  return stripDeviceSignature(reaction ? reaction.rest : text).trim();
}
