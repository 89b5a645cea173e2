import { describe, expect, it } from "vitest";
import { normalizePhone } from "./normalize-phone";

describe("normalizePhone", () => {
  it.each([
    ["(555) 555-0100", "+15555550100"],
    ["555.555.0100", "+15555550100"],
    [" 555 555 0100 ", "+15555550100"],
    ["5555550100", "+15555550100"],
    ["1-555-555-0100", "+15555550100"],
    ["15555550100", "+15555550100"],
    ["+1 555 555 0100", "+15555550100"],
    ["+1 (555) 555-0100", "+15555550100"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+33 1 23 45 67 89", "+33123456789"],
    ["+44123456", "+44123456"],
    ["+441234567890123", "+441234567890123"],
  ])("%j → %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    "",
    "hello",
    "555-0100", // 7 digits: no area code
    "25555550100", // 11 digits not starting with 1
    "(155) 555-0100", // NANP area codes start with 2-9
    "555 155 0100", // so do exchanges
    "1-800-FLOWERS",
    "555-555-0100 ext 2",
    "+1 555 555 010",
    "+1234567890", // +1 is NANP: ten digits must follow
    "++15555550100",
    "+0123456789", // country codes never start with 0
    "+4412345", // 7 digits
    "+4412345678901234", // 16 digits
    "0044 20 7946 0958", // no "+": read as NANP, which it is not
  ])("%j → null", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it("reads national numbers for Canada too", () => {
    expect(normalizePhone("613-555-0100", "CA")).toBe("+16135550100");
    expect(normalizePhone("613-555-0100", "ca")).toBe("+16135550100");
  });

  it("needs a + for countries outside NANP", () => {
    expect(normalizePhone("020 7946 0958", "GB")).toBeNull();
    expect(normalizePhone("+44 20 7946 0958", "GB")).toBe("+442079460958");
  });
});
