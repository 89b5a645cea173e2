/** The eval harness itself on the seeded demo brand: it runs real turns and judges them. No score thresholds here. */
import { MockLanguageModelV4 } from "ai/test";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { seedDemo } from "../../../prisma/seed";
import { runEval, type EvalCase } from ".";

beforeAll(async () => {
  await seedDemo(getDb(), { password: "x" });
});

const cases: EvalCase[] = [
  { id: "wismo", from: "+15555550101", text: "where is order #1001", expectSkill: "order_status", mustInclude: ["1Z999AA10123456784"] },
  { id: "unknown-order", from: "+15555550102", text: "status of #9999", expectSkill: "order_status", mustInclude: ["couldn't find"] },
  { id: "thanks", from: "+15555550101", text: "thanks!", expectSkill: "resolve", history: [{ role: "shopper", text: "where is #1001" }, { role: "brand", text: "Order #1001 shipped." }] },
];

describe("runEval", () => {
  it("runs each case as a real turn on the demo store and judges skill, content, facts and length", async () => {
    const report = await runEval(getDb(), { cases, concurrency: 2 });
    expect(report.model).toBe("builtin:parley-builtin-1");
    expect(report.results.map((r) => [r.id, r.got, r.isPassed])).toEqual([
      ["wismo", "order_status", true],
      ["unknown-order", "order_status", true],
      ["thanks", "resolve", true],
    ]);
    expect(report.results[0]!.tools).toEqual(["lookupOrder"]);
    expect(report.skillAccuracy).toBe(1);
    expect(report.bySkill.find((t) => t.skill === "order_status")).toMatchObject({ cases: 2, correct: 2 });
  });

  it("catches a model that answers from imagination", async () => {
    const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } };
    const model = new MockLanguageModelV4({
      doGenerate: { content: [{ type: "text", text: "Order #1001 arrives Friday, Dec 12. Use code SAVE20 for 20% off at https://juniper.example/sale" }], finishReason: { unified: "stop", raw: "stop" }, usage, warnings: [] },
    });
    const [wismo] = cases;
    const report = await runEval(getDb(), { cases: [{ ...wismo!, mustNotInclude: ["%"] }], model: { model, name: "mock" } });
    const [result] = report.results;
    expect(result!.got).toBe("other");
    expect(result!.forbidden).toEqual(["%"]);
    expect(result!.missing).toEqual(["1Z999AA10123456784"]);
    expect(result!.invented.map((f) => f.kind).sort()).toEqual(["date", "date", "url"]);
    expect(report.inventedFactsRate).toBe(1);
    expect(report.failures).toHaveLength(1);
  });
});
