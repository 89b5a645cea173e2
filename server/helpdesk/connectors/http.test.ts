import { describe, expect, it } from "vitest";
import { retryAfterMs } from "./http";

describe("retryAfterMs", () => {
  const now = Date.parse("2026-05-01T14:00:00Z");
  it("reads delta-seconds and HTTP dates; nothing usable is null", () => {
    expect(retryAfterMs("7", now)).toBe(7000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Fri, 01 May 2026 14:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Fri, 01 May 2026 13:59:00 GMT", now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs("soon", now)).toBeNull();
    expect(retryAfterMs("-5", now)).toBeNull();
  });
});
