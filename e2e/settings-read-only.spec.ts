/**
 * The demo brand's member-role teammate (member@parley.dev) sees every setting but can change
 * none of them: fields and buttons are disabled, with a note saying who can. Signing out ends
 * their session: the cookie from before no longer opens the API.
 */
import { expect, test, type Page } from "@playwright/test";

test.use({ storageState: { cookies: [], origins: [] } });

async function signInAsMember(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("member@parley.dev");
  await page.getByLabel("Password").fill("parley-demo");
  await page.getByLabel("Password").press("Enter");
  await expect(page).toHaveURL(/\/simulator/);
}

test("a member sees the settings read-only, with a note saying who can change them", async ({ page }) => {
  await signInAsMember(page);
  await page.goto("/settings");

  await expect(page.getByLabel("Brand summary")).toBeDisabled();
  await expect(page.getByLabel("Brand summary")).not.toHaveValue("");
  await expect(page.getByLabel("Conversation starter")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save conversation starter" })).toBeDisabled();
  await expect(page.getByLabel("Auth token")).toBeDisabled();
  await expect(page.getByText("Only owners can change these settings").first()).toBeVisible();
  await expect(page.getByText("Only admins and owners can change these settings").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Add keyword" })).toHaveCount(0);
  // What isn't a change stays usable: the helpdesk delivery log is there to read.
  await expect(page.getByRole("heading", { name: "Helpdesk delivery log" })).toBeVisible();
});

test("signing out ends the session: the cookie kept from before gets 401 from the API", async ({ page, request }) => {
  await signInAsMember(page);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  expect((await request.get("/api/trpc/brand.current", { headers: { cookie } })).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await request.get("/api/trpc/brand.current", { headers: { cookie } })).status()).toBe(401);
});
