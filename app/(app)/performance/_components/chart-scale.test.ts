import { describe, expect, it } from "vitest";
import { labelEvery, niceTicks } from "./chart-scale";

describe("chart scales", () => {
  it("picks round ticks that reach the largest value", () => {
    expect(niceTicks(7, { integer: true })).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(3, { integer: true })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1, { integer: true })).toEqual([0, 1]);
    expect(niceTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(699_900)).toEqual([0, 200_000, 400_000, 600_000, 800_000]);
  });

  it("labels fewer days as the chart gets narrower", () => {
    expect(labelEvery(7, 700)).toBe(1);
    expect(labelEvery(90, 700)).toBe(8);
    expect(labelEvery(30, 100)).toBe(30);
  });
});
