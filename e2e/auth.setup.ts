import path from "node:path";
import { expect, test as setup } from "@playwright/test";

/** Signs in once through the real form and keeps the session for the other specs. */
setup("sign in as the demo user", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("demo@parley.dev");
  await page.getByLabel("Password").fill("parley-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/simulator/);
  await page.context().storageState({ path: path.join(__dirname, ".results", "demo-user.json") });
});
