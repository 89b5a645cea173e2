/**
 * Issue 8's promise end to end: a marketer builds a lead-capture workflow (extract name and email,
 * save to a collection), switches it on, a shopper texts about pricing from the Simulator and
 * answers the agent's questions; the record shows in the collection (and its CSV) and the fields on
 * the profile. Deactivated, the next matching text is answered without it. The workflow is deleted
 * at the end so the specs after this one meet the demo brand as seeded.
 */
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";

// Seeded demo shoppers no other spec texts from (both subscribed).
const LEAD_PHONE = "+15555550131";
const LATER_PHONE = "+15555550132";
const NAME = "E2E bulk pricing leads";
const COLLECTION = "e2e bulk leads";
const PRICING_TEXT = "interested in pricing for 20 units";

async function textAs(page: Page, body: string) {
  const composer = page.getByLabel("Message");
  await composer.fill(body);
  await composer.press("Enter");
  await expect(page.getByTestId("shopper-message").last()).toContainText(body);
}

const cardOf = (page: Page) => page.getByTestId("workflow-card").filter({ hasText: NAME });

test("a lead-capture workflow collects a shopper's details into a collection and the profile, and stops when deactivated", async ({ page }) => {
  test.setTimeout(90_000);

  // The address leads to the page; the page states the priority convention.
  await page.goto("/SMSWorkflows");
  await expect(page).toHaveURL(/\/sms-workflows$/);
  await expect(page.getByRole("heading", { level: 1, name: "SMS Workflows" })).toBeVisible();
  await expect(page.getByTestId("priority-convention")).toContainText("Higher priority wins");

  // 1. Create: errors show next to their fields, then the builder with two steps, reordered by keyboard.
  await page.getByTestId("workflow-create").click();
  await expect(page).toHaveURL(/\/sms-workflows\/new$/);
  await page.getByRole("button", { name: "Create workflow" }).click();
  const form = page.getByTestId("workflow-form");
  await expect(form.getByText("Give the workflow a name")).toBeVisible();
  await expect(form.getByText("Choose what the workflow is for.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();

  await page.getByLabel("Name", { exact: true }).fill(NAME);
  await page.getByLabel("Goal", { exact: true }).selectOption("lead_capture");
  await expect(page.getByLabel("Keywords", { exact: true })).toHaveValue(/pricing/);
  await page.getByLabel("Description", { exact: true }).fill("Prospects asking about volume pricing: collect name and email for the sales team.");
  await page.getByLabel("Priority", { exact: true }).fill("50");
  await page.getByLabel("Context for the agent").fill("Volume pricing starts at 10 units; quotes go out by email within a day.");

  await page.getByLabel("Step type").selectOption("save");
  await page.getByRole("button", { name: "Add step" }).click();
  await page.getByLabel("Collection (step 1)").fill(COLLECTION);
  await page.getByLabel("Step type").selectOption("extract");
  await page.getByRole("button", { name: "Add step" }).click();
  await page.getByLabel("Fields to collect (step 2)").fill("name, email");
  const moveUp = page.getByRole("button", { name: "Move step 2 (Extract information) up" });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  const steps = page.getByTestId("workflow-step");
  await expect(steps.first()).toContainText("Extract information");
  await expect(steps.last()).toContainText("Save to database");
  await expect(page.getByLabel("Fields to collect (step 1)")).toHaveValue("name, email");

  await page.getByRole("button", { name: "Create workflow" }).click();
  await expect(page).toHaveURL(/\/sms-workflows$/);
  const card = cardOf(page);
  await expect(card).toContainText("2 steps");
  await expect(card).toContainText("lead_capture");
  await expect(card).toContainText("Inactive");
  await expect(card.getByTestId("workflow-priority")).toHaveText("50");

  // 2. Activate it on its card; the test box says it would take the pricing text, and why.
  await card.getByRole("switch", { name: "Active" }).click();
  await expect(card.getByRole("switch", { name: "Active" })).toBeChecked();
  await expect(card).not.toContainText("Inactive");
  await page.getByTestId("test-match-input").fill(PRICING_TEXT);
  await page.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByTestId("match-result")).toContainText(`${NAME} would guide it`);
  await expect(page.getByTestId("match-result")).toContainText("“interested”");

  // 3. The shopper texts from the Simulator and answers the agent's questions.
  await page.goto("/simulator");
  await page.getByLabel("Shopper").selectOption({ value: LEAD_PHONE });
  await textAs(page, PRICING_TEXT);
  const lastReply = page.getByTestId("brand-message").last();
  await expect(lastReply).toContainText("what's your name?");
  await textAs(page, "Pat Rivera");
  await expect(lastReply).toContainText("Thanks, Pat! What's your email address?");
  await textAs(page, "pat.rivera@acme.test");
  await expect(lastReply).toContainText("We've got your details");

  // 4. The record is in the collection, and in its CSV.
  await page.goto("/sms-workflows");
  const collectionRow = page.getByTestId("collection-row").filter({ hasText: COLLECTION });
  await expect(collectionRow).toContainText("1");
  const downloading = page.waitForEvent("download");
  await collectionRow.getByRole("button", { name: `Download ${COLLECTION} as CSV` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("e2e-bulk-leads.csv");
  const csv = fs.readFileSync(await download.path(), "utf8");
  expect(csv).toContain("saved_at,phone,name,email,workflow");
  expect(csv).toContain(`${LEAD_PHONE},Pat Rivera,pat.rivera@acme.test,${NAME}`);

  await collectionRow.getByRole("link", { name: COLLECTION }).click();
  const record = page.getByTestId("record-row").first();
  await expect(record).toContainText("Pat Rivera");
  await expect(record).toContainText("pat.rivera@acme.test");
  await expect(record).toContainText(NAME);

  // 5. The fields are on the shopper's profile.
  await record.getByRole("link", { name: /555/ }).click();
  await expect(page).toHaveURL(/\/profiles\/[a-z0-9]+/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pat Rivera");
  await expect(page.getByRole("link", { name: "pat.rivera@acme.test" })).toBeVisible();

  // 6. Deactivate: the next matching text is answered without the workflow.
  await page.goto("/sms-workflows");
  await cardOf(page).getByRole("switch", { name: "Active" }).click();
  await expect(cardOf(page)).toContainText("Inactive");
  await page.getByTestId("test-match-input").fill(PRICING_TEXT);
  await page.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByTestId("match-result")).not.toContainText(`${NAME} would guide it`);

  await page.goto("/simulator");
  await page.getByLabel("Shopper").selectOption({ value: LATER_PHONE });
  await textAs(page, PRICING_TEXT);
  await expect(page.getByTestId("brand-message")).toHaveCount(1);
  await expect(page.getByTestId("brand-message").last()).not.toContainText("your name");
  await expect(page.getByTestId("disposition").first()).toContainText("agent_replied");

  await page.goto(`/sms-workflows/collections/${encodeURIComponent(COLLECTION)}`);
  await expect(page.getByTestId("record-row")).toHaveCount(1);

  // 7. Delete it: the confirmation says it is permanent and suggests deactivating instead.
  await page.goto("/sms-workflows");
  await cardOf(page).getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByTestId("delete-workflow-dialog");
  await expect(dialog).toContainText("permanent");
  await expect(dialog).toContainText("deactivate it instead");
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(cardOf(page)).toHaveCount(0);
});
