import { expect, test } from "@playwright/test";

test("a marketer adds a JOIN keyword, and a new number that texts JOIN is subscribed without the agent", async ({ page }) => {
  await page.goto("/settings");
  await page.getByRole("button", { name: "Add keyword" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add keyword" });
  await dialog.getByLabel("Keyword").fill("join");
  await dialog.getByLabel("Reply").fill("Welcome to Juniper texts! Msg & data rates may apply. Reply STOP to opt out.");
  await dialog.getByLabel("Action").selectOption("subscribe");
  await dialog.getByRole("button", { name: "Save keyword" }).click();
  await expect(page.getByRole("table", { name: "Keyword automations" }).getByRole("row", { name: /JOIN/ })).toContainText("Subscribe to SMS");

  await page.goto("/simulator");
  await page.getByLabel("Shopper").selectOption("new");
  await page.getByLabel("New number").fill("+1 555 555 0177");
  await page.getByLabel("Message").fill("JOIN");
  await page.getByLabel("Message").press("Enter");
  await expect(page.getByTestId("brand-message").last()).toContainText("Welcome to Juniper texts!");
  await expect(page.getByTestId("disposition")).toContainText("keyword:JOIN");
});

test("a compliance text longer than one SMS is refused next to its field and nothing is saved", async ({ page }) => {
  await page.goto("/settings");
  const help = page.getByTestId("compliance-helpReply");
  await page.getByLabel("HELP reply").fill("Juniper Outdoor support is here for you every day of the week. ".repeat(4) + "Reply STOP to opt out.");
  await expect(help.getByTestId("segment-counter")).toContainText("2 segments");
  await page.getByRole("button", { name: "Save compliance texts" }).click();
  await expect(help.getByRole("alert")).toContainText("must fit one SMS");
  await page.reload();
  await expect(page.getByTestId("compliance-helpReply").getByText("Default", { exact: true })).toBeVisible();
});
