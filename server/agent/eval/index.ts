export { runEval, judgeTurn, summarizeEval, type EvalReport, type EvalCaseResult, type EvalOptions, type SkillTally } from "./run-eval";
export { loadEvalSet, expectedSkills, evalCaseSchema, evalSkills, type EvalCase, type EvalSkill } from "./eval-case";
export { classifySkill, type ClassifiedSkill } from "./classify-skill";
export { findInventedFacts, type InventedFact } from "./find-invented-facts";
export { formatEvalReport } from "./format-eval-report";
