import { describe, expect, it } from "vitest";
import corpus from "./corpus/noise.json";
import { detectNoise, type NoiseKind } from "./detect-noise";

interface NoiseCase {
  text: string;
  expect: Exclude<NoiseKind, "loop"> | null;
  note?: string;
}

const KINDS: (NoiseKind | null)[] = ["auto_reply", "reaction", "emoji_only", "empty", "gibberish", null];
const cases = corpus as NoiseCase[];

describe("detectNoise: corpus", () => {
  it("holds hundreds of cases, noise and real messages, every one with a known expectation", () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(50);
    expect(cases.filter((c) => !KINDS.includes(c.expect))).toEqual([]);
  });

  it.each(cases)("%j", ({ text, expect: expected }) => {
    expect(detectNoise(text)?.kind ?? null).toBe(expected);
  });

  it("lets every real message through (zero messages dropped as noise)", () => {
    const dropped = cases.filter((c) => c.expect === null && detectNoise(c.text) !== null);
    expect(dropped.map((c) => c.text)).toEqual([]);
  });

  it("explains every verdict", () => {
    for (const c of cases) {
      const noise = detectNoise(c.text);
      if (noise) expect(noise.reason.length).toBeGreaterThan(0);
    }
  });
});
