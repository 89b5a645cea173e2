import { describe, expect, it } from "vitest";
import { startsWithKeyword } from "./starts-with-keyword";

describe("startsWithKeyword", () => {
  it("finds a keyword at the start, forgiving case, accents, punctuation and spacing", () => {
    expect(startsWithKeyword("Style me please!", ["STYLE ME"])).toBe("STYLE ME");
    expect(startsWithKeyword("  style,   ME", ["STYLE ME"])).toBe("STYLE ME");
    expect(startsWithKeyword("Café hours?", ["CAFE"])).toBe("CAFE");
    expect(startsWithKeyword("STYLE", ["STYLE"])).toBe("STYLE");
  });

  it("does not match inside a word or later in the text", () => {
    expect(startsWithKeyword("stylish boots", ["STYLE"])).toBeNull();
    expect(startsWithKeyword("can you style me", ["STYLE ME"])).toBeNull();
    expect(startsWithKeyword("", ["STYLE"])).toBeNull();
  });

  it("prefers the longer keyword", () => {
    expect(startsWithKeyword("style me now", ["STYLE", "STYLE ME"])).toBe("STYLE ME");
  });
});
