import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS, readConsent, readPropertyValue, standardColumnOf } from "./import-rules";
import { readProfileCsv } from "./read-profile-csv";

const messages = (text: string) => readProfileCsv(text).errors.map((e) => e.message);

describe("readProfileCsv", () => {
  it("reads standard columns under common header spellings and the rest as properties", () => {
    const csv = readProfileCsv("\uFEFFPhone Number,First Name,LAST_NAME,E-mail,SMS Consent,City,Lifetime Value,VIP\r\n(555) 555-0101,Ava,Chen,Ava@Example.com,yes,Portland,120.5,TRUE\r\n");
    expect(csv.errors).toEqual([]);
    expect(csv.columns.map((c) => (c.kind === "standard" ? c.field : `property:${c.key}`))).toEqual([
      "phone",
      "firstName",
      "lastName",
      "email",
      "consent",
      "property:City",
      "property:Lifetime Value",
      "property:VIP",
    ]);
    expect(csv.rows).toEqual([
      {
        row: 2,
        phone: "+15555550101",
        firstName: "Ava",
        lastName: "Chen",
        email: "ava@example.com",
        consent: "subscribed",
        properties: { City: "Portland", "Lifetime Value": 120.5, VIP: true },
      },
    ]);
  });

  it("leaves blank cells out (they change nothing) and tolerates missing trailing cells", () => {
    const csv = readProfileCsv("phone,first_name,consent,city\n+15555550101,,,\n+15555550102\n");
    expect(csv.errors).toEqual([]);
    expect(csv.rows.map((r) => [r.firstName, r.consent, r.properties])).toEqual([
      [null, null, {}],
      [null, null, {}],
    ]);
  });

  it("reports each bad row with its spreadsheet row number, column and reason", () => {
    const text = [
      "phone,email,consent",
      "+15555550101,a@example.com,subscribed",
      "",
      "555-12,b@example.com,yes",
      ",c@example.com,no",
      "+15555550102,not-an-email,",
      "+15555550103,,maybe",
      "(555) 555-0101,,",
    ].join("\n");
    const csv = readProfileCsv(text);
    expect(csv.rowCount).toBe(6);
    expect(csv.rows.map((r) => r.row)).toEqual([2]);
    expect(csv.errors).toEqual([
      { row: 4, column: "phone", message: 'Row 4: phone "555-12" is not a valid phone number. Use the full number with area code, e.g. +1 555 555 0100.' },
      { row: 5, column: "phone", message: "Row 5: phone is empty; every row needs a phone number." },
      { row: 6, column: "email", message: 'Row 6: email "not-an-email" is not a valid email address.' },
      { row: 7, column: "consent", message: expect.stringContaining('Row 7: consent "maybe" is not one we understand') },
      { row: 8, column: "phone", message: "Row 8: phone +1 (555) 555-0101 is also in row 2; each number can appear only once." },
    ]);
  });

  it("counts rows by records, so a quoted line break doesn't shift later row numbers", () => {
    const csv = readProfileCsv('phone,note\n+15555550101,"two\nlines"\nnope,x\n');
    expect(messages('phone,note\n+15555550101,"two\nlines"\nnope,x\n')[0]).toMatch(/^Row 3: phone "nope"/);
    expect(csv.rows[0]!.properties).toEqual({ note: "two\nlines" });
  });

  it("refuses a row with more values than the header (an unquoted comma)", () => {
    expect(messages("phone,city\n+15555550101,Portland, OR\n")).toEqual([
      "Row 2: has 3 values but the header has 2 columns. A value with a comma in it needs quotes around it.",
    ]);
  });

  it("refuses files it can't read as a whole, with one file-level message", () => {
    expect(messages("")).toEqual([expect.stringContaining("The file is empty")]);
    expect(messages("first_name,email\nAva,a@example.com\n")).toEqual([expect.stringContaining("no phone column")]);
    expect(messages("phone\n")).toEqual(["The file has a header row but no profiles under it."]);
    expect(messages("phone,mobile\n+15555550101,+15555550102\n")).toEqual(['The columns "phone" and "mobile" both mean the phone number; keep one of them.']);
    expect(messages("phone,City,city\n+15555550101,a,b\n")).toEqual([expect.stringContaining('both mean the property "city"')]);
    expect(messages("phone,$score\n+15555550101,1\n")).toEqual([expect.stringContaining('"$score" can\'t be a property name')]);
    expect(messages('phone\n"+15555550101\n')).toEqual([expect.stringMatching(/^The file is not valid CSV\. Line 2: a quoted value is never closed/)]);
    expect(readProfileCsv("phone\n").errors[0]!.row).toBeNull();
  });

  it("ignores an unnamed empty column but refuses one holding data", () => {
    expect(readProfileCsv("phone,\n+15555550101,\n").errors).toEqual([]);
    expect(messages("phone,,city\n+15555550101,x,Austin\n")).toEqual(["Column 2 has values but no name in the header row. Name it, or delete the column."]);
  });

  it("limits the number of rows and the size of the file", () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `+1555555${String(1000 + (i % 9000)).padStart(4, "0")}`);
    expect(messages(`phone\n${rows.join("\n")}\n`)).toEqual(["The file has 10,001 rows; an import can have at most 10,000. Split it into smaller files."]);
    const big = `phone,note\n${`+15555550101,${"x".repeat(400)}\n`.repeat(6000)}`;
    expect(messages(big)).toEqual([expect.stringMatching(/^The file is 2\.\d MB; an import can be at most 2 MB/)]);
  });

  it("limits values to what segments can compare", () => {
    expect(messages(`phone,note\n+15555550101,${"x".repeat(501)}\n`)).toEqual(["Row 2: note is 501 characters long; a property value can be at most 500."]);
  });
});

describe("import rules", () => {
  it.each([
    ["subscribed", "subscribed"],
    ["Yes", "subscribed"],
    ["TRUE", "subscribed"],
    ["1", "subscribed"],
    ["opted-in", "subscribed"],
    ["unsubscribed", "unsubscribed"],
    ["no", "unsubscribed"],
    ["False", "unsubscribed"],
    ["never subscribed", "never_subscribed"],
    ["never_subscribed", "never_subscribed"],
    ["", undefined],
    ["  ", undefined],
    ["maybe", null],
  ])("consent %j → %j", (value, expected) => {
    expect(readConsent(value)).toBe(expected);
  });

  it.each([
    ["42", 42],
    ["-3.5", -3.5],
    ["0", 0],
    ["0.25", 0.25],
    ["02134", "02134"],
    ["1e5", "1e5"],
    ["+12", "+12"],
    ["12345678901234567890", "12345678901234567890"],
    ["true", true],
    ["False", false],
    ["Portland", "Portland"],
    ["  padded  ", "padded"],
  ])("property %j → %j", (value, expected) => {
    expect(readPropertyValue(value)).toBe(expected);
  });

  it.each([
    ["Phone", "phone"],
    ["phone_number", "phone"],
    ["Mobile Number", "phone"],
    ["First Name", "firstName"],
    ["firstname", "firstName"],
    ["Surname", "lastName"],
    ["Email Address", "email"],
    ["Accepts SMS Marketing", "consent"],
    ["city", null],
  ])("header %j → %j", (header, expected) => {
    expect(standardColumnOf(header)).toBe(expected);
  });
});
