/**
 * The figures, each measured through the app's own functions (the ones the tRPC routers and the
 * inbound pipeline call), never a copy of their SQL:
 * - segment_count:<key>  countSegmentMembers for every ready-made example and demo segment
 * - segments_list        listSegments, what segments.list runs when the page loads (names only)
 * - segments_member_counts countSegmentsMembers, segments.memberCounts: every saved segment's count
 * - membership:<key>     isProfileInSegment for one profile (the eligibility check's core)
 * - eligibility_stage    failedEligibilityRule for a brand restricted to two segments (segments_in)
 * - performance:<query>  performanceSummary / Series / BySkill / ByCampaign for the last 30 days,
 *                        and performance:page, the four in parallel as the page loads them
 * Profiles for single-profile figures are drawn like the generator draws active shoppers (the
 * ones who text), from a fixed seed, so every run checks the same profiles.
 */
import { performanceByCampaign, performanceBySkill, performanceSeries, performanceSummary, type PerformanceFilter } from "../../analytics";
import { presetRange } from "../../analytics/performance/period";
import type { Db } from "../../db";
import { failedEligibilityRule } from "../../eligibility";
import { countSegmentMembers, countSegmentsMembers, isProfileInSegment, listSegments, parseSegmentDefinition, segmentExamples, type SegmentNode } from "../../segments";
import { Rng } from "../../testing/rng";
import { benchBrand, scale } from "./scale-config";
import { timeRepeated, type Timing } from "./timing";

export type Figure = {
  figure: string;
  group: "segments" | "membership" | "eligibility" | "performance";
  targetMs: number;
  timing: Timing;
  /** What the call answered (a count, rows), to show the work is real. */
  result: unknown;
};

export type MeasureOptions = { runs: number; singleProfileRuns: number; budgetMs: number; statementTimeoutSeconds: number; only?: RegExp; log: (line: string) => void };

/** A deterministic generator, so each run checks the same profiles. */
function seededRandom(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

/** Same id scheme and skew as the generator (generate-scale-data.ts). */
function activeProfileIds(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => `cbp${String(1 + Math.floor((scale.profiles - 1) * Math.pow(random(), 1.5))).padStart(22, "0")}`);
}

type NamedDefinition = { key: string; definition: SegmentNode };

async function definitionsToMeasure(db: Db, brandId: string): Promise<NamedDefinition[]> {
  const saved = await db.segment.findMany({ where: { brandId }, orderBy: { id: "asc" } });
  const examples = segmentExamples.map((e) => ({ key: e.key, definition: e.definition }));
  const exampleJson = new Set(examples.map((e) => JSON.stringify(e.definition)));
  const demo = saved
    .map((s) => ({ key: s.name.toLowerCase().replace(/[^a-z0-9]+/g, "-"), definition: parseSegmentDefinition(s.definition) }))
    .filter((s) => !exampleJson.has(JSON.stringify(s.definition)));
  return [...examples, ...demo];
}

