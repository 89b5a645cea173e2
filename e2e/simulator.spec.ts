import { expect, test } from "@playwright/test";

test("a shopper asks about an order in the simulator and the exchange shows in Conversations", async ({ page }) => {
  await page.goto("/simulator");
  await page.getByLabel("Shopper").selectOption({ value: "+15555550101" });
  const composer = page.getByLabel("Message");
  await composer.fill("where is my order #1001");
  await composer.press("Enter");

  await expect(page.getByTestId("shopper-message").last()).toContainText("where is my order #1001");
  const reply = page.getByTestId("brand-message").last();
  await expect(reply).toContainText("Order #1001 shipped with UPS");
  await expect(reply).toContainText("https://www.ups.com/track?tracknum=1Z999AA10123456784");
  await expect(reply).toContainText("1 segment");
  await expect(page.getByTestId("disposition").first()).toContainText("agent_replied");

  await page.getByRole("link", { name: /Conversations/ }).first().click();
  await expect(page).toHaveURL(/\/conversations/);
  const row = page.getByText("where is my order #1001").first();
  await expect(row).toBeVisible();
  await row.click();
  await expect(page).toHaveURL(/\/conversations\/[a-z0-9]+/);
  await expect(page.getByText("Order #1001 shipped with UPS").first()).toBeVisible();
  await expect(page.getByTestId("disposition").first()).toContainText("agent_replied");
});

test("STOP is honoured in the simulator: confirmation, then silence", async ({ page }) => {
  await page.goto("/simulator");
  await page.getByLabel("Shopper").selectOption({ value: "+15555550105" });
  const composer = page.getByLabel("Message");
  await composer.fill("STOP");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("brand-message").last()).toContainText("unsubscribed");
  await expect(page.getByTestId("disposition").first()).toContainText("opt_out");
  await composer.fill("where is my order");
  await composer.press("Enter");
  await expect(page.getByTestId("disposition").first()).toContainText("not_subscribed");
  await expect(page.getByTestId("brand-message")).toHaveCount(1);
});
