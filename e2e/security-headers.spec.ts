import { expect, test, type Page } from "@playwright/test";

/** Every CSP violation the page reports, from the DOM event and from the console. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(`event: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return violations;
}

test("pages carry the security headers", async ({ page }) => {
  const res = await page.goto("/performance");
  expect(res?.status()).toBe(200);
  const headers = res!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).toContain("form-action 'self'");
  // The production build needs no eval.
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("the main pages work under the CSP with no violation", async ({ page }) => {
  const violations = await watchCsp(page);
  const visit = async (path: string, ready: () => Promise<void>) => {
    await page.goto(path);
    await ready();
    // Client components hydrate and fetch after load: give late violations a moment to show.
    await page.waitForLoadState("networkidle");
  };
  await visit("/simulator", () => expect(page.getByLabel("Message")).toBeVisible());
  await visit("/conversations", () => expect(page.getByRole("heading", { level: 1 })).toBeVisible());
  await visit("/performance?range=30d", async () => {
    await expect(page.getByTestId("metric-cards")).toBeVisible();
    // The charts are SVG drawn by React, with style attributes.
    await expect(page.locator('[aria-roledescription="chart"] svg').first()).toBeVisible();
  });
  await visit("/segments/new", () => expect(page.getByRole("heading", { level: 1 })).toBeVisible());
  await visit("/campaigns", () => expect(page.getByRole("heading", { level: 1 })).toBeVisible());
  await visit("/settings", () => expect(page.getByRole("heading", { level: 1 })).toBeVisible());

  // A tRPC mutation from the page (same origin) still goes through the CSRF check. From a seeded
  // shopper of its own, not the simulator's default one, which another spec texts at the same time.
  await page.goto("/simulator");
  await page.getByLabel("Shopper").selectOption({ value: "+15555550143" });
  const composer = page.getByLabel("Message");
  await composer.fill("hi there");
  await composer.press("Enter");
  await expect(page.getByText("hi there").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page works under the CSP", async ({ page }) => {
    const violations = await watchCsp(page);
    const res = await page.goto("/sign-in");
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByLabel("Email").fill("demo@parley.dev");
    await page.getByLabel("Password").fill("parley-demo");
    await page.getByLabel("Password").press("Enter");
    await expect(page).toHaveURL(/\/simulator/);
    expect(violations).toEqual([]);
  });
});

test("a cross-site tRPC mutation is refused with 403 and a reason", async ({ request }) => {
  const res = await request.post("/api/trpc/segments.create", {
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    data: { json: { name: "Planted", definition: { type: "and", children: [] } } },
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: "FORBIDDEN", message: expect.stringContaining("Cross-site request refused") });
});
