export type NoiseKind = "auto_reply" | "reaction" | "emoji_only" | "empty";

export interface Noise {
  kind: NoiseKind;
  reason: string;
}

// iOS Driving Focus (and its predecessor, Do Not Disturb While Driving) answers every text with a
// fixed sentence; Android's driving mode sends a similar one. Matched on text with straight quotes.
const DRIVING_AUTO_REPLIES: RegExp[] = [
  /^i'm driving with (?:driving focus|do not disturb while driving|do not disturb) turned on\.? ?i'll see your message when i get where i'm going\.?/,
  /^i'm driving right now ?[-,.:]? ?i'll get back to you(?: later| soon| shortly)?\.?/,
];
// iOS may add this when the sender is allowed to break through the Focus.
const NOT_RECEIVING_NOTIFICATIONS =
  /^i'm not receiving notifications\.?(?: if (?:it's|this is) urgent,? reply "?urgent"? to send a notification through with your original message\.?)?$/;

// iMessage tapbacks reach SMS senders as text: 'Liked “…”', 'Reacted 👍 to “…”', 'Removed a heart from “…”'.
const TAPBACK_VERB =
  "(?:Liked|Loved|Laughed at|Emphasi[sz]ed|Questioned|Disliked|Reacted .{1,30}? to|Removed an? .{1,30}? from)";
const TAPBACK_ON_TEXT = new RegExp(`^${TAPBACK_VERB} [“"]([\\s\\S]*)[”"]$`, "i");
const TAPBACK_ON_ATTACHMENT = new RegExp(
  `^${TAPBACK_VERB} an? (?:image|photo|video|movie|audio message|attachment|sticker|gif)$`,
  "i",
);

/** Inbound messages that need no answer from the agent, or null for a real message. */
export function detectNoise(text: string): Noise | null {
  if (/^[\s\p{Cf}]*$/u.test(text)) {
    return { kind: "empty", reason: "no visible characters" };
  }
  // Keycaps (1️⃣, #️⃣) are emoji even though they start with a digit.
  if (!/[\p{L}\p{N}]/u.test(text.replace(/[0-9#*]\uFE0F?\u20E3/g, ""))) {
    return { kind: "emoji_only", reason: "only emoji, symbols or punctuation" };
  }
  if (isDrivingAutoReply(text)) {
    return { kind: "auto_reply", reason: "driving auto-reply (iOS Driving Focus or similar)" };
  }
  if (isTapback(text.trim())) {
    return { kind: "reaction", reason: "tapback reaction relayed as SMS" };
  }
  return null;
}

function isDrivingAutoReply(text: string): boolean {
  const normalized = text
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  for (const pattern of DRIVING_AUTO_REPLIES) {
    const head = pattern.exec(normalized);
    if (!head) continue;
    // Anything beyond the known wording means a person wrote more; that is not noise.
    const rest = normalized.slice(head[0].length).trim();
    return rest === "" || NOT_RECEIVING_NOTIFICATIONS.test(rest);
  }
  return false;
}

function isTapback(text: string): boolean {
  if (TAPBACK_ON_ATTACHMENT.test(text)) return true;
  const quoted = TAPBACK_ON_TEXT.exec(text)?.[1];
  // A closing quote followed by a new line means free text came after the reaction.
  return quoted !== undefined && !/[”"]\s*\n/.test(quoted);
}
