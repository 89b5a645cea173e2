import { describe, expect, it } from "vitest";
import { clearedFilters, dateRangeError, EMPTY_FILTERS, filtersFromUrl, filtersToUrl, hasActiveFilters } from "./list-filters";

describe("Conversations list filters in the URL", () => {
  it("reads what it writes", () => {
    const filters = { isWaitingOnly: true, status: "escalated" as const, disposition: "human" as const, campaignId: "c1", from: "2026-11-01", to: "2026-11-03", search: "555 0121" };
    const params = new URLSearchParams(Object.entries(filtersToUrl(filters)).filter((e): e is [string, string] => e[1] !== null));
    expect(filtersFromUrl(params)).toEqual(filters);
  });

  it("ignores values it does not know", () => {
    expect(filtersFromUrl(new URLSearchParams("status=lost&disposition=maybe&from=yesterday&waiting=yes"))).toEqual(EMPTY_FILTERS);
    expect(hasActiveFilters(filtersFromUrl(new URLSearchParams("q=%20%20")))).toBe(false);
  });

  it("explains a backwards date range", () => {
    expect(dateRangeError({ ...EMPTY_FILTERS, from: "2026-11-05", to: "2026-11-03" })).toBe("The start date is after the end date.");
    expect(dateRangeError({ ...EMPTY_FILTERS, from: "2026-11-03", to: "2026-11-03" })).toBeNull();
  });

  it("keeps the waiting view when the other filters are cleared", () => {
    const filters = filtersFromUrl(new URLSearchParams("waiting=1&status=escalated&q=jacket"));
    expect(hasActiveFilters(filters)).toBe(true);
    expect(clearedFilters(filters)).toEqual({ ...EMPTY_FILTERS, isWaitingOnly: true });
    expect(hasActiveFilters(clearedFilters(filters))).toBe(false);
    expect(filtersToUrl(clearedFilters(filters))).toMatchObject({ waiting: "1", status: null, q: null });
  });
});
