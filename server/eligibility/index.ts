export { failedEligibilityRule, eligibilityRules, type EligibilityRule } from "./failed-eligibility-rule";
