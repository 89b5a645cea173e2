import { describe, expect, it } from "vitest";
import { median } from "./median";
import { addDays, dayIn, daysInRange, listDays, periodOf, presetRange, previousRange, rangeProblem, startOfDay } from "./period";

describe("inclusive day ranges in the brand's time zone", () => {
  it("runs from the start of the first day to the start of the day after the last", () => {
    const p = periodOf({ from: "2026-01-05", to: "2026-01-11" }, "America/New_York");
    expect(p.start.toISOString()).toBe("2026-01-05T05:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-01-12T05:00:00.000Z");
    expect(p.days).toBe(7);
  });

  it("a one-day range is that whole day", () => {
    const p = periodOf({ from: "2026-07-04", to: "2026-07-04" }, "America/Los_Angeles");
    expect(p.start.toISOString()).toBe("2026-07-04T07:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-07-05T07:00:00.000Z");
    expect(p.days).toBe(1);
  });

  it("keeps whole local days across the spring-forward change (a 23-hour day)", () => {
    const p = periodOf({ from: "2026-03-08", to: "2026-03-08" }, "America/New_York");
    expect(p.start.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(p.end.getTime() - p.start.getTime()).toBe(23 * 3_600_000);
  });

  it("keeps whole local days across the fall-back change (a 25-hour day)", () => {
    const p = periodOf({ from: "2026-11-01", to: "2026-11-01" }, "America/New_York");
    expect(p.start.toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect(p.end.getTime() - p.start.getTime()).toBe(25 * 3_600_000);
  });

  it("handles zones ahead of UTC, half-hour zones and UTC itself", () => {
    expect(startOfDay("2026-06-01", "Asia/Tokyo").toISOString()).toBe("2026-05-31T15:00:00.000Z");
    expect(startOfDay("2026-06-01", "Asia/Kolkata").toISOString()).toBe("2026-05-31T18:30:00.000Z");
    expect(startOfDay("2026-12-31", "UTC").toISOString()).toBe("2026-12-31T00:00:00.000Z");
  });

  it("starts a day whose midnight does not exist at its first real minute", () => {
    // Chile springs forward at midnight: Sep 6, 2026 begins at 01:00 local (04:00 UTC).
    const start = startOfDay("2026-09-06", "America/Santiago");
    expect(start.toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(dayIn(start, "America/Santiago")).toBe("2026-09-06");
    expect(dayIn(start.getTime() - 1, "America/Santiago")).toBe("2026-09-05");
  });

  it("reads an unknown zone as UTC rather than failing", () => {
    expect(startOfDay("2026-06-01", "Mars/Olympus_Mons").toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it("names the local day an instant falls on", () => {
    // 03:30 UTC on Jan 6 is still the evening of Jan 5 in New York.
    expect(dayIn(new Date("2026-01-06T03:30:00Z"), "America/New_York")).toBe("2026-01-05");
    expect(dayIn(new Date("2026-01-06T03:30:00Z"), "Europe/Paris")).toBe("2026-01-06");
  });
});

describe("calendar arithmetic", () => {
  it("counts days inclusively and lists them", () => {
    expect(daysInRange({ from: "2026-02-01", to: "2026-03-01" })).toBe(29);
    expect(daysInRange({ from: "2028-02-01", to: "2028-03-01" })).toBe(30);
    expect(listDays({ from: "2026-12-30", to: "2027-01-02" })).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("the previous period has the same number of days and ends the day before", () => {
    expect(previousRange({ from: "2026-03-08", to: "2026-03-14" })).toEqual({ from: "2026-03-01", to: "2026-03-07" });
    expect(previousRange({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(previousRange({ from: "2026-05-05", to: "2026-05-05" })).toEqual({ from: "2026-05-04", to: "2026-05-04" });
  });

  it("presets end today in the brand's zone and include today", () => {
    // 02:00 UTC on Mar 10 is still Mar 9 in New York.
    const now = new Date("2026-03-10T02:00:00Z");
    expect(presetRange("7d", "America/New_York", now)).toEqual({ from: "2026-03-03", to: "2026-03-09" });
    expect(presetRange("7d", "UTC", now)).toEqual({ from: "2026-03-04", to: "2026-03-10" });
    expect(daysInRange(presetRange("90d", "UTC", now))).toBe(90);
  });

  it("explains a range it can't show", () => {
    expect(rangeProblem({ from: "2026-03-01", to: "2026-03-07" })).toBeNull();
    expect(rangeProblem({ from: "2026-02-30", to: "2026-03-07" })).toEqual({ field: "from", message: "Choose a start date." });
    expect(rangeProblem({ from: "2026-03-08", to: "2026-03-07" })).toEqual({ field: "to", message: "The end date is before the start date." });
    expect(rangeProblem({ from: "2020-01-01", to: "2026-03-07" })?.field).toBe("from");
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([7])).toBe(7);
  });

  it("is null for nothing, and ignores values that are not numbers", () => {
    expect(median([])).toBeNull();
    expect(median([Number.NaN, 2])).toBe(2);
  });
});
