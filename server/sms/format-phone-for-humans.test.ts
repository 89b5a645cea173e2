import { describe, expect, it } from "vitest";
import { formatPhoneForHumans } from "./format-phone-for-humans";
import { normalizePhone } from "./normalize-phone";

describe("formatPhoneForHumans", () => {
  it("formats NANP numbers the North American way", () => {
    expect(formatPhoneForHumans("+15555550100")).toBe("+1 (555) 555-0100");
    expect(formatPhoneForHumans("+16135550199")).toBe("+1 (613) 555-0199");
  });

  it("returns other numbers as given", () => {
    expect(formatPhoneForHumans("+442079460958")).toBe("+442079460958");
    expect(formatPhoneForHumans("+1555555010")).toBe("+1555555010");
    expect(formatPhoneForHumans("not a number")).toBe("not a number");
  });

  it("round-trips through normalizePhone", () => {
    expect(normalizePhone(formatPhoneForHumans("+15555550100"))).toBe("+15555550100");
  });
});
