import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./export-records-csv";

describe("CSV export cells", () => {
  it("quotes commas, quotes and new lines", () => {
    expect(csvCell('Pat "P" Rivera, Jr')).toBe('"Pat ""P"" Rivera, Jr"');
    expect(toCsv(["a", "b"], [["1", "x\ny"]])).toBe('a,b\r\n1,"x\ny"\r\n');
  });

  it("keeps phone numbers and negative numbers, neutralises formulas", () => {
    expect(csvCell("+15555550100")).toBe("+15555550100");
    expect(csvCell("-12.5")).toBe("-12.5");
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  });
});
