import type { EvalCaseResult, EvalReport } from "./run-eval";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padLeft = (s: string | number, n: number) => String(s).padStart(n);

function problemsOf(r: EvalCaseResult): string[] {
  const problems: string[] = [];
  if (!r.isSkillCorrect) problems.push(`expected ${r.expected.join("|")}, got ${r.got}`);
  if (r.missing.length) problems.push(`missing ${r.missing.map((s) => JSON.stringify(s)).join(", ")}`);
  if (r.forbidden.length) problems.push(`says ${r.forbidden.map((s) => JSON.stringify(s)).join(", ")}`);
  if (r.invented.length) problems.push(`invented ${r.invented.map((f) => `${f.kind} ${f.value}`).join(", ")}`);
  if (r.segments !== 1) problems.push(`${r.segments} segments`);
  return problems;
}

/** The report as the CLI prints it: accuracy per skill, the rates, then every failing case. */
export function formatEvalReport(report: EvalReport, opts: { showFailures?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`Agent evaluation: ${report.cases} cases, model ${report.model}, ${(report.durationMs / 1000).toFixed(1)}s`, "");
  lines.push(`${pad("expected skill", 24)}${padLeft("cases", 6)}${padLeft("right", 7)}${padLeft("accuracy", 10)}   wrong answers`);
  for (const t of report.bySkill) {
    if (t.cases === 0) continue;
    const misses = Object.entries(t.misses).sort((a, b) => b[1]! - a[1]!).map(([skill, n]) => `${skill} ${n}`).join(", ");
    lines.push(`${pad(t.skill, 24)}${padLeft(t.cases, 6)}${padLeft(t.correct, 7)}${padLeft(pct(t.accuracy), 10)}   ${misses}`);
  }
  const correct = report.bySkill.reduce((n, t) => n + t.correct, 0);
  lines.push(`${pad("overall", 24)}${padLeft(report.cases, 6)}${padLeft(correct, 7)}${padLeft(pct(report.skillAccuracy), 10)}`, "");
  if (report.byCategory.length > 0) {
    lines.push(`${pad("category", 24)}${padLeft("cases", 6)}${padLeft("right", 7)}${padLeft("accuracy", 10)}${padLeft("all checks", 12)}`);
    for (const t of report.byCategory) {
      lines.push(`${pad(t.category, 24)}${padLeft(t.cases, 6)}${padLeft(t.correct, 7)}${padLeft(pct(t.accuracy), 10)}${padLeft(t.passed, 12)}`);
    }
    lines.push("");
  }
  const count = (p: (r: EvalCaseResult) => boolean) => report.results.filter(p).length;
  lines.push(`${pad("skill accuracy", 26)}${pct(report.skillAccuracy)}`);
  lines.push(`${pad("invented facts rate", 26)}${pct(report.inventedFactsRate)}  (${count((r) => r.invented.length > 0)} replies)`);
  lines.push(`${pad("one-segment rate", 26)}${pct(report.oneSegmentRate)}`);
  lines.push(`${pad("content checks passed", 26)}${pct(report.contentPassRate)}  (mustInclude / mustNotInclude)`);
  const firstError = report.results.find((r) => r.got === "error")?.failureReason;
  lines.push(`${pad("model errors", 26)}${report.modelErrors}${firstError ? `  (the model itself failed, first: ${firstError.slice(0, 120)})` : ""}`);
  lines.push(`${pad("cases passing all checks", 26)}${report.cases - report.failures.length} of ${report.cases}`);
  if (opts.showFailures !== false && report.failures.length) {
    lines.push("", `Failures (${report.failures.length}):`);
    for (const r of report.failures) {
      lines.push(`  ${r.id}  ${JSON.stringify(r.text)}`);
      lines.push(`    ${problemsOf(r).join("; ")}${r.tools.length ? `  [tools: ${r.tools.join(", ")}]` : ""}`);
      lines.push(`    reply: ${JSON.stringify(r.reply)}${r.failureReason ? `  (${r.failureReason})` : ""}`);
    }
  }
  return lines.join("\n");
}
