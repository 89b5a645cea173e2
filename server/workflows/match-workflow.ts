/**
 * Which workflow guides a text: active workflows are checked in priority order (higher first) and
 * the first that matches wins. A general_inquiry workflow matches every text (the catch-all); the
 * others match when the text holds one of their keywords as whole words ("price" matches "Price?"
 * and "prices", never "priceless"). At equal priority keyword workflows are checked before
 * catch-alls (the more specific one should win a tie), then the older workflow first.
 */
import { matchKeyword } from "../sms";
import { defaultKeywordsFor, isCatchAllGoal } from "./goal-keywords";

export type MatchableWorkflow = { id: string; name: string; goal: string; keywords: readonly string[]; priority: number; createdAt: Date };

export type WorkflowCheck<W extends MatchableWorkflow = MatchableWorkflow> = {
  workflow: W;
  isMatch: boolean;
  /** The keyword found in the text, for keyword workflows that matched. */
  keyword: string | null;
  /** Why it did or didn't match, in words for the "test matching" box. */
  reason: string;
};

export type WorkflowMatch<W extends MatchableWorkflow = MatchableWorkflow> = {
  /** The winner, or null when no active workflow matches. */
  match: WorkflowCheck<W> | null;
  /** Every workflow in the order it was checked, up to and including the winner. */
  checks: WorkflowCheck<W>[];
};

/** The order workflows are checked in: priority (high first), keyword before catch-all, older first, then name. */
export function orderForMatching<W extends MatchableWorkflow>(workflows: readonly W[]): W[] {
  return [...workflows].sort(
    (a, b) =>
      b.priority - a.priority ||
      Number(isCatchAllGoal(a.goal)) - Number(isCatchAllGoal(b.goal)) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.name.localeCompare(b.name),
  );
}

/** The keywords a workflow matches on: its own, or its goal's defaults when it has none. */
export function keywordsOf(workflow: Pick<MatchableWorkflow, "goal" | "keywords">): string[] {
  const own = workflow.keywords.map((k) => k.trim()).filter(Boolean);
  return own.length ? own : defaultKeywordsFor(workflow.goal);
}

/** The keyword (as the brand wrote it) found in the text, allowing a plural ending: "units" finds "unit". */
export function findKeyword(text: string, keywords: readonly string[]): string | null {
  const variants = new Map<string, string>();
  for (const keyword of keywords) {
    for (const form of [keyword, `${keyword}s`, `${keyword}es`]) if (!variants.has(form.toLowerCase())) variants.set(form.toLowerCase(), keyword);
  }
  const found = matchKeyword(text, [...variants.keys()]);
  return found ? (variants.get(found) ?? null) : null;
}

export function checkWorkflow<W extends MatchableWorkflow>(workflow: W, text: string): WorkflowCheck<W> {
  if (isCatchAllGoal(workflow.goal)) {
    return { workflow, isMatch: true, keyword: null, reason: "General inquiry workflows match every text." };
  }
  const keywords = keywordsOf(workflow);
  const keyword = findKeyword(text, keywords);
  if (keyword) return { workflow, isMatch: true, keyword, reason: `The text contains “${keyword}”, one of its keywords.` };
  const shown = keywords.slice(0, 6).join(", ") + (keywords.length > 6 ? ", …" : "");
  return { workflow, isMatch: false, keyword: null, reason: `None of its keywords (${shown}) is in the text.` };
}

/** Checks the given (active) workflows in order; the first match wins. */
export function matchWorkflow<W extends MatchableWorkflow>(workflows: readonly W[], text: string): WorkflowMatch<W> {
  const checks: WorkflowCheck<W>[] = [];
  for (const workflow of orderForMatching(workflows)) {
    const check = checkWorkflow(workflow, text);
    checks.push(check);
    if (check.isMatch) return { match: check, checks };
  }
  return { match: null, checks };
}