export async function measureScale(db: Db, opts: MeasureOptions): Promise<Figure[]> {
  const brandId = benchBrand.id;
  const figures: Figure[] = [];
  const wanted = (name: string) => !opts.only || opts.only.test(name);
  async function measure<T>(figure: string, group: Figure["group"], targetMs: number, runs: number, work: (i: number) => Promise<T>, describe: (r: T) => unknown = (r) => r) {
    if (!wanted(figure)) return;
    try {
      const { timing, result } = await timeRepeated(runs, work, opts.budgetMs);
      const f = { figure, group, targetMs, timing, result: describe(result) };
      figures.push(f);
      opts.log(`  ${figure}: median ${timing.medianMs.toFixed(1)} ms, p95 ${timing.p95Ms.toFixed(1)} ms (${timing.runs} runs) → ${JSON.stringify(f.result)}`);
    } catch (error) {
      // The runner sets statement_timeout: a query that can't finish in it is reported, not waited for.
      if (!/statement timeout/i.test(String((error as Error)?.message))) throw error;
      const timedOut = { runs: 0, medianMs: Number.POSITIVE_INFINITY, p95Ms: Number.POSITIVE_INFINITY, minMs: Number.POSITIVE_INFINITY, maxMs: Number.POSITIVE_INFINITY };
      figures.push({ figure, group, targetMs, timing: timedOut, result: `timed out (statement_timeout ${opts.statementTimeoutSeconds} s)` });
      opts.log(`  ${figure}: timed out after ${opts.statementTimeoutSeconds} s`);
    }
  }

  const definitions = await definitionsToMeasure(db, brandId);
  const now = new Date();

  for (const { key, definition } of definitions) {
    await measure(`segment_count:${key}`, "segments", 1000, opts.runs, () => countSegmentMembers(db, brandId, definition, now));
  }
  // segments.list answered with every count until the counts moved to segments.memberCounts; the
  // figure is what the Segments page waits for before it shows every number.
  await measure("segments_list", "segments", 1000, opts.runs, () => listSegments(db, brandId), (rows) => rows.map((r) => r.name));
  await measure("segments_member_counts", "segments", 1000, opts.runs, () => countSegmentsMembers(db, brandId, now), (r) => r.counts);

  const profiles = activeProfileIds(opts.singleProfileRuns + 1, 20261121);
  for (const { key, definition } of definitions) {
    let members = 0;
    await measure(`membership:${key}`, "membership", 5, opts.singleProfileRuns, async (i) => {
      const isIn = await isProfileInSegment(db, brandId, profiles[i + 1]!, definition, now);
      if (isIn && i >= 0) members++;
      return isIn;
    }, () => ({ membersAmongChecked: members }));
  }

  const settings = await db.agentSettings.findUniqueOrThrow({ where: { brandId } });
  const outcomes = new Map<string, number>();
  await measure("eligibility_stage", "eligibility", 5, opts.singleProfileRuns, async (i) => {
    const rule = await failedEligibilityRule(db, { brandId, restrictedGoods: [], settings, profileId: profiles[i + 1]!, text: "where is my order?", now });
    if (i >= 0) outcomes.set(rule ?? "eligible", (outcomes.get(rule ?? "eligible") ?? 0) + 1);
    return rule;
  }, () => Object.fromEntries(outcomes));

  const filter: PerformanceFilter = { ...presetRange("30d", benchBrand.timeZone, now), channel: "sms" };
  await measure("performance:summary", "performance", 1000, opts.runs, () => performanceSummary(db, brandId, filter), (s) => ({
    range: `${s.current.from}..${s.current.to}`,
    started: s.current.metrics.conversationsStarted,
    resolved: s.current.metrics.resolved,
    medianFirstResponseSeconds: s.current.metrics.medianFirstResponseSeconds,
    agentReplies: s.current.metrics.agentReplies,
    attributedOrders: s.current.metrics.attributedOrders,
    allOrders: s.current.metrics.allOrders,
  }));
  await measure("performance:series", "performance", 1000, opts.runs, () => performanceSeries(db, brandId, filter), (s) => ({
    days: s.days.length,
    started: s.days.reduce((n, d) => n + d.started, 0),
    attributedOrders: s.days.reduce((n, d) => n + d.attributedOrders, 0),
  }));
  await measure("performance:by_skill", "performance", 1000, opts.runs, () => performanceBySkill(db, brandId, filter), (rows) =>
    Object.fromEntries(rows.map((r) => [r.workflowName ?? r.key, r.conversations])),
  );
  await measure("performance:by_campaign", "performance", 1000, opts.runs, () => performanceByCampaign(db, brandId, filter, now), (rows) =>
    rows.map((r) => ({ name: r.name, sent: r.sent, replies: r.replies, conversations: r.conversations, attributedOrders: r.attributedOrders })),
  );
  await measure(
    "performance:page",
    "performance",
    1000,
    opts.runs,
    () => Promise.all([performanceSummary(db, brandId, filter), performanceSeries(db, brandId, filter), performanceBySkill(db, brandId, filter), performanceByCampaign(db, brandId, filter, now)]),
    () => "summary + series + by skill + by campaign in parallel",
  );
  return figures;
}
