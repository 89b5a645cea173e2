import { describe, expect, it } from "vitest";
import { endOfDayIn, startOfDayIn } from "./zoned-day";

describe("day boundaries in the brand's time zone", () => {
  it("starts a New York day at 05:00 UTC in winter and 04:00 UTC in summer", () => {
    expect(startOfDayIn("2026-01-15", "America/New_York")?.toISOString()).toBe("2026-01-15T05:00:00.000Z");
    expect(startOfDayIn("2026-07-15", "America/New_York")?.toISOString()).toBe("2026-07-15T04:00:00.000Z");
  });

  it("ends a day where the next one starts, across a DST change (a 23-hour day)", () => {
    expect(endOfDayIn("2026-03-08", "America/New_York")?.toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfDayIn("2026-03-08", "America/New_York")?.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(endOfDayIn("2026-12-31", "UTC")?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("handles zones ahead of UTC", () => {
    expect(startOfDayIn("2026-06-01", "Asia/Tokyo")?.toISOString()).toBe("2026-05-31T15:00:00.000Z");
  });

  it("rejects what is not a date", () => {
    expect(startOfDayIn("2026-02-30", "UTC")).toBeNull();
    expect(startOfDayIn("yesterday", "UTC")).toBeNull();
    expect(endOfDayIn("", "UTC")).toBeNull();
  });
});
