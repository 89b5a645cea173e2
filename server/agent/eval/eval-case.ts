import { z } from "zod";
import evalSetJson from "./eval-set.json";
import holdoutSetJson from "./holdout-set.json";
import freshSetJson from "./fresh-2026-12-set.json";

/** What a shopper's text is about, as the eval judges it from the tools the agent used. */
export const evalSkills = ["order_status", "product_recommendation", "faq", "promo", "handoff", "resolve", "greeting", "other"] as const;
export type EvalSkill = (typeof evalSkills)[number];

const evalSkillSchema = z.enum(evalSkills);

export const evalCaseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "kebab-case id"),
  /** The shopper's phone: it decides which orders "where is my order" finds. */
  from: z.string().regex(/^\+1\d{10}$/, "E.164 US number"),
  text: z.string().min(1),
  /** The right skill; a list when more than one answer is acceptable (the first names the group). */
  expectSkill: z.union([evalSkillSchema, z.array(evalSkillSchema).min(1)]),
  mustInclude: z.array(z.string().min(1)).optional(),
  mustNotInclude: z.array(z.string().min(1)).optional(),
  /** Earlier texts of the conversation, oldest first; `text` comes after them. */
  history: z.array(z.object({ role: z.enum(["shopper", "brand"]), text: z.string().min(1) })).optional(),
  /** What the case tests, when the set reports by category as well as by skill (e.g. "complaint-damaged"). */
  category: z.string().regex(/^[a-z0-9-]+$/, "kebab-case category").optional(),
  /** The campaign text the shopper is replying to (the conversation's attributed campaign). */
  campaign: z.object({ body: z.string().min(1) }).optional(),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

export const evalSetSchema = z.array(evalCaseSchema).superRefine((cases, ctx) => {
  const seen = new Set<string>();
  cases.forEach((c, i) => {
    if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate id ${c.id}` });
    seen.add(c.id);
  });
});

/** The acceptable skills of a case, the first being the one it is reported under. */
export function expectedSkills(c: EvalCase): EvalSkill[] {
  return Array.isArray(c.expectSkill) ? c.expectSkill : [c.expectSkill];
}

/**
 * "main" (eval-set.json) is the set the built-in model's rules were tuned on; "holdout"
 * (holdout-set.json) was written afterwards and never tuned against, so it shows how the
 * rules generalise. "fresh" (fresh-2026-12-set.json) was written in December 2026 the way shoppers
 * really text (complaints, anger, follow-ups, campaign replies, Spanish and French) and run once
 * before any rule changed: that first-run score (fresh-2026-12-first-run.txt, 22.1%) is the
 * held-out measure. Its cases are never edited to fit the agent. The rules of that round were
 * then written against its failures, so its score today is no longer held out: the next change
 * to the built-in model starts with another set, written first and run once. Report all three.
 */
export const evalSetNames = ["main", "holdout", "fresh"] as const;
export type EvalSetName = (typeof evalSetNames)[number];

const evalSetJsonByName: Record<EvalSetName, unknown> = { main: evalSetJson, holdout: holdoutSetJson, fresh: freshSetJson };

/** An evaluation set, validated. */
export function loadEvalSet(name: EvalSetName = "main"): EvalCase[] {
  return evalSetSchema.parse(evalSetJsonByName[name]);
}
