/**
 * How fast a campaign may go out. Carriers and Twilio rate-limit each sending number: about 1 SMS
 * segment a second on a long code, 3 on toll-free, 100 on a short code. Twilio counts segments,
 * not texts ("MPS" is message segments per second), so a two-segment text uses two slots. Pure.
 */

export const senderTypes = ["long_code", "toll_free", "short_code"] as const;
export type SenderType = (typeof senderTypes)[number];

export const senderTypeLabel: Record<SenderType, string> = {
  long_code: "Long code (10DLC)",
  toll_free: "Toll-free",
  short_code: "Short code",
};

export const defaultMessagesPerSecond: Record<SenderType, number> = { long_code: 1, toll_free: 3, short_code: 100 };

export const MIN_MESSAGES_PER_SECOND = 1;
export const MAX_MESSAGES_PER_SECOND = 500;

export function isSenderType(value: string): value is SenderType {
  return (senderTypes as readonly string[]).includes(value);
}

/** How long one text of `segments` segments occupies the sender at `messagesPerSecond` (ms). */
export function sendIntervalMs(segments: number, messagesPerSecond: number): number {
  const rate = Math.max(MIN_MESSAGES_PER_SECOND, messagesPerSecond);
  return Math.ceil((Math.max(1, segments) * 1000) / rate);
}

/**
 * Paces sends: given when the sender is next free and the text about to go, returns how long to wait
 * before sending (0 when free) and when the sender is free again after it.
 */
export function paceSend(nextFreeAt: number, nowMs: number, segments: number, messagesPerSecond: number): { waitMs: number; nextFreeAt: number } {
  const start = Math.max(nextFreeAt, nowMs);
  return { waitMs: start - nowMs, nextFreeAt: start + sendIntervalMs(segments, messagesPerSecond) };
}

/** Roughly how long sending `totalSegments` takes at the rate (ms), for "about 3 minutes" on the page. */
export function estimatedSendDurationMs(totalSegments: number, messagesPerSecond: number): number {
  return Math.ceil((Math.max(0, totalSegments) * 1000) / Math.max(MIN_MESSAGES_PER_SECOND, messagesPerSecond));
}

/** The rule for the rate field, in the words shown next to it. */
export function validateMessagesPerSecond(value: number): string | null {
  if (!Number.isInteger(value) || value < MIN_MESSAGES_PER_SECOND || value > MAX_MESSAGES_PER_SECOND) {
    return `Choose a whole number from ${MIN_MESSAGES_PER_SECOND} to ${MAX_MESSAGES_PER_SECOND} texts a second.`;
  }
  return null;
}
