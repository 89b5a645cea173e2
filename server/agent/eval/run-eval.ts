/**
 * The agent's evaluation: each case of the set runs as one real turn (runAgentTurn with the
 * configured model) against the demo brand's store, then is judged on the skill it used, the
 * words it had to (not) say, one SMS segment, and facts it may not invent.
 */
import type { Db } from "../../db";
import { commerceFor } from "../../commerce";
import { searchKnowledge } from "../../knowledge";
import { segmentInfo } from "../../sms";
import { runAgentTurn, type AgentTurnInput, type AgentTurnResult } from "../run-agent-turn";
import { DEMO } from "../../../prisma/seed";
import { classifySkill, type ClassifiedSkill } from "./classify-skill";
import { evalSkills, expectedSkills, loadEvalSet, type EvalCase, type EvalSkill } from "./eval-case";
import { findInventedFacts, type InventedFact } from "./find-invented-facts";

export type EvalCaseResult = {
  id: string;
  category?: string;
  from: string;
  text: string;
  expected: EvalSkill[];
  got: ClassifiedSkill;
  isSkillCorrect: boolean;
  reply: string;
  outcome: AgentTurnResult["outcome"];
  tools: string[];
  /** mustInclude strings the reply lacks, mustNotInclude strings it has (case-insensitive). */
  missing: string[];
  forbidden: string[];
  invented: InventedFact[];
  segments: number;
  failureReason?: string;
  latencyMs: number;
  isPassed: boolean;
};

export type SkillTally = { skill: EvalSkill; cases: number; correct: number; accuracy: number; misses: Partial<Record<ClassifiedSkill, number>> };

/** Action accuracy of the cases of one category (sets whose cases name one). */
export type CategoryTally = { category: string; cases: number; correct: number; accuracy: number; passed: number };

export type EvalReport = {
  model: string;
  cases: number;
  durationMs: number;
  bySkill: SkillTally[];
  byCategory: CategoryTally[];
  skillAccuracy: number;
  /** Share of replies with at least one invented order number, price, link or date. */
  inventedFactsRate: number;
  oneSegmentRate: number;
  /** Share of cases whose reply met its mustInclude / mustNotInclude. */
  contentPassRate: number;
  /** Turns where the model itself failed (error or timeout): a provider problem, not a wrong answer. */
  modelErrors: number;
  results: EvalCaseResult[];
  failures: EvalCaseResult[];
};

export type EvalOptions = {
  /** Defaults to eval-set.json. */
  cases?: EvalCase[];
  /** The brand whose store and settings the turns use; the demo brand by default (seed it first). */
  brandSlug?: string;
  /** Turns in flight at once (a remote model is worth a few; the built-in one is not). */
  concurrency?: number;
  /** Overrides the configured model, as AgentTurnInput.model does. */
  model?: AgentTurnInput["model"];
  onResult?: (result: EvalCaseResult, done: number, total: number) => void;
};

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);
const includesIgnoringCase = (text: string, part: string) => text.toLowerCase().includes(part.toLowerCase());

export function judgeTurn(c: EvalCase, turn: AgentTurnResult, ctx: { brandSummary: string; timeZone: string }): EvalCaseResult {
  const expected = expectedSkills(c);
  const got = classifySkill(turn);
  const missing = (c.mustInclude ?? []).filter((s) => !includesIgnoringCase(turn.reply, s));
  const forbidden = (c.mustNotInclude ?? []).filter((s) => includesIgnoringCase(turn.reply, s));
  const invented = findInventedFacts(turn.reply, {
    toolOutputs: turn.tools.map((t) => t.output ?? t.error ?? null),
    texts: [...(c.history ?? []).map((h) => h.text), c.text, ctx.brandSummary, c.campaign?.body ?? ""],
    timeZone: ctx.timeZone,
  });
  const segments = segmentInfo(turn.reply).segments;
  const isSkillCorrect = got !== "error" && expected.includes(got);
  return {
    id: c.id,
    ...(c.category ? { category: c.category } : {}),
    from: c.from,
    text: c.text,
    expected,
    got,
    isSkillCorrect,
    reply: turn.reply,
    outcome: turn.outcome,
    tools: turn.tools.map((t) => (t.error ? `${t.name}!` : t.name)),
    missing,
    forbidden,
    invented,
    segments,
    failureReason: turn.failureReason,
    latencyMs: turn.latencyMs,
    isPassed: isSkillCorrect && missing.length === 0 && forbidden.length === 0 && invented.length === 0 && segments === 1,
  };
}

