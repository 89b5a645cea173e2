/**
 * EXPLAIN (ANALYZE, BUFFERS) for the SQL one figure's app function sends, on the bench database:
 * runs the function once with Prisma's query log on, then explains each captured statement.
 *
 *   npx tsx server/bench/scale/explain-scale-query.ts summary|series|by_skill|by_campaign|member_counts
 *   npx tsx server/bench/scale/explain-scale-query.ts count:<segment example key>
 *   npx tsx server/bench/scale/explain-scale-query.ts membership:<segment example key>
 *   add --plan for the plan without running it (EXPLAIN without ANALYZE; the figure's function still runs once)
 */
import pg from "pg";
import { performanceByCampaign, performanceBySkill, performanceSeries, performanceSummary } from "../../analytics";
import { presetRange } from "../../analytics/performance/period";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../db/generated/client";
import { countSegmentMembers, countSegmentsMembers, isProfileInSegment, segmentExamples } from "../../segments";
import { benchBrand, DEFAULT_BENCH_DATABASE_URL } from "./scale-config";

async function main() {
  const which = process.argv[2] ?? "summary";
  // A CLI chooses its database itself, like run-scale-bench.ts.
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  const captured: { query: string; params: string }[] = [];
  db.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  const brandId = benchBrand.id;
  const filter = { ...presetRange("30d", benchBrand.timeZone, new Date()), channel: "sms" as const };
  const example = (key: string) => {
    const found = segmentExamples.find((e) => e.key === key);
    if (!found) throw new Error(`No segment example "${key}"; one of ${segmentExamples.map((e) => e.key).join(", ")}`);
    return found.definition;
  };
  if (which === "summary") await performanceSummary(db, brandId, filter);
  else if (which === "series") await performanceSeries(db, brandId, filter);
  else if (which === "by_skill") await performanceBySkill(db, brandId, filter);
  else if (which === "by_campaign") await performanceByCampaign(db, brandId, filter).catch((e: Error) => process.stderr.write(`(the call failed: ${e.message})\n`));
  else if (which === "member_counts") await countSegmentsMembers(db, brandId);
  else if (which.startsWith("count:")) await countSegmentMembers(db, brandId, example(which.slice("count:".length)));
  else if (which.startsWith("membership:")) await isProfileInSegment(db, brandId, `cbp${"1".padStart(22, "0")}`, example(which.slice("membership:".length)));
  else throw new Error(`Unknown figure ${which}`);
  await db.$disconnect();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const { query, params } of captured) {
      if (!/^\s*(SELECT|WITH)/i.test(query)) continue;
      process.stdout.write(`\n---- ${query.replace(/\s+/g, " ").slice(0, 200)}…\n`);
      const plan = await client.query(`EXPLAIN ${process.argv.includes("--plan") ? "" : "(ANALYZE, BUFFERS) "}${query}`, JSON.parse(params) as unknown[]);
      process.stdout.write(`${plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n")}\n`);
    }
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
