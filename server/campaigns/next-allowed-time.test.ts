import { describe, expect, it } from "vitest";
import { defaultQuietHours } from "../consent/quiet-hours";
import { nextAllowedTime } from "./next-allowed-time";
import { dateToWallTime, wallTimeToDate } from "./zoned-time";

const NY = "+12125550100";
const SF = "+14155550100";
const UNKNOWN_AREA = "+15555550106";

describe("quiet hours: the next allowed time", () => {
  it("is the moment itself inside sending hours", () => {
    const at = new Date("2026-11-20T15:00:00Z"); // 10am in New York
    expect(nextAllowedTime(NY, at, defaultQuietHours, "America/New_York")).toBe(at);
  });

  it("is the recipient's next local 8am at night", () => {
    // 10pm in New York on Nov 20 (EST, UTC-5) → 8am on Nov 21 = 13:00Z.
    expect(nextAllowedTime(NY, new Date("2026-11-21T03:00:00Z"), defaultQuietHours, "America/New_York").toISOString()).toBe("2026-11-21T13:00:00.000Z");
    // 3am in New York → 8am the same day.
    expect(nextAllowedTime(NY, new Date("2026-11-21T08:00:00Z"), defaultQuietHours, "America/New_York").toISOString()).toBe("2026-11-21T13:00:00.000Z");
  });

  it("uses the area code's zone, not the brand's", () => {
    // 10pm in New York is 7pm in San Francisco: fine there.
    const at = new Date("2026-11-21T03:00:00Z");
    expect(nextAllowedTime(SF, at, defaultQuietHours, "America/New_York")).toBe(at);
    // 11pm in San Francisco → 8am PST = 16:00Z.
    expect(nextAllowedTime(SF, new Date("2026-11-21T07:00:00Z"), defaultQuietHours, "America/New_York").toISOString()).toBe("2026-11-21T16:00:00.000Z");
  });

  it("falls back to the brand's zone for an unknown area code, and follows the brand's hours (even wrapping midnight)", () => {
    expect(nextAllowedTime(UNKNOWN_AREA, new Date("2026-11-21T03:00:00Z"), defaultQuietHours, "America/Chicago").toISOString()).toBe("2026-11-21T14:00:00.000Z");
    const nightOwls = { enabled: true, start: 22, end: 2 };
    // 3pm in New York; sending opens at 10pm = 03:00Z next day.
    expect(nextAllowedTime(NY, new Date("2026-11-20T20:00:00Z"), nightOwls, "America/New_York").toISOString()).toBe("2026-11-21T03:00:00.000Z");
  });

  it("never waits when quiet hours are off", () => {
    const at = new Date("2026-11-21T08:00:00Z");
    expect(nextAllowedTime(NY, at, { ...defaultQuietHours, enabled: false }, "America/New_York")).toBe(at);
  });
});

describe("wall times in the brand's zone", () => {
  it("converts both ways, across DST", () => {
    expect(wallTimeToDate("2026-11-21T09:30", "America/New_York")?.toISOString()).toBe("2026-11-21T14:30:00.000Z");
    expect(wallTimeToDate("2026-07-01T09:30", "America/New_York")?.toISOString()).toBe("2026-07-01T13:30:00.000Z");
    expect(wallTimeToDate("2026-07-01T09:30", "Asia/Kolkata")?.toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(dateToWallTime(new Date("2026-11-21T14:30:00Z"), "America/New_York")).toBe("2026-11-21T09:30");
    // 2:30am on the spring-forward day doesn't exist in New York; it resolves to a real moment nearby.
    const skipped = wallTimeToDate("2026-03-08T02:30", "America/New_York")!;
    expect(["2026-03-08T07:30:00.000Z", "2026-03-08T06:30:00.000Z"]).toContain(skipped.toISOString());
    expect(wallTimeToDate("nonsense", "America/New_York")).toBeNull();
  });
});
