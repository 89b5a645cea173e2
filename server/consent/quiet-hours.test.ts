import { describe, expect, it } from "vitest";
import { defaultQuietHours, formatHour, isWithinQuietHours, localHour, validateQuietHours } from "./quiet-hours";

// 2025-07-15 (daylight saving time in the US): 12:30 UTC is 8:30am in New York, 5:30am in Los Angeles.
const at = (isoUtc: string) => new Date(isoUtc);
const NEW_YORK = "+12125550100";
const LOS_ANGELES = "+14155550100";
const PHOENIX = "+16025550100";
const UNKNOWN = "+15555550100"; // 555: not a real area code

describe("isWithinQuietHours", () => {
  it("uses the recipient's local time from the area code", () => {
    const morning = at("2025-07-15T12:30:00Z");
    expect(isWithinQuietHours(NEW_YORK, morning, defaultQuietHours, "America/New_York")).toBe(false); // 8:30am
    expect(isWithinQuietHours(LOS_ANGELES, morning, defaultQuietHours, "America/New_York")).toBe(true); // 5:30am
  });

  it("treats the start hour as open and the end hour as closed", () => {
    expect(isWithinQuietHours(NEW_YORK, at("2025-07-15T11:59:00Z"), defaultQuietHours, "UTC")).toBe(true); // 7:59am
    expect(isWithinQuietHours(NEW_YORK, at("2025-07-15T12:00:00Z"), defaultQuietHours, "UTC")).toBe(false); // 8:00am
    expect(isWithinQuietHours(NEW_YORK, at("2025-07-16T00:59:00Z"), defaultQuietHours, "UTC")).toBe(false); // 8:59pm
    expect(isWithinQuietHours(NEW_YORK, at("2025-07-16T01:00:00Z"), defaultQuietHours, "UTC")).toBe(true); // 9:00pm
  });

  it("follows daylight saving time, and Arizona, which has none", () => {
    // 13:30 UTC: 8:30am in New York in winter (EST), 9:30am in summer (EDT).
    expect(localHour(at("2025-01-15T13:30:00Z"), "America/New_York")).toBe(8);
    expect(localHour(at("2025-07-15T13:30:00Z"), "America/New_York")).toBe(9);
    // 14:30 UTC is 7:30am in Phoenix all year.
    expect(isWithinQuietHours(PHOENIX, at("2025-07-15T14:30:00Z"), defaultQuietHours, "UTC")).toBe(true);
    expect(isWithinQuietHours(PHOENIX, at("2025-01-15T14:30:00Z"), defaultQuietHours, "UTC")).toBe(true);
  });

  it("falls back to the brand's time zone for an unknown area code", () => {
    const t = at("2025-07-15T13:00:00Z"); // 9am New York, 6am Los Angeles
    expect(isWithinQuietHours(UNKNOWN, t, defaultQuietHours, "America/New_York")).toBe(false);
    expect(isWithinQuietHours(UNKNOWN, t, defaultQuietHours, "America/Los_Angeles")).toBe(true);
    expect(isWithinQuietHours("+447700900123", t, defaultQuietHours, "America/Los_Angeles")).toBe(true);
  });

  it("is careful with an area code that spans two zones: quiet in either counts", () => {
    // 208 (Idaho): 14:30 UTC is 8:30am in Boise (Mountain) but 7:30am in the panhandle (Pacific).
    expect(isWithinQuietHours("+12085550100", at("2025-07-15T14:30:00Z"), defaultQuietHours, "UTC")).toBe(true);
    expect(isWithinQuietHours("+12085550100", at("2025-07-15T15:30:00Z"), defaultQuietHours, "UTC")).toBe(false);
  });

  it("supports a window that wraps past midnight, and never holds anything when off", () => {
    const night = { enabled: true, start: 20, end: 2 };
    expect(isWithinQuietHours(NEW_YORK, at("2025-07-16T03:00:00Z"), night, "UTC")).toBe(false); // 11pm
    expect(isWithinQuietHours(NEW_YORK, at("2025-07-16T05:30:00Z"), night, "UTC")).toBe(false); // 1:30am
    expect(isWithinQuietHours(NEW_YORK, at("2025-07-15T16:00:00Z"), night, "UTC")).toBe(true); // noon
    expect(isWithinQuietHours(LOS_ANGELES, at("2025-07-15T10:00:00Z"), { ...defaultQuietHours, enabled: false }, "UTC")).toBe(false); // 3am
  });
});

describe("validateQuietHours", () => {
  it("accepts whole hours 0–23 with different start and end", () => {
    expect(validateQuietHours(defaultQuietHours)).toEqual({});
    expect(validateQuietHours({ enabled: false, start: 0, end: 23 })).toEqual({});
    expect(validateQuietHours({ enabled: true, start: 22, end: 6 })).toEqual({});
  });

  it("names each field that is wrong", () => {
    expect(validateQuietHours({ enabled: true, start: 24, end: -1 })).toEqual({
      quietHoursStart: "Choose an hour from 0 (midnight) to 23 (11pm).",
      quietHoursEnd: "Choose an hour from 0 (midnight) to 23 (11pm).",
    });
    expect(validateQuietHours({ enabled: true, start: 8.5, end: 21 })).toHaveProperty("quietHoursStart");
    expect(validateQuietHours({ enabled: true, start: 9, end: 9 })).toEqual({
      quietHoursEnd: "Sending can’t start and stop at the same hour (9am); choose a different end.",
    });
  });

  it("formats hours the way the form shows them", () => {
    expect([0, 8, 12, 21, 23].map(formatHour)).toEqual(["12am", "8am", "12pm", "9pm", "11pm"]);
  });
});
