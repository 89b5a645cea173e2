import { describe, expect, it } from "vitest";
import { parseMoneyToCents, parseOrderTime, readOrderCsv } from "./read-order-csv";

const now = new Date("2026-03-01T12:00:00Z");
const read = (text: string) => readOrderCsv(text, { timeZone: "America/New_York", now });

describe("order CSV values", () => {
  it("reads amounts as cents, with or without a currency sign and thousands separators", () => {
    expect(parseMoneyToCents("48.5")).toBe(4850);
    expect(parseMoneyToCents("$1,234.00")).toBe(123_400);
    expect(parseMoneyToCents("USD 19.99")).toBe(1999);
    expect(parseMoneyToCents("0")).toBe(0);
    expect(parseMoneyToCents("-5.00")).toBeNull();
    expect(parseMoneyToCents("12.345")).toBeNull();
    expect(parseMoneyToCents("twelve")).toBeNull();
  });

  it("reads times with a zone as given and times without one in the brand's zone", () => {
    expect(parseOrderTime("2026-02-01T10:00:00Z", "America/New_York")?.toISOString()).toBe("2026-02-01T10:00:00.000Z");
    expect(parseOrderTime("2026-02-01 10:00:00-08:00", "America/New_York")?.toISOString()).toBe("2026-02-01T18:00:00.000Z");
    expect(parseOrderTime("2026-02-01", "America/New_York")?.toISOString()).toBe("2026-02-01T05:00:00.000Z");
    expect(parseOrderTime("2026-07-01 14:05", "America/New_York")?.toISOString()).toBe("2026-07-01T18:05:00.000Z");
    expect(parseOrderTime("2/1/2026 2:05 PM", "America/New_York")?.toISOString()).toBe("2026-02-01T19:05:00.000Z");
    expect(parseOrderTime("2/30/2026", "America/New_York")).toBeNull();
    expect(parseOrderTime("yesterday", "America/New_York")).toBeNull();
  });
});

describe("reading an order CSV", () => {
  it("reads valid rows with loosely named headers (Shopify's export names included)", () => {
    const csv = read("Name,Email,Phone,Total,Created at,Currency\n#1001,Ada@Example.com,,48.50,2026-02-01 10:00,usd\n#1002,,555-555-0101,$12.00,2026-02-02T09:00:00Z,\n");
    expect(csv.errors).toEqual([]);
    expect(csv.rows).toEqual([
      { row: 2, orderNumber: "1001", phone: null, email: "ada@example.com", totalCents: 4850, currency: "USD", placedAt: new Date("2026-02-01T15:00:00Z") },
      { row: 3, orderNumber: "1002", phone: "+15555550101", email: null, totalCents: 1200, currency: "USD", placedAt: new Date("2026-02-02T09:00:00Z") },
    ]);
  });

  it("names every bad row with its spreadsheet row number and reason", () => {
    const csv = read(
      [
        "order_number,phone,email,total,placed_at",
        ",+15555550101,,10,2026-02-01",
        "A2,,,10,2026-02-01",
        "A3,12,,10,2026-02-01",
        "",
        "A5,+15555550101,,-3,2026-02-01",
        "A6,+15555550101,,10,2026-13-01",
        "A7,+15555550101,,10,2026-03-05",
        "A8,+15555550101,,10,2026-02-01",
        "A8,+15555550102,,11,2026-02-02",
      ].join("\n"),
    );
    expect(csv.rowCount).toBe(8);
    expect(csv.rows.map((r) => r.orderNumber)).toEqual(["A8"]);
    expect(csv.errors.map((e) => e.message)).toEqual([
      "Row 2: the order number is empty.",
      "Row 3: needs a phone number or an email address to find the shopper.",
      'Row 4: phone "12" is not a valid phone number. Use the full number with area code, e.g. +1 555 555 0100.',
      'Row 6: total "-3" is not an amount. Write it like 48.50 (no negative amounts).',
      'Row 7: placed at "2026-13-01" is not a date we understand. Use 2026-03-01 14:05 or 2026-03-01T14:05:00Z.',
      'Row 8: placed at "2026-03-05" is in the future.',
      "Row 10: order A8 is also in row 9; each order can appear only once.",
    ]);
  });

  it("says what the header is missing", () => {
    expect(read("phone,total\n+15555550101,10\n").errors[0]?.message).toBe(
      "The header row needs an order number column (order_number), a placed at column (placed_at). Other columns are ignored.",
    );
    expect(read("").errors[0]?.message).toContain("The file is empty");
    expect(read("order_number,phone,total,placed_at\n").errors[0]?.message).toBe("The file has a header row but no orders under it.");
  });
});
