import { SegmentedMessage } from "sms-segments-calculator";
import { describe, expect, it } from "vitest";
import { segmentInfo } from "./segment-info";

// Pools whose characters are each one grapheme, so Twilio's calculator (which never splits a
// grapheme) and carriers (which never split a code point) must agree.
const GSM_BASIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?'\"@£$¥èéÇØåΔ_ΦΩßÉ¤¡ÄÖÑÜ§¿äöñüà\n";
const GSM_EXTENSION = "^{}\\[~]|€\f";
const ACCENTED = "êçáíóúâîôûëïÿœ";
const EMOJI = ["😀", "👍", "🎉", "🚀", "🙂", "🔥", "✅", "❤"];
const UNIT_TARGETS = [67, 68, 69, 70, 71, 72, 133, 134, 135, 136, 152, 153, 154, 159, 160, 161, 201, 202, 305, 306, 307, 458, 459, 460];

function random(seed: number) {
  // mulberry32: deterministic, so a failure reproduces.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Builds texts whose size in encoding units (septets for GSM-7, UTF-16 units for UCS-2) lands
// on or near a part boundary, where splitting rules matter.
function generate(next: () => number, count: number): string[] {
  const pick = (items: string | string[]): string => items[Math.floor(next() * items.length)] ?? "";
  return Array.from({ length: count }, (_, i) => {
    const target = (UNIT_TARGETS[i % UNIT_TARGETS.length] ?? 160) + Math.floor(next() * 3) - 1;
    const mode = i % 4; // basic only, with extension, with accents, with emoji
    const isUcs2 = mode >= 2;
    const chars: string[] = [];
    let units = 0;
    while (units < target) {
      const roll = next();
      let char = pick(GSM_BASIC);
      if (mode >= 1 && roll < 0.15) char = pick(GSM_EXTENSION);
      else if (mode === 2 && roll < 0.25) char = pick(ACCENTED);
      else if (mode === 3 && roll < 0.3) char = pick(EMOJI);
      chars.push(char);
      units += isUcs2 ? char.length : GSM_EXTENSION.includes(char) ? 2 : 1;
    }
    // Make sure the UCS-2 modes really are UCS-2.
    if (isUcs2 && chars.every((char) => !ACCENTED.includes(char) && !EMOJI.includes(char))) chars[0] = "ê";
    return chars.join("");
  });
}

describe("segmentInfo agrees with Twilio's sms-segments-calculator", () => {
  const texts = generate(random(20240611), 400);

  it("covers both encodings and multi-part messages", () => {
    const infos = texts.map(segmentInfo);
    expect(infos.some((info) => info.encoding === "UCS-2" && info.segments >= 3)).toBe(true);
    expect(infos.some((info) => info.encoding === "GSM-7" && info.segments >= 3)).toBe(true);
  });

  it("gives the same encoding, segments and characters for 400 generated texts", () => {
    const mismatches = texts.flatMap((text) => {
      const twilio = new SegmentedMessage(text);
      const expected = {
        encoding: twilio.encodingName,
        segments: twilio.segmentsCount,
        characters: twilio.numberOfUnicodeScalars,
      };
      const actual = segmentInfo(text);
      return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ text, actual, expected }];
    });
    expect(mismatches).toEqual([]);
  });
});
