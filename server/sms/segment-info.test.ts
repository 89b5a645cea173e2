import { describe, expect, it } from "vitest";
import { segmentInfo } from "./segment-info";

const a = (n: number) => "a".repeat(n);

describe("segmentInfo", () => {
  it("counts an empty text as one GSM-7 segment, as Twilio's calculator does", () => {
    expect(segmentInfo("")).toEqual({ encoding: "GSM-7", segments: 1, characters: 0 });
  });

  it.each([
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
    [459, 3],
    [460, 4],
  ])("GSM-7: %i basic characters take %i segment(s) (160 single, 153 per part)", (length, segments) => {
    expect(segmentInfo(a(length))).toEqual({ encoding: "GSM-7", segments, characters: length });
  });

  it("keeps every basic-table character in GSM-7 at one septet", () => {
    for (const char of "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà\r\n\"'") {
      expect(segmentInfo(char.repeat(160))).toMatchObject({ encoding: "GSM-7", segments: 1 });
      expect(segmentInfo(char.repeat(161))).toMatchObject({ encoding: "GSM-7", segments: 2 });
    }
  });

  it("counts each extension character (^{}\\[~]|€ and form feed) as two septets", () => {
    for (const char of "^{}\\[~]|€\f") {
      expect(segmentInfo(char.repeat(80))).toEqual({ encoding: "GSM-7", segments: 1, characters: 80 });
      expect(segmentInfo(char + a(158)).segments).toBe(1);
      expect(segmentInfo(char + a(159)).segments).toBe(2);
    }
  });

  it("never splits an escape pair: 81 euros (162 septets) fill 76 + 5", () => {
    expect(segmentInfo("€".repeat(81)).segments).toBe(2);
    // 306 septets would be 2 parts, but the € cannot straddle parts 1 and 2: 152 | 2+151 | 1.
    expect(segmentInfo(a(152) + "€" + a(152))).toEqual({
      encoding: "GSM-7",
      segments: 3,
      characters: 305,
    });
  });

  it.each([
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
    [201, 3],
    [202, 4],
  ])("UCS-2: %i non-GSM characters take %i segment(s) (70 single, 67 per part)", (length, segments) => {
    expect(segmentInfo("ê".repeat(length))).toEqual({ encoding: "UCS-2", segments, characters: length });
  });

  it("switches to UCS-2 for a single character outside GSM-7", () => {
    expect(segmentInfo("ç").encoding).toBe("UCS-2"); // only capital Ç is in the GSM table
    expect(segmentInfo("Ç").encoding).toBe("GSM-7");
    expect(segmentInfo(a(100) + "`").encoding).toBe("UCS-2");
    expect(segmentInfo(a(100) + "`").segments).toBe(2);
  });

  it("counts GSM extension characters as one unit once the text is UCS-2", () => {
    expect(segmentInfo("€" + "ê".repeat(69))).toEqual({ encoding: "UCS-2", segments: 1, characters: 70 });
  });

  it("counts an emoji as two UTF-16 units but one character", () => {
    expect(segmentInfo("😀".repeat(35))).toEqual({ encoding: "UCS-2", segments: 1, characters: 35 });
    expect(segmentInfo("😀".repeat(36))).toEqual({ encoding: "UCS-2", segments: 2, characters: 36 });
    expect(segmentInfo("👍🏽")).toEqual({ encoding: "UCS-2", segments: 1, characters: 2 });
  });

  it("never splits a surrogate pair across parts", () => {
    // 134 units would be 2 parts, but the emoji cannot straddle: 66 | 2+65 | 1.
    expect(segmentInfo(a(66) + "😀" + a(66))).toEqual({ encoding: "UCS-2", segments: 3, characters: 133 });
    expect(segmentInfo(a(65) + "😀" + a(67)).segments).toBe(2);
  });
});
