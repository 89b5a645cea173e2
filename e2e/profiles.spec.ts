import { expect, test } from "@playwright/test";

// Numbers no other spec uses (the seed's shoppers are +1 555 555 0101…0150).
const NEW_SHOPPER = "+15555551901";
const SECOND_SHOPPER = "+15555551902";

test("a marketer searches for a seeded shopper and reads their profile", async ({ page }) => {
  await page.goto("/profiles");
  await expect(page.getByTestId("profile-row").first()).toBeVisible();
  await page.getByLabel("Search profiles").fill("ivy okafor");
  const rows = page.getByTestId("profile-row");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("+1 (555) 555-0107");
  await expect(page).toHaveURL(/\?q=ivy\+okafor/);

  await rows.getByRole("link", { name: "Ivy Okafor" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ivy Okafor");
  await expect(page.locator("header")).toContainText("+1 (555) 555-0107");
  await expect(page.locator("header")).toContainText("Unsubscribed");
  await expect(page.getByRole("table", { name: "Properties" })).toContainText("city");
  // Seeded as subscribed, then unsubscribed: newest first.
  const history = page.getByTestId("consent-history").getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText("Subscribed→Unsubscribed");
  await expect(history.first()).toContainText("Demo data");

  await page.getByRole("link", { name: "Profiles", exact: true }).first().click();
  await page.getByLabel("SMS consent").selectOption("unsubscribed");
  await expect(page).toHaveURL(/\?consent=unsubscribed/);
  await expect(page.getByTestId("profile-row").first()).toContainText("Unsubscribed");
  await expect(page.getByTestId("profile-row").filter({ hasNotText: "Unsubscribed" })).toHaveCount(0);
});

test("an import with a bad row is blocked until the row is fixed, then the new profile is in the list", async ({ page }) => {
  await page.goto("/profiles");
  await page.getByRole("link", { name: "Import profiles" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import profiles");

  const withBadRow = ["Phone,First Name,Last Name,Email,Consent,Tier", `${NEW_SHOPPER},Quinn,Harper,quinn@example.com,yes,gold`, "555-19,Rae,Holt,,no,silver", ""].join("\r\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "shoppers.csv", mimeType: "text/csv", buffer: Buffer.from(withBadRow) });

  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText('Row 3: phone "555-19" is not a valid phone number');
  await expect(page.getByRole("button", { name: "Import profiles" })).toBeDisabled();
  await expect(page.getByTestId("import-preview-row")).toHaveCount(1);

  // Fix the row in the text and preview again.
  await page.getByLabel("CSV text").fill(withBadRow.replace("555-19", `${SECOND_SHOPPER}`));
  await expect(page.getByText("The text changed since the preview")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import profiles" })).toBeDisabled();
  await page.getByRole("button", { name: "Preview again" }).click();
  await expect(errors).toHaveCount(0);
  await expect(page.getByTestId("import-preview-row")).toHaveCount(2);
  await expect(page.getByTestId("import-preview")).toContainText("New profiles2");

  await page.getByRole("button", { name: "Import profiles" }).click();
  await expect(page).toHaveURL(/\/profiles$/);
  await expect(page.getByText("Profiles imported")).toBeVisible();

  await page.getByLabel("Search profiles").fill("harper");
  const row = page.getByTestId("profile-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Quinn Harper");
  await expect(row).toContainText("Subscribed");
  await expect(row).toContainText("Tier: gold");

  await row.getByRole("link", { name: "Quinn Harper" }).click();
  await expect(page.getByTestId("consent-history")).toContainText("CSV import");
});
