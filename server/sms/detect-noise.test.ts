import { describe, expect, it } from "vitest";
import { detectNoise } from "./detect-noise";

const kindOf = (text: string) => detectNoise(text)?.kind ?? null;

describe("detectNoise", () => {
  it.each(["", "   ", " \n\t ", "\u200B", "\uFEFF\u200D"])("empty: %j", (text) => {
    expect(detectNoise(text)).toEqual({ kind: "empty", reason: "no visible characters" });
  });

  it.each(["👍", "😂😂😂", "❤️", "👍🏽 ", "?!", "...", "1️⃣", "🎉 🎉", "👨‍👩‍👧"])("emoji only: %j", (text) => {
    expect(kindOf(text)).toBe("emoji_only");
  });

  it.each([
    "I'm Driving with Driving Focus turned on. I'll see your message when I get where I'm going.",
    "I’m Driving with Driving Focus turned on. I’ll see your message when I get where I’m going.",
    "I’m driving with Do Not Disturb While Driving turned on. I’ll see your message when I get where I’m going.",
    "I'm driving with Driving Focus turned on. I'll see your message when I get where I'm going. I'm not receiving notifications.",
    "I’m Driving with Driving Focus turned on. I’ll see your message when I get where I’m going.\n\nI’m not receiving notifications. If this is urgent, reply “urgent” to send a notification through with your original message.",
    "I'm driving right now - I'll get back to you later",
    "I’m driving right now — I’ll get back to you later.",
  ])("driving auto-reply: %j", (text) => {
    expect(kindOf(text)).toBe("auto_reply");
  });

  it.each([
    "Liked “Your order shipped!”",
    'Loved "See you soon"',
    "Laughed at “haha, same”",
    "Emphasized “Sale ends tonight”",
    "Questioned “Free shipping over $50”",
    "Disliked “Out of stock”",
    "Reacted 👍 to “Your order shipped!”",
    'Reacted 👍🏽 to "Thanks"',
    "Removed a heart from “Your order shipped!”",
    "Liked an image",
    "Loved “Line one\nLine two”",
  ])("reaction: %j", (text) => {
    expect(kindOf(text)).toBe("reaction");
  });

  it.each([
    "Liked “Your order shipped!”\nWhen will it arrive?",
    "Liked “a”\nI also want “b”",
    'I liked "the blue one"',
    "Loved it, thanks",
    "I'm driving right now, can you call me later?",
    "I'm driving with Driving Focus turned on. I'll see your message when I get where I'm going.\nActually, do you have it in M?",
    "Do you have this in blue?",
    "ok",
    "👍 yes",
    "2",
  ])("a real message: %j", (text) => {
    expect(detectNoise(text)).toBeNull();
  });

  it.each(["when i can ", "later ", "right now ", "any more ", "“", "👍 ", "sorry ", "verizon wireless "])(
    "answers at once on %j repeated after every opening (no catastrophic backtracking)",
    (unit) => {
      for (const opening of ["", "I'm busy, I'll text you ", "I'm driving ", "Liked “", "👍 to “", "Out of office ", "Thanks for texting us, we will "]) {
        const started = performance.now();
        detectNoise(`${opening}${unit.repeat(26)}x`);
        expect(performance.now() - started).toBeLessThan(250);
      }
    },
  );
});
