import type { Db } from "../db";
import { invalidFields } from "../errors";
import { matchWorkflow } from "./match-workflow";

/**
 * The "test matching" box: which active workflow a sample text would start, and why — every
 * workflow checked before it, in order, with the reason it did or didn't match.
 */
export async function testWorkflowMatch(db: Db, brandId: string, text: string) {
  const sample = text.trim();
  if (!sample) throw invalidFields({ text: "Type a sample text to test, e.g. interested in pricing for 20 units." });
  const [active, inactiveCount] = await Promise.all([
    db.smsWorkflow.findMany({ where: { brandId, isActive: true } }),
    db.smsWorkflow.count({ where: { brandId, isActive: false } }),
  ]);
  const result = matchWorkflow(active, sample);
  const brief = (w: (typeof active)[number]) => ({ id: w.id, name: w.name, goal: w.goal, priority: w.priority });
  return {
    text: sample,
    match: result.match ? { workflow: brief(result.match.workflow), keyword: result.match.keyword, reason: result.match.reason } : null,
    checks: result.checks.map((c) => ({ workflow: brief(c.workflow), isMatch: c.isMatch, keyword: c.keyword, reason: c.reason })),
    activeCount: active.length,
    inactiveCount,
  };
}
