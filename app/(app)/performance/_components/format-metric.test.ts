import { describe, expect, it } from "vitest";
import { changeOf, describeChange, formatCost, formatMoney, formatRange, formatSeconds, formatShare } from "./format-metric";

describe("performance number formats", () => {
  it("writes money, shares and durations for people", () => {
    expect(formatMoney(699_900)).toBe("$6,999.00");
    expect(formatCost(4.74)).toBe("$0.0474");
    expect(formatCost(1234.5)).toBe("$12.35");
    expect(formatShare(2 / 7)).toBe("29%");
    expect(formatShare(0.001)).toBe("0.1%");
    expect(formatShare(0.9996)).toBe("99.9%");
    expect(formatShare(1)).toBe("100%");
    expect(formatShare(null)).toBe("—");
    expect(formatSeconds(11)).toBe("11 sec");
    expect(formatSeconds(125)).toBe("2 min 5 sec");
    expect(formatSeconds(3900)).toBe("1 h 5 min");
    expect(formatSeconds(null)).toBe("—");
    expect(formatRange("2026-01-10", "2026-01-16")).toBe("Jan 10 – Jan 16, 2026");
    expect(formatRange("2025-12-30", "2026-01-02")).toBe("Dec 30, 2025 – Jan 2, 2026");
  });

  it("compares with the previous period, coloured by whether more is better", () => {
    expect(changeOf(12, 10, "higher")).toEqual({ kind: "change", direction: "up", percent: 0.2, tone: "good" });
    expect(changeOf(12, 10, "lower")).toEqual({ kind: "change", direction: "up", percent: 0.2, tone: "bad" });
    expect(changeOf(5, 10, "neutral")).toEqual({ kind: "change", direction: "down", percent: 0.5, tone: "neutral" });
    expect(changeOf(3, 0, "higher")).toEqual({ kind: "new" });
    expect(changeOf(4, 4, "higher")).toEqual({ kind: "same" });
    expect(changeOf(null, 4, "higher")).toEqual({ kind: "none" });
    expect(describeChange(changeOf(12, 10, "higher"), "the previous 7 days")).toBe("Up 20% from the previous 7 days.");
  });
});
