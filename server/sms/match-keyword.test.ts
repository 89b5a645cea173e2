import { describe, expect, it } from "vitest";
import corpus from "./corpus/keywords.json";
import { matchKeyword } from "./match-keyword";

interface KeywordCase {
  text: string;
  keywords: string[];
  expect: string | null;
  note?: string;
}

describe("matchKeyword", () => {
  it.each(corpus as KeywordCase[])("%j", ({ text, keywords, expect: expected }) => {
    expect(matchKeyword(text, keywords)).toBe(expected);
  });

  it("returns the keyword exactly as given, not normalised", () => {
    expect(matchKeyword("style me", ["Style  Me"])).toBe("Style  Me");
  });
});
