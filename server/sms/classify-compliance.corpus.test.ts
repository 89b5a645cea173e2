import { describe, expect, it } from "vitest";
import { classifyCompliance, complianceKeywords, type ComplianceIntent } from "./classify-compliance";
import corpus from "./corpus/compliance.json";

interface ComplianceCase {
  text: string;
  expect: ComplianceIntent | null;
  note?: string;
}

const INTENTS: (ComplianceIntent | null)[] = ["opt_out", "opt_in", "help", null];
const cases = corpus as ComplianceCase[];

describe("classifyCompliance: corpus", () => {
  it("holds hundreds of cases of each side, every one with a known expectation", () => {
    expect(cases.filter((c) => c.expect !== null).length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => !INTENTS.includes(c.expect))).toEqual([]);
  });

  it.each(cases)("%j", ({ text, expect: expected }) => {
    expect(classifyCompliance(text)).toBe(expected);
  });

  it("never unsubscribes on shopping language (zero false opt-outs)", () => {
    const falseOptOuts = cases.filter((c) => c.expect !== "opt_out" && classifyCompliance(c.text) === "opt_out");
    expect(falseOptOuts.map((c) => c.text)).toEqual([]);
  });

  it("misses no opt-out in the corpus", () => {
    const missed = cases.filter((c) => c.expect === "opt_out" && classifyCompliance(c.text) !== "opt_out");
    expect(missed.map((c) => c.text)).toEqual([]);
  });
});

// Twilio Advanced Opt-Out defaults plus the FCC's 2025 REVOKE and OPT OUT, and ARRET (Canada).
const EXPECTED_KEYWORDS: Record<string, ComplianceIntent> = {
  STOP: "opt_out", STOPALL: "opt_out", "STOP ALL": "opt_out", UNSUBSCRIBE: "opt_out", CANCEL: "opt_out", END: "opt_out",
  QUIT: "opt_out", REVOKE: "opt_out", OPTOUT: "opt_out", "OPT OUT": "opt_out", ARRET: "opt_out",
  START: "opt_in", UNSTOP: "opt_in", YES: "opt_in", HELP: "help", INFO: "help",
};

const casings = (keyword: string) => [
  keyword,
  keyword.toLowerCase(),
  keyword.charAt(0) + keyword.slice(1).toLowerCase(),
  [...keyword].map((char, i) => (i % 2 ? char.toLowerCase() : char)).join(""),
  [...keyword].map((char, i) => (i % 2 ? char : char.toLowerCase())).join(""),
];
const decorations = [
  (k: string) => k, (k: string) => `  ${k}  `, (k: string) => `${k}.`, (k: string) => `${k}!`, (k: string) => `${k}!!!`,
  (k: string) => `${k}?`, (k: string) => `“${k}”`, (k: string) => `"${k}"`, (k: string) => `${k} 🛑`, (k: string) => `${k}😡😡`,
  (k: string) => `🙏 ${k} 🙏`, (k: string) => `${k}\n`, (k: string) => `${k} ${k}`, (k: string) => `${k}\nSent from my iPhone`,
];

describe("classifyCompliance: every carrier keyword in any casing", () => {
  it("reserves exactly the carrier keywords", () => {
    expect([...complianceKeywords].sort()).toEqual(Object.keys(EXPECTED_KEYWORDS).sort());
  });

  // An opt-in keyword asked as a question ("Yes?") is not consent; every other form counts.
  const expectedFor = (text: string, intent: ComplianceIntent) => (intent === "opt_in" && text.includes("?") ? null : intent);
  const variants = Object.entries(EXPECTED_KEYWORDS).flatMap(([keyword, intent]) =>
    casings(keyword).flatMap((cased) => decorations.map((decorate) => [decorate(cased), expectedFor(decorate(cased), intent)] as const)),
  );
  it.each(variants)("%j → %s", (text, intent) => {
    expect(classifyCompliance(text)).toBe(intent);
  });
});
