import { describe, expect, it } from "vitest";
import { formatCents, formatSendDuration, insertAt } from "./campaign-words";

describe("campaign words", () => {
  it("formats money, keeping sub-cent prices readable", () => {
    expect(formatCents(0.79)).toBe("$0.0079");
    expect(formatCents(6.32)).toBe("$0.06");
    expect(formatCents(12345)).toBe("$123.45");
    expect(formatCents(0)).toBe("$0.00");
  });

  it("says roughly how long a send takes", () => {
    expect(formatSendDuration(8_000)).toBe("under a minute");
    expect(formatSendDuration(61_000)).toBe("about 1 minute");
    expect(formatSendDuration(3 * 3_600_000)).toBe("about 3 hours");
  });

  it("inserts a snippet at the caret with spaces where words would touch", () => {
    expect(insertAt("Hi!", "Bo", 2)).toEqual({ text: "Hi Bo!", caret: 5 });
    expect(insertAt("Hiyou", "Bo", 2)).toEqual({ text: "Hi Bo you", caret: 5 });
    expect(insertAt("", "Questions? Reply.", 0)).toEqual({ text: "Questions? Reply.", caret: 17 });
    expect(insertAt("Sale today. ", "Questions?", 12)).toEqual({ text: "Sale today. Questions?", caret: 22 });
  });
});
