import { detectAutoReply } from "./detect-auto-reply";
import { isGibberish } from "./is-gibberish";
import { splitReaction } from "./split-reaction";
import { stripDeviceSignature } from "./strip-device-signature";

export type NoiseKind = "auto_reply" | "reaction" | "emoji_only" | "empty" | "gibberish" | "loop";

export interface Noise {
  kind: NoiseKind;
  reason: string;
}

// Invisible characters phones leave behind: zero-width space and joiner, BOM, variation selectors.
const INVISIBLE_ONLY = /^[\s\p{Cc}\p{Cf}\uFE0E\uFE0F]*$/u;
// "?" alone means "what is this?": a question the agent should answer, not noise.
const QUESTION_MARKS_ONLY = /^\s*[?？¿❓❔\s]+$/u;
// Keycaps (1️⃣, #️⃣) start with a digit or # but are emoji; ℹ️ and ™ are letters by category.
const KEYCAP = /[0-9#*]\uFE0F?\u20E3/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
// Text emoticons and the shrug: ":)", ":-D", "XD", "<3", "^_^", "¯\_(ツ)_/¯".
const EMOTICON =
  /(?<![\p{L}\p{N}])(?:[:;=8][-'^o]?[)(\][DPpOo3|/\\*@$]+|[xX][Dd]+|<\/?3+|\^_*\^|[oO]_[oO]|[tT]_[tT]|¯\\_\(ツ\)_\/¯)(?![\p{L}\p{N}])/gu;

/**
 * Inbound texts that need no answer from the agent, or null for a real message. Bot loops need
 * the sender's recent texts and are found by detectLoop.
 */
export function detectNoise(text: string): Noise | null {
  if (INVISIBLE_ONLY.test(text)) return { kind: "empty", reason: "no visible characters" };
  const reaction = splitReaction(text);
  if (reaction) {
    return reaction.rest === "" || detectNoise(reaction.rest)
      ? { kind: "reaction", reason: "tapback or emoji reaction relayed as SMS" }
      : null;
  }
  const own = stripDeviceSignature(text);
  if (INVISIBLE_ONLY.test(own)) return { kind: "auto_reply", reason: "only a device signature (\"Sent from my …\")" };
  if (QUESTION_MARKS_ONLY.test(own)) return null;
  if (isGibberish(own)) return { kind: "gibberish", reason: "keyboard mash" };
  if (isSymbolsOnly(own)) return { kind: "emoji_only", reason: "only emoji, symbols or punctuation" };
  const autoReply = detectAutoReply(own);
  return autoReply ? { kind: "auto_reply", reason: autoReply } : null;
}

function isSymbolsOnly(text: string): boolean {
  const withoutEmoji = text.replace(KEYCAP, "").replace(EMOTICON, "").replace(PICTOGRAPH, "");
  return !/[\p{L}\p{N}]/u.test(withoutEmoji);
}
