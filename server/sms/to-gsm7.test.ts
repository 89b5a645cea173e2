import { describe, expect, it } from "vitest";
import { segmentInfo } from "./segment-info";
import { toGsm7 } from "./to-gsm7";

describe("toGsm7", () => {
  it.each([
    ["It’s “great” — really…", `It's "great" - really...`],
    ["‘single’ ‚low‛ «guillemets» „low double‟", `'single' 'low' "guillemets" "low double"`],
    ["10\u00A0am\u2009–\u20095pm", "10 am - 5pm"],
    ["sizes S‐XL, 2012‒2024, −5%", "sizes S-XL, 2012-2024, -5%"],
    ["•\u00A0Free shipping\n• Free returns", "- Free shipping\n- Free returns"],
    ["Hi\u200B there\uFEFF, co\u00ADop\u2060!", "Hi there, coop!"],
    ["Tab\there", "Tab here"],
    ["line\u2028break", "line\nbreak"],
    ["`code`", "'code'"],
  ])("rewrites %j", (input, expected) => {
    expect(toGsm7(input)).toBe(expected);
  });

  it("turns typical curly-quoted copy into GSM-7", () => {
    const copy = "We’re open ’til 9 — “see you soon”…";
    expect(segmentInfo(copy).encoding).toBe("UCS-2");
    expect(segmentInfo(toGsm7(copy)).encoding).toBe("GSM-7");
  });

  it("leaves characters without a GSM-7 equivalent alone", () => {
    expect(toGsm7("Thanks 😀 ‘Sam’")).toBe("Thanks 😀 'Sam'");
    expect(toGsm7("谢谢 ê ç ＡＢＣ")).toBe("谢谢 ê ç ＡＢＣ");
    // The zero-width joiner holds this family emoji together.
    expect(toGsm7("👨‍👩‍👧")).toBe("👨‍👩‍👧");
  });

  it("leaves GSM-7 text unchanged", () => {
    const text = "Hello {name}, 50% off [today] ~ €5 | ^_^ \\o/ @shop £3 ¥4 èéù";
    expect(toGsm7(text)).toBe(text);
  });
});
