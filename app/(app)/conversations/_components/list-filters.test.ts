import { describe, expect, it } from "vitest";
import { dateRangeError, filtersFromUrl, filtersToUrl, hasActiveFilters } from "./list-filters";

describe("Conversations list filters in the URL", () => {
  it("reads what it writes", () => {
    const filters = { status: "escalated" as const, disposition: "human" as const, campaignId: "c1", from: "2026-11-01", to: "2026-11-03", search: "555 0121" };
    const params = new URLSearchParams(Object.entries(filtersToUrl(filters)).filter((e): e is [string, string] => e[1] !== null));
    expect(filtersFromUrl(params)).toEqual(filters);
  });

  it("ignores values it does not know", () => {
    expect(filtersFromUrl(new URLSearchParams("status=lost&disposition=maybe&from=yesterday"))).toEqual({ search: "" });
    expect(hasActiveFilters(filtersFromUrl(new URLSearchParams("q=%20%20")))).toBe(false);
  });

  it("explains a backwards date range", () => {
    expect(dateRangeError({ search: "", from: "2026-11-05", to: "2026-11-03" })).toBe("The start date is after the end date.");
    expect(dateRangeError({ search: "", from: "2026-11-03", to: "2026-11-03" })).toBeNull();
  });
});
