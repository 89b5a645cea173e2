import { describe, expect, it } from "vitest";
import { isBlankRecord, parseCsv } from "./parse-csv";

function records(text: string): string[][] {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.records;
}

describe("parseCsv", () => {
  it("reads plain fields and CRLF records", () => {
    expect(records("phone,first_name\r\n+15555550101,Ava\r\n+15555550102,Ben\r\n")).toEqual([
      ["phone", "first_name"],
      ["+15555550101", "Ava"],
      ["+15555550102", "Ben"],
    ]);
  });

  it("accepts LF and lone CR line breaks, and a last record without a line break", () => {
    expect(records("a,b\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(records("a,b\rc,d\r")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("reads quoted fields with commas, line breaks and doubled quotes", () => {
    expect(records('name,note\r\n"Chen, Ava","said ""hi""\r\nthen left"\r\n')).toEqual([
      ["name", "note"],
      ["Chen, Ava", 'said "hi"\r\nthen left'],
    ]);
  });

  it("keeps empty fields, quoted or not", () => {
    expect(records('a,,"",d\r\n,\r\n')).toEqual([
      ["a", "", "", "d"],
      ["", ""],
    ]);
  });

  it("drops a leading byte order mark", () => {
    expect(records("\uFEFFphone\r\n+15555550101")).toEqual([["phone"], ["+15555550101"]]);
  });

  it("keeps blank lines as blank records so record numbers match spreadsheet rows", () => {
    const rows = records("phone\r\n\r\n+15555550101\r\n");
    expect(rows).toEqual([["phone"], [""], ["+15555550101"]]);
    expect(isBlankRecord(rows[1]!)).toBe(true);
    expect(isBlankRecord([" ", ""])).toBe(true);
    expect(isBlankRecord(["", "x"])).toBe(false);
  });

  it("keeps a quote inside an unquoted field as a character", () => {
    expect(records('item\r\n5" boots\r\n')).toEqual([["item"], ['5" boots']]);
  });

  it("reads an empty text as no records", () => {
    expect(records("")).toEqual([]);
    expect(records("\uFEFF")).toEqual([]);
  });

  it("refuses an unclosed quote, naming the line it opened on", () => {
    expect(parseCsv('a,b\r\n1,"open\r\n2,3\r\n')).toEqual({ ok: false, error: { line: 2, message: expect.stringContaining("never closed") } });
  });

  it("refuses text after a closing quote, naming its line", () => {
    expect(parseCsv('a\r\n"multi\nline"x\r\n')).toEqual({ ok: false, error: { line: 3, message: expect.stringContaining("after a closing quote") } });
  });

  it("counts lines inside quoted fields for later errors", () => {
    const result = parseCsv('a\n"x\r\ny"\n"z"q');
    expect(result).toMatchObject({ ok: false, error: { line: 4 } });
  });
});
