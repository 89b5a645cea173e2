export { runEval, judgeTurn, summarizeEval, type EvalReport, type EvalCaseResult, type EvalOptions, type SkillTally, type CategoryTally } from "./run-eval";
export { loadEvalSet, evalSetNames, expectedSkills, evalCaseSchema, evalSkills, type EvalCase, type EvalSkill, type EvalSetName } from "./eval-case";
export { classifySkill, type ClassifiedSkill } from "./classify-skill";
export { findInventedFacts, type InventedFact } from "./find-invented-facts";
export { formatEvalReport } from "./format-eval-report";
