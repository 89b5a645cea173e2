import { describe, expect, it } from "vitest";
import { parseEnv } from "../../env";
import { shopifyApiVersionSupportEnds, shopifyApiVersionWarning } from "./api-version";

describe("Shopify Admin API version", () => {
  it("defaults to 2026-10 and accepts only quarterly versions", () => {
    expect(parseEnv({}).SHOPIFY_API_VERSION).toBe("2026-10");
    expect(parseEnv({ SHOPIFY_API_VERSION: "2026-07" }).SHOPIFY_API_VERSION).toBe("2026-07");
    for (const bad of ["2026-11", "2026-7", "latest", "unstable", "2026-10-01"]) {
      expect(() => parseEnv({ SHOPIFY_API_VERSION: bad })).toThrow(/SHOPIFY_API_VERSION: must be a Shopify Admin API version/);
    }
  });

  it("leaves support twelve months after its release", () => {
    expect(shopifyApiVersionSupportEnds("2026-10").toISOString()).toBe("2027-10-01T00:00:00.000Z");
    expect(shopifyApiVersionSupportEnds("2025-01").toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("warns within 60 days of the end of support, and after it", () => {
    const today = new Date("2026-12-07T12:00:00Z");
    expect(shopifyApiVersionWarning("2026-10", today)).toBeNull();
    expect(shopifyApiVersionWarning("2026-01", today)).toBe(
      "Warning: Shopify Admin API version 2026-01 (SHOPIFY_API_VERSION) leaves Shopify's support on 2027-01-01 (in 25 days); " +
        "Shopify then answers with the oldest supported version instead. Set SHOPIFY_API_VERSION to a newer version and check the Shopify conformance tests pass.",
    );
    expect(shopifyApiVersionWarning("2025-01", today)).toMatch(/^Warning: Shopify Admin API version 2025-01 \(SHOPIFY_API_VERSION\) left Shopify's support on 2026-01-01;/);
    // The boundary: 60 days before is a warning, 61 is not.
    expect(shopifyApiVersionWarning("2026-10", new Date("2027-08-02T00:00:00Z"))).toMatch(/in 60 days/);
    expect(shopifyApiVersionWarning("2026-10", new Date("2027-08-01T00:00:00Z"))).toBeNull();
  });
});
