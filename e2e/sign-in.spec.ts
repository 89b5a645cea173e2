import { expect, test } from "@playwright/test";

test.describe("signing in", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sends visitors without a session to the sign-in page", async ({ page }) => {
    await page.goto("/conversations");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("says so when the password is wrong, and stays on the page", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("demo@parley.dev");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByLabel("Password").press("Enter");
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("after 5 wrong passwords, says how long to wait, and the form stays usable from the keyboard", async ({ page }) => {
    // An email no other spec uses: its failures are counted per email and address.
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("locked-out@parley.dev");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Password").fill(`guess-${i}`);
      await page.getByLabel("Password").press("Enter");
      await expect(page.locator("#sign-in-error")).toHaveText("Wrong email or password.");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await page.getByLabel("Password").fill("guess-5");
    await page.getByLabel("Password").press("Enter");
    await expect(page.locator("#sign-in-error")).toHaveText(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("refuses tRPC calls without a session", async ({ request }) => {
    const res = await request.get("/api/trpc/brand.current");
    expect(res.status()).toBe(401);
  });
});
