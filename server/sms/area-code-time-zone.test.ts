import { describe, expect, it } from "vitest";
import { areaCodeOf, knownAreaCodes, timeZoneOfPhone, timeZonesForAreaCode, timeZonesOfPhone } from "./area-code-time-zone";

describe("area code → time zone", () => {
  it("finds the zone of numbers across the US and Canada", () => {
    const cases: [string, string][] = [
      ["+12125550100", "America/New_York"], // Manhattan
      ["+13125550100", "America/Chicago"], // Chicago
      ["+13035550100", "America/Denver"], // Denver
      ["+16025550100", "America/Phoenix"], // Phoenix, no daylight saving
      ["+14155550100", "America/Los_Angeles"], // San Francisco
      ["+19075550100", "America/Anchorage"],
      ["+18085550100", "Pacific/Honolulu"],
      ["+13135550100", "America/Detroit"],
      ["+13175550100", "America/Indiana/Indianapolis"],
      ["+19155550100", "America/Denver"], // El Paso, unlike the rest of Texas
      ["+14165550100", "America/Toronto"],
      ["+15145550100", "America/Toronto"], // Montreal
      ["+16045550100", "America/Vancouver"],
      ["+14035550100", "America/Edmonton"],
      ["+13065550100", "America/Regina"],
      ["+19025550100", "America/Halifax"],
      ["+17095550100", "America/St_Johns"],
      ["+17875550100", "America/Puerto_Rico"],
    ];
    for (const [phone, zone] of cases) expect(timeZoneOfPhone(phone, "UTC"), phone).toBe(zone);
  });

  it("lists every zone of an area code that straddles a zone line, the most populous first", () => {
    expect(timeZonesForAreaCode("208")).toEqual(["America/Boise", "America/Los_Angeles"]);
    expect(timeZonesForAreaCode("850")).toEqual(["America/Chicago", "America/New_York"]);
    expect(timeZonesOfPhone("+16055550100", "UTC")).toEqual(["America/Chicago", "America/Denver"]);
  });

  it("falls back to the brand's zone for unknown area codes and numbers outside the plan", () => {
    expect(timeZoneOfPhone("+15555550100", "America/New_York")).toBe("America/New_York"); // 555: fictional
    expect(timeZoneOfPhone("+447700900123", "Europe/London")).toBe("Europe/London");
    expect(timeZonesOfPhone("not a number", "America/Chicago")).toEqual(["America/Chicago"]);
    expect(timeZonesForAreaCode("999")).toEqual([]);
  });

  it("reads the area code of +1 numbers only", () => {
    expect(areaCodeOf("+12125550100")).toBe("212");
    expect(areaCodeOf("+447700900123")).toBeNull();
    expect(areaCodeOf("2125550100")).toBeNull();
  });

  it("lists each area code once, with time zones this runtime knows", () => {
    expect(new Set(knownAreaCodes).size).toBe(knownAreaCodes.length);
    expect(knownAreaCodes.length).toBeGreaterThan(400);
    for (const code of knownAreaCodes) {
      expect(code).toMatch(/^[2-9]\d{2}$/);
      for (const zone of timeZonesForAreaCode(code)) expect(() => new Intl.DateTimeFormat("en-US", { timeZone: zone }), `${code}: ${zone}`).not.toThrow();
    }
  });
});
