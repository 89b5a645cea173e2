import { describe, expect, it } from "vitest";
import { detectLoop, LOOP_PING_PONG_COUNT, LOOP_REPEAT_COUNT, LOOP_REPEAT_WINDOW_MS, type RecentText } from "./detect-loop";

const now = new Date("2025-06-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const seconds = 1000;
const minutes = 60 * seconds;
const shopper = (body: string, msAgo: number): RecentText => ({ direction: "inbound", body, at: ago(msAgo) });
const brand = (body: string, msAgo: number): RecentText => ({ direction: "outbound", body, at: ago(msAgo) });

describe("detectLoop", () => {
  it("stays well below Twilio's 30 messages in 30 seconds", () => {
    expect(LOOP_REPEAT_COUNT).toBe(3);
    expect(LOOP_REPEAT_WINDOW_MS).toBe(5 * minutes);
    expect(LOOP_PING_PONG_COUNT).toBeLessThan(15);
  });

  it("flags the third identical text within five minutes, counting the current one", () => {
    const recent = [shopper("Thanks for your message! We'll reply soon.", 4 * minutes), shopper("Thanks for your message! We'll reply soon.", 2 * minutes)];
    expect(detectLoop("Thanks for your message! We'll reply soon.", recent, now)).toEqual({ kind: "loop", reason: "same text 3 times within 5 minutes" });
  });

  it("lets the second identical text through", () => {
    expect(detectLoop("hello there", [shopper("hello there", 1 * minutes)], now)).toBeNull();
  });

  it("treats case, spacing, punctuation, curly quotes and numbers as the same text", () => {
    const recent = [shopper("Your code is 1234. Don’t share it!", 3 * minutes), shopper("your   CODE is 98765 - don't share it", 1 * minutes)];
    expect(detectLoop("Your code is 5555. Don't share it.", recent, now)?.kind).toBe("loop");
  });

  it("does not count repeats older than five minutes, and counts one exactly five minutes old", () => {
    expect(detectLoop("hello there", [shopper("hello there", 5 * minutes + 1), shopper("hello there", 10 * minutes), shopper("hello there", 1 * minutes)], now)).toBeNull();
    expect(detectLoop("hello there", [shopper("hello there", 5 * minutes), shopper("hello there", 1 * minutes)], now)?.kind).toBe("loop");
  });

  it("does not count the brand's own texts as the shopper's repeats", () => {
    expect(detectLoop("hello there", [brand("hello there", 2 * minutes), brand("hello there", 1 * minutes)], now)).toBeNull();
  });

  it("takes a person's different texts a second apart for a person, however many", () => {
    const questions = ["hi", "my order is 1004", "when does it come", "also do you have rain jackets", "and gloves?", "in size M", "thanks"];
    const recent = questions.map((body, i) => shopper(body, (questions.length - i) * seconds));
    expect(detectLoop("one more thing", recent, now)).toBeNull();
  });

  it("takes a text right after STOP and its confirmation for a person", () => {
    const recent = [shopper("STOP", 3 * seconds), brand("You're unsubscribed. Reply START to resubscribe.", 2 * seconds)];
    expect(detectLoop("wait, I meant the other store", recent, now)).toBeNull();
  });

  it("flags ping-pong: a fourth answer, each within seconds of the brand's text", () => {
    const recent = [
      brand("Hi! How can I help?", 60 * seconds), shopper("Hello, how may I assist you today?", 59 * seconds),
      brand("Are you looking for an order?", 45 * seconds), shopper("I am a virtual assistant.", 43 * seconds),
      brand("Sorry, I didn't catch that.", 30 * seconds), shopper("Please describe your request.", 28 * seconds),
      brand("Could you say that another way?", 2 * seconds),
    ];
    expect(detectLoop("I can help with billing questions.", recent, now)?.reason).toBe("4 answers each within 4 seconds of the brand's texts");
  });

  it("lets three quick answers through, and answers that took a person's time", () => {
    const three = [brand("Which size?", 45 * seconds), shopper("M", 43 * seconds), brand("Which colour?", 30 * seconds), shopper("blue", 28 * seconds), brand("Shall I add it?", 2 * seconds)];
    expect(detectLoop("yes", three, now)).toBeNull();
    const slow = [
      brand("Which size?", 100 * seconds), shopper("M", 80 * seconds), brand("Which colour?", 60 * seconds), shopper("blue", 40 * seconds),
      brand("Shall I add it?", 30 * seconds), shopper("yes", 10 * seconds), brand("Done! Anything else?", 8 * seconds),
    ];
    expect(detectLoop("no thanks", slow, now)).toBeNull();
  });

  it("ignores texts dated after now, and needs no history", () => {
    const future = [{ direction: "inbound" as const, body: "hello there", at: new Date(now.getTime() + 1000) }, { direction: "inbound" as const, body: "hello there", at: new Date(now.getTime() + 2000) }];
    expect(detectLoop("hello there", future, now)).toBeNull();
    expect(detectLoop("hello there", [], now)).toBeNull();
  });
});
