import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { seedDemo } from "../../../prisma/seed";
import { loadEvalSet, runEval } from ".";

beforeAll(async () => {
  await seedDemo(getDb(), { password: "parley-demo" });
});

/** The agent issue's quality bar for the built-in model, on both evaluation sets. */
describe.each(["main", "holdout", "fresh"] as const)("the built-in model on the %s evaluation set", (set) => {
  it("chooses the right skill at least 90% of the time, never invents a fact, and always fits one segment", async () => {
    const report = await runEval(getDb(), { cases: loadEvalSet(set), concurrency: 4 });
    expect(report.skillAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.inventedFactsRate).toBe(0);
    expect(report.oneSegmentRate).toBe(1);
    // Every category of a set that has them: complaints, anger, follow-ups, offers, languages…
    for (const category of report.byCategory) expect({ category: category.category, accuracy: category.accuracy >= 0.9 }).toEqual({ category: category.category, accuracy: true });
  });
});
