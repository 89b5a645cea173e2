/**
 * A small RFC 4180 CSV reader: comma-separated fields, records ended by CRLF (LF and lone CR are
 * accepted too, since spreadsheets on every platform export them), fields in double quotes may hold
 * commas, line breaks and doubled quotes (""), and a leading UTF-8 byte order mark is dropped
 * (Excel writes one). No dependency: the import needs exactly this and nothing more.
 *
 * Leniency, on purpose: a quote inside an unquoted field (5" boots) is kept as a character, as
 * spreadsheets do. Strict where guessing would import the wrong data: an unclosed quote, or text
 * after a closing quote, is an error naming the line.
 */

export type CsvParseResult =
  | {
      ok: true;
      /** Every record in order, blank lines included (as [""]), so record n is the spreadsheet's row n. */
      records: string[][];
    }
  | { ok: false; error: { line: number; message: string } };

const BOM = "\uFEFF";

export function parseCsv(input: string): CsvParseResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let line = 1;
  let i = 0;
  const n = text.length;

  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && field === "") {
      // A quoted field: read to the closing quote; "" is one quote, line breaks are data.
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= n) return { ok: false, error: { line: openedOn, message: `Line ${openedOn}: a quoted value is never closed (a " is missing).` } };
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
        i++;
      }
      // After the closing quote only a separator, a line break or the end may follow.
      const after = text[i];
      if (after !== undefined && after !== "," && after !== "\r" && after !== "\n") {
        return { ok: false, error: { line, message: `Line ${line}: unexpected text after a closing quote; put the whole value in quotes and double any " inside it.` } };
      }
      if (after === undefined) {
        endRecord();
        return { ok: true, records };
      }
      continue;
    }
    if (ch === ",") {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      continue;
    }
    field += ch;
    i++;
  }
  // The last record, unless the text ended with a line break (or was empty).
  if (field !== "" || record.length > 0) endRecord();
  return { ok: true, records };
}

/** A record with nothing in it (a blank line, or only separators). */
export function isBlankRecord(record: string[]): boolean {
  return record.every((value) => value.trim() === "");
}
