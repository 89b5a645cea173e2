import { toPlainText } from "./text-forms";

/** A text between the brand and one number: the shopper's (inbound) or the brand's (outbound). */
export interface RecentText {
  direction: "inbound" | "outbound";
  body: string;
  at: Date;
}

/** Two auto-responders answering each other repeat themselves; a person rarely says the same thing three times. */
export const LOOP_REPEAT_COUNT = 3;
/** Auto-responders answer within seconds, so a repeat after five minutes is more likely a person. */
export const LOOP_REPEAT_WINDOW_MS = 5 * 60_000;
/**
 * Ping-pong: a bot answers each of our texts within seconds, whatever we say. A person can answer
 * fast once or twice; four answers in a row each within a few seconds of ours is a machine. Well
 * inside Twilio's loop guard (more than 30 messages between two numbers in 30 s stops delivery).
 */
export const LOOP_PING_PONG_COUNT = 4;
export const LOOP_PING_PONG_WITHIN_MS = 4_000;
export const LOOP_PING_PONG_WINDOW_MS = 2 * 60_000;

/**
 * A bot-to-bot loop, or null. Several different texts in quick succession are a person typing in
 * pieces, not a loop (they are answered together, as one turn). A loop is:
 * - the same (or near-identical) text received LOOP_REPEAT_COUNT times within LOOP_REPEAT_WINDOW_MS;
 * - ping-pong: LOOP_PING_PONG_COUNT of the shopper's texts within LOOP_PING_PONG_WINDOW_MS, each
 *   arriving within LOOP_PING_PONG_WITHIN_MS of a text from the brand.
 * Counts include the current text. `recent` holds earlier texts only; texts dated after now are ignored.
 */
export function detectLoop(text: string, recent: readonly RecentText[], now: Date): { kind: "loop"; reason: string } | null {
  const ageOf = (t: RecentText) => now.getTime() - t.at.getTime();
  const within = (windowMs: number) => recent.filter((t) => ageOf(t) >= 0 && ageOf(t) <= windowMs);

  const key = loopKey(text);
  const repeats = within(LOOP_REPEAT_WINDOW_MS).filter((t) => t.direction === "inbound" && loopKey(t.body) === key).length + 1;
  if (repeats >= LOOP_REPEAT_COUNT) {
    return { kind: "loop", reason: `same text ${repeats} times within ${LOOP_REPEAT_WINDOW_MS / 60_000} minutes` };
  }
  const window = within(LOOP_PING_PONG_WINDOW_MS);
  const brandTimes = window.filter((t) => t.direction === "outbound").map((t) => t.at.getTime());
  const isQuickAnswer = (at: number) => brandTimes.some((b) => at >= b && at - b <= LOOP_PING_PONG_WITHIN_MS);
  const quickAnswers = window.filter((t) => t.direction === "inbound" && isQuickAnswer(t.at.getTime())).length + (isQuickAnswer(now.getTime()) ? 1 : 0);
  if (quickAnswers >= LOOP_PING_PONG_COUNT) {
    return { kind: "loop", reason: `${quickAnswers} answers each within ${LOOP_PING_PONG_WITHIN_MS / 1000} seconds of the brand's texts` };
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