export function summarizeEval(results: EvalCaseResult[], meta: { model: string; durationMs: number }): EvalReport {
  const bySkill = evalSkills.map((skill): SkillTally => {
    const group = results.filter((r) => r.expected[0] === skill);
    const misses: SkillTally["misses"] = {};
    for (const r of group) if (!r.isSkillCorrect) misses[r.got] = (misses[r.got] ?? 0) + 1;
    const correct = group.filter((r) => r.isSkillCorrect).length;
    return { skill, cases: group.length, correct, accuracy: ratio(correct, group.length), misses };
  });
  const categories = [...new Set(results.flatMap((r) => (r.category ? [r.category] : [])))];
  const byCategory = categories.map((category): CategoryTally => {
    const group = results.filter((r) => r.category === category);
    const correct = group.filter((r) => r.isSkillCorrect).length;
    return { category, cases: group.length, correct, accuracy: ratio(correct, group.length), passed: group.filter((r) => r.isPassed).length };
  });
  const count = (p: (r: EvalCaseResult) => boolean) => results.filter(p).length;
  return {
    ...meta,
    cases: results.length,
    bySkill,
    byCategory,
    skillAccuracy: ratio(count((r) => r.isSkillCorrect), results.length),
    inventedFactsRate: ratio(count((r) => r.invented.length > 0), results.length),
    oneSegmentRate: ratio(count((r) => r.segments === 1), results.length),
    contentPassRate: ratio(count((r) => r.missing.length === 0 && r.forbidden.length === 0), results.length),
    modelErrors: count((r) => r.got === "error"),
    results,
    failures: results.filter((r) => !r.isPassed),
  };
}

/** Runs the evaluation on `db`, which must hold the brand (the demo brand unless told). */
export async function runEval(db: Db, opts: EvalOptions = {}): Promise<EvalReport> {
  const started = Date.now();
  const cases = opts.cases ?? loadEvalSet();
  const brand = await db.brand.findUnique({ where: { slug: opts.brandSlug ?? DEMO.brandSlug } });
  if (!brand) throw new Error(`No brand "${opts.brandSlug ?? DEMO.brandSlug}" in this database; seed the demo first (npm run db:seed).`);
  const settings = await db.agentSettings.findUniqueOrThrow({ where: { brandId: brand.id } });
  const commerce = commerceFor(db, brand);

  const results: EvalCaseResult[] = new Array(cases.length);
  let nextIndex = 0;
  let done = 0;
  let modelName = opts.model?.name ?? "";
  const worker = async () => {
    for (let i = nextIndex++; i < cases.length; i = nextIndex++) {
      const c = cases[i]!;
      // The same input the pipeline's agent-turn stage builds, with the case's conversation.
      const turn = await runAgentTurn({
        brand,
        settings,
        commerce,
        shopperPhone: c.from,
        searchKnowledge: (question) => searchKnowledge(db, brand.id, question),
        history: [
          ...(c.campaign ? [{ role: "brand" as const, text: c.campaign.body, source: "campaign" as const }] : []),
          ...(c.history ?? []),
          { role: "shopper", text: c.text },
        ],
        model: opts.model,
      });
      modelName ||= turn.model;
      results[i] = judgeTurn(c, turn, { brandSummary: settings.brandSummary, timeZone: brand.timeZone });
      opts.onResult?.(results[i]!, ++done, cases.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 1, cases.length)) }, worker));
  return summarizeEval(results, { model: modelName, durationMs: Date.now() - started });
}
