import { describe, expect, it } from "vitest";
import {
  detectLoop,
  LOOP_BURST_COUNT,
  LOOP_BURST_WINDOW_MS,
  LOOP_REPEAT_COUNT,
  LOOP_REPEAT_WINDOW_MS,
} from "./detect-loop";

const now = new Date("2025-06-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const seconds = 1000;
const minutes = 60 * seconds;

describe("detectLoop", () => {
  it("uses thresholds well below Twilio's 30 replies in 30 seconds", () => {
    expect(LOOP_REPEAT_COUNT).toBe(3);
    expect(LOOP_REPEAT_WINDOW_MS).toBe(5 * minutes);
    expect(LOOP_BURST_COUNT).toBe(6);
    expect(LOOP_BURST_WINDOW_MS).toBe(60 * seconds);
  });

  it("flags the third identical text within five minutes, counting the current one", () => {
    const recent = [
      { body: "Thanks for your message! We'll reply soon.", receivedAt: ago(4 * minutes) },
      { body: "Thanks for your message! We'll reply soon.", receivedAt: ago(2 * minutes) },
    ];
    expect(detectLoop("Thanks for your message! We'll reply soon.", recent, now)).toEqual({
      kind: "loop",
      reason: "same text 3 times within 5 minutes",
    });
  });

  it("lets the second identical text through", () => {
    const recent = [{ body: "hello there", receivedAt: ago(1 * minutes) }];
    expect(detectLoop("hello there", recent, now)).toBeNull();
  });

  it("treats case, spacing, punctuation, curly quotes and numbers as the same text", () => {
    const recent = [
      { body: "Your code is 1234. Don’t share it!", receivedAt: ago(3 * minutes) },
      { body: "your   CODE is 98765 - don't share it", receivedAt: ago(1 * minutes) },
    ];
    expect(detectLoop("Your code is 5555. Don't share it.", recent, now)?.kind).toBe("loop");
  });

  it("does not count repeats older than five minutes", () => {
    const recent = [
      { body: "hello there", receivedAt: ago(5 * minutes + 1) },
      { body: "hello there", receivedAt: ago(10 * minutes) },
      { body: "hello there", receivedAt: ago(1 * minutes) },
    ];
    expect(detectLoop("hello there", recent, now)).toBeNull();
  });

  it("counts a repeat exactly five minutes old", () => {
    const recent = [
      { body: "hello there", receivedAt: ago(5 * minutes) },
      { body: "hello there", receivedAt: ago(1 * minutes) },
    ];
    expect(detectLoop("hello there", recent, now)?.kind).toBe("loop");
  });

  it("does not take different texts for repeats", () => {
    const recent = [
      { body: "Is the blue one in stock?", receivedAt: ago(2 * minutes) },
      { body: "What about the red one?", receivedAt: ago(1 * minutes) },
    ];
    expect(detectLoop("And the green?", recent, now)).toBeNull();
  });

  it("flags the sixth text of any content within a minute", () => {
    const recent = ["a", "b", "c", "d", "e"].map((body, i) => ({ body: `text ${body}`, receivedAt: ago((i + 1) * 10 * seconds) }));
    expect(detectLoop("text f", recent, now)).toEqual({ kind: "loop", reason: "6 texts within 60 seconds" });
  });

  it("lets five texts a minute through, and six spread over more than a minute", () => {
    const five = ["a", "b", "c", "d"].map((body, i) => ({ body, receivedAt: ago((i + 1) * 10 * seconds) }));
    expect(detectLoop("e", five, now)).toBeNull();
    const spread = ["a", "b", "c", "d", "e"].map((body, i) => ({ body, receivedAt: ago((i + 1) * 15 * seconds) }));
    expect(detectLoop("f", spread, now)).toBeNull();
  });

  it("ignores texts dated after now", () => {
    const recent = [
      { body: "hello there", receivedAt: new Date(now.getTime() + 1 * seconds) },
      { body: "hello there", receivedAt: new Date(now.getTime() + 2 * seconds) },
    ];
    expect(detectLoop("hello there", recent, now)).toBeNull();
  });

  it("needs no history", () => {
    expect(detectLoop("hello there", [], now)).toBeNull();
  });
});
