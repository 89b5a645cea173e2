import { describe, expect, it } from "vitest";
import { defaultMessagesPerSecond, estimatedSendDurationMs, paceSend, sendIntervalMs, validateMessagesPerSecond } from "./sending-rate-math";

describe("throttling", () => {
  it("spaces texts by segments over the sender's rate", () => {
    expect(sendIntervalMs(1, 1)).toBe(1000);
    expect(sendIntervalMs(2, 1)).toBe(2000);
    expect(sendIntervalMs(1, 3)).toBe(334);
    expect(sendIntervalMs(1, 100)).toBe(10);
    // Nonsense inputs still pace (never divide by zero, never a zero-segment text).
    expect(sendIntervalMs(0, 0)).toBe(1000);
  });

  it("waits only when the sender is still busy", () => {
    expect(paceSend(0, 5_000, 1, 1)).toEqual({ waitMs: 0, nextFreeAt: 6_000 });
    expect(paceSend(6_000, 5_200, 1, 1)).toEqual({ waitMs: 800, nextFreeAt: 7_000 });
    expect(paceSend(6_000, 5_200, 2, 2)).toEqual({ waitMs: 800, nextFreeAt: 7_000 });
  });

  it("n texts at r a second take n/r seconds", () => {
    let free = 0;
    let clock = 0;
    for (let i = 0; i < 10; i++) {
      const pace = paceSend(free, clock, 1, 5);
      clock += pace.waitMs;
      free = pace.nextFreeAt;
    }
    expect(clock).toBe(1_800); // the 10th text starts 9 intervals of 200 ms after the first
    expect(estimatedSendDurationMs(10, 5)).toBe(2_000);
    expect(estimatedSendDurationMs(300, 100)).toBe(3_000);
  });

  it("defaults by kind of number, and validates the rate", () => {
    expect(defaultMessagesPerSecond).toEqual({ long_code: 1, toll_free: 3, short_code: 100 });
    expect(validateMessagesPerSecond(3)).toBeNull();
    expect(validateMessagesPerSecond(0)).toContain("whole number from 1 to 500");
    expect(validateMessagesPerSecond(1.5)).toContain("whole number");
  });
});
