import { describe, expect, it } from "vitest";
import { detectIntent, extractOrderNumber } from "./builtin-intents";

describe("built-in intent rules", () => {
  it.each([
    ["where is my order?", "order_status"],
    ["Where's my package", "order_status"],
    ["tracking for #1002 pls", "order_status"],
    ["can I talk to a person", "human"],
    ["I want to speak with someone", "human"],
    ["thanks!", "thanks"],
    ["Thank you so much", "thanks"],
    ["hey", "greeting"],
    ["blorp", "unknown"],
  ])("%s → %s", (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });

  it.each([
    ["where is order #1001", "1001"],
    ["order number 1003 status", "1003"],
    ["order 1002?", "1002"],
    ["# 1004", "1004"],
    ["I ordered 2 jackets", null],
    ["call me at 5551234", null],
  ])("order number in %s → %s", (text, number) => {
    expect(extractOrderNumber(text)).toBe(number);
  });
});
