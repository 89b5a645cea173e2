/**
 * The table by skill: conversations started in the period grouped by the skill their outcome
 * event names (properties.skill on Resolved / Escalated), one query:
 *   SELECT o.skill, (o.conv IS NULL) AS open, count(*), count(*) FILTER (WHERE o.outcome = 'resolved'), …
 *   FROM started s LEFT JOIN outcomes o ON o.conv = s.conv GROUP BY 1, 2
 * Skills: order_status (WISMO), product_recommendation, faq, anything else or none (other), and
 * "workflow:<name>" for a conversation an SMS workflow guided (one row per workflow). A conversation
 * still open has no outcome event yet, so no skill: it is its own row.
 */
import { Prisma, type Db } from "../../db";
import { loadPerformanceBrand, resolvePeriods, type PerformanceFilter } from "./performance-filter";
import { outcomesCte, periodsCte, spanOf, startedCte } from "./sql-parts";

/** The prefix server/workflows/workflow-skill.ts puts on a workflow-guided conversation's skill. */
const WORKFLOW_SKILL_PREFIX = "workflow:";

export type SkillKey = "wismo" | "recommendation" | "faq" | "other" | "workflow" | "open";

export type SkillRow = {
  key: SkillKey;
  /** The workflow's name for key "workflow"; null otherwise. */
  workflowName: string | null;
  conversations: number;
  resolved: number;
  escalated: number;
  closedOut: number;
  resolvedRate: number | null;
};

const coreSkills: Record<string, SkillKey> = { order_status: "wismo", product_recommendation: "recommendation", faq: "faq" };

type Row = { skill: string | null; isOpen: boolean; conversations: number; resolved: number; escalated: number; closedOut: number };

/** Where a conversation's skill goes in the table. */
export function skillKeyOf(skill: string | null, isOpen: boolean): { key: SkillKey; workflowName: string | null } {
  if (isOpen) return { key: "open", workflowName: null };
  if (skill?.startsWith(WORKFLOW_SKILL_PREFIX)) return { key: "workflow", workflowName: skill.slice(WORKFLOW_SKILL_PREFIX.length) || "Unnamed workflow" };
  return { key: (skill && coreSkills[skill]) || "other", workflowName: null };
}

export async function performanceBySkill(db: Db, brandId: string, filter: PerformanceFilter): Promise<SkillRow[]> {
  const brand = await loadPerformanceBrand(db, brandId);
  const { current } = resolvePeriods(filter, brand.timeZone);
  const periods = [{ period: "current", start: current.start, end: current.end }];
  const span = spanOf(periods);
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH ${periodsCte(periods)},
    ${startedCte(brandId, filter.channel, brand.timeZone, span)},
    ${outcomesCte(brandId, span)}
    SELECT o.skill, (o.conv IS NULL) AS "isOpen",
      count(*)::int AS conversations,
      (count(*) FILTER (WHERE o.outcome = 'resolved'))::int AS resolved,
      (count(*) FILTER (WHERE o.outcome IN ('escalated', 'failed')))::int AS escalated,
      (count(*) FILTER (WHERE o.outcome = 'closed_out'))::int AS "closedOut"
    FROM started s LEFT JOIN outcomes o ON o.conv = s.conv
    GROUP BY 1, 2
  `);
  return groupBySkill(rows);
}

/** Core rows always (WISMO, recommendation, FAQ, other), then workflows by volume, then still open. */
export function groupBySkill(rows: Row[]): SkillRow[] {
  const groups = new Map<string, SkillRow>();
  for (const key of ["wismo", "recommendation", "faq", "other"] as const) {
    groups.set(key, { key, workflowName: null, conversations: 0, resolved: 0, escalated: 0, closedOut: 0, resolvedRate: null });
  }
  for (const row of rows) {
    const { key, workflowName } = skillKeyOf(row.skill, row.isOpen);
    const id = key === "workflow" ? `workflow:${workflowName}` : key;
    const group = groups.get(id) ?? { key, workflowName, conversations: 0, resolved: 0, escalated: 0, closedOut: 0, resolvedRate: null };
    group.conversations += row.conversations;
    group.resolved += row.resolved;
    group.escalated += row.escalated;
    group.closedOut += row.closedOut;
    groups.set(id, group);
  }
  const all = [...groups.values()].map((g) => ({ ...g, resolvedRate: g.conversations > 0 ? g.resolved / g.conversations : null }));
  const rank = (g: SkillRow) => ({ wismo: 0, recommendation: 1, faq: 2, other: 3, workflow: 4, open: 5 })[g.key];
  return all
    .filter((g) => g.key !== "open" || g.conversations > 0)
    .sort((a, b) => rank(a) - rank(b) || b.conversations - a.conversations || (a.workflowName ?? "").localeCompare(b.workflowName ?? ""));
}
