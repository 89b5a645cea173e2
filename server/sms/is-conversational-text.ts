import { classifyCompliance } from "./classify-compliance";
import { detectNoise } from "./detect-noise";

/**
 * A text the agent would read as part of a conversation: not a compliance keyword or opt-out
 * (those are handled alone, at once) and not noise (a tapback, emoji, auto-reply).
 */
export function isConversationalText(text: string): boolean {
  return classifyCompliance(text) === null && detectNoise(text) === null;
}
