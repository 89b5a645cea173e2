import { toPlainText } from "./text-forms";

export interface InboundText {
  body: string;
  receivedAt: Date;
}

/** Two auto-responders answering each other repeat themselves; a person rarely says the same thing three times. */
export const LOOP_REPEAT_COUNT = 3;
/** Auto-responders answer within seconds, so a repeat after five minutes is more likely a person. */
export const LOOP_REPEAT_WINDOW_MS = 5 * 60_000;
/** No one types six texts a minute; Twilio only fails replies past 30 in 30 seconds (error 14107). */
export const LOOP_BURST_COUNT = 6;
/** The burst window: one minute, well inside Twilio's 30 messages in 30 seconds. */
export const LOOP_BURST_WINDOW_MS = 60_000;

/**
 * A bot-to-bot loop: the same (or near-identical) text received LOOP_REPEAT_COUNT times within
 * LOOP_REPEAT_WINDOW_MS, or LOOP_BURST_COUNT texts of any content within LOOP_BURST_WINDOW_MS.
 * Both counts include the current text. recentInbound holds the sender's earlier texts only,
 * not the current one; texts dated after now are ignored.
 */
export function detectLoop(
  text: string,
  recentInbound: readonly InboundText[],
  now: Date,
): { kind: "loop"; reason: string } | null {
  const ageOf = (inbound: InboundText) => now.getTime() - inbound.receivedAt.getTime();
  const within = (windowMs: number) => recentInbound.filter((inbound) => ageOf(inbound) >= 0 && ageOf(inbound) <= windowMs);

  const key = loopKey(text);
  const repeats = within(LOOP_REPEAT_WINDOW_MS).filter((inbound) => loopKey(inbound.body) === key).length + 1;
  if (repeats >= LOOP_REPEAT_COUNT) {
    return { kind: "loop", reason: `same text ${repeats} times within ${LOOP_REPEAT_WINDOW_MS / 60_000} minutes` };
  }
  const burst = within(LOOP_BURST_WINDOW_MS).length + 1;
  if (burst >= LOOP_BURST_COUNT) {
    return { kind: "loop", reason: `${burst} texts within ${LOOP_BURST_WINDOW_MS / 1000} seconds` };
  }
  return null;
}

/**
 * "Order #1042 received!" and "order #1043 received" are the same auto-reply: case, spacing,
 * punctuation and numbers (order ids, times, codes) do not count.
 */
function loopKey(body: string): string {
  return toPlainText(body)
    .toLowerCase()
    .replace(/\d+/g, "#")
    .replace(/[\p{P}\s]+/gu, " ")
    .trim();
}
