import { describe, expect, it } from "vitest";
import { stripDeviceSignature } from "./strip-device-signature";

describe("stripDeviceSignature", () => {
  it.each([
    ["Where is my order?\nSent from my iPhone", "Where is my order?"],
    ["STOP\n\nSent from my Toyota", "STOP"],
    ["I'm driving. Sent from my car", "I'm driving."],
    ["ok -- Sent from my Galaxy S23", "ok"],
    ["Sent from MY Lexus", ""],
    ["Is it in stock?\nSent via Android Auto", "Is it in stock?"],
  ])("%j → %j", (text, expected) => {
    expect(stripDeviceSignature(text)).toBe(expected);
  });

  it.each(["It was sent from my mom", "Sent from my iPhone\nWhere's my order?", "The gift was sent from my account"])("leaves %j alone", (text) => {
    expect(stripDeviceSignature(text)).toBe(text);
  });
});
