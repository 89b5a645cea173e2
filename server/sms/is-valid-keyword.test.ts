import { describe, expect, it } from "vitest";
import { complianceKeywords } from "./classify-compliance";
import { isValidKeyword } from "./is-valid-keyword";
import { normalizeKeyword } from "./normalize-keyword";

describe("normalizeKeyword", () => {
  it.each([
    [" join ", "JOIN"],
    ["style   me", "STYLE ME"],
    ["Style\tMe\n", "STYLE ME"],
    ["café", "CAFÉ"],
    ["CAFE\u0301", "CAFÉ"],
    ["summer24", "SUMMER24"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeKeyword(input)).toBe(expected);
  });
});

describe("isValidKeyword", () => {
  it.each(["JOIN", "vip", "Style Me", "SUMMER24", "2024", "CAFÉ", "GET MY DEAL", "WEEKEND", "SIZE INFO", "YES PLEASE", "STARTER", "a".repeat(20)])(
    "accepts %j",
    (keyword) => {
      expect(isValidKeyword(keyword)).toBe(true);
    },
  );

  it.each([
    ["", "empty"],
    ["   ", "blank"],
    ["a".repeat(21), "longer than 20 characters"],
    ["ONE TWO THREE FOUR", "four words"],
    ["JOIN!", "punctuation"],
    ["STYLE-ME", "a hyphen"],
    ["🎉", "an emoji"],
    ["JOIN_NOW", "an underscore"],
    ["stop", "a carrier keyword"],
    ["Stop All", "a carrier keyword of two words"],
    ["opt out", "a carrier keyword of two words"],
    ["OPTOUT", "the FCC keyword"],
    ["Arrêt", "the Canadian French keyword, accented"],
    ["STOP NOW", "a phrase holding an opt-out word"],
    ["END SALE", "a phrase holding an opt-out word"],
    ["OPT OUT NOW", "a phrase holding an opt-out phrase"],
  ])("refuses %j (%s)", (keyword) => {
    expect(isValidKeyword(keyword)).toBe(false);
  });

  it.each(complianceKeywords)("refuses the compliance keyword %j in any case", (keyword) => {
    expect(isValidKeyword(keyword)).toBe(false);
    expect(isValidKeyword(keyword.toLowerCase())).toBe(false);
  });
});
