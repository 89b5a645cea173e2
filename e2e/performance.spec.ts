import { expect, test, type Page } from "@playwright/test";

/** Seeded, subscribed, no orders, and used by no other spec. */
const SHOPPER = "+15555550141";

const numberIn = (text: string | null) => Number((text ?? "").replace(/[^0-9.]/g, ""));

async function metric(page: Page, key: string): Promise<number> {
  const value = page.getByTestId(`metric-${key}-value`);
  await expect(value).toBeVisible();
  // Wait until the numbers for the current range have loaded (not the previous range's, dimmed).
  await expect(page.getByTestId("metric-cards").locator("xpath=..")).not.toHaveAttribute("aria-busy", "true");
  return numberIn(await value.textContent());
}

/** A day in the brand's zone (America/New_York for the demo brand), n days from today. */
function dayFromToday(n: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

test("a conversation in the simulator and the order it earned show on the performance page, with charts and tables", async ({ page }) => {
  await page.goto("/performance?range=7d");
  await expect(page.getByRole("heading", { level: 1, name: "Performance" })).toBeVisible();
  const before = {
    started: await metric(page, "started"),
    resolved: await metric(page, "resolved"),
    revenue: await metric(page, "revenue"),
    orders: await metric(page, "orders"),
    replies: await metric(page, "replies"),
  };

  // The shopper asks for a product, gets a recommendation, says thanks: resolved by the agent.
  await page.goto("/simulator");
  await page.getByLabel("Shopper").selectOption({ value: SHOPPER });
  const composer = page.getByLabel("Message");
  await composer.fill("do you have a waterproof rain jacket?");
  await composer.press("Enter");
  await expect(page.getByTestId("brand-message")).toHaveCount(1);
  await composer.fill("thanks!");
  await composer.press("Enter");
  await expect(page.getByTestId("brand-message")).toHaveCount(2);
  await expect(page.getByTestId("disposition").first()).toContainText("agent_replied");

  // An hour later (well inside the 24-hour window) the shopper orders; the store's CSV brings it in.
  const orderNumber = `E2E-${Date.now()}`;
  await page.goto("/performance/import-orders");
  await page.getByTestId("order-csv").fill(`order_number,phone,total,placed_at\n${orderNumber},${SHOPPER},64.00,${new Date().toISOString()}\n`);
  await page.getByRole("button", { name: "Preview import" }).click();
  const preview = page.getByTestId("order-import-preview");
  await expect(preview.getByTestId("order-import-row")).toHaveCount(1);
  await expect(preview.getByTestId("order-import-row")).toContainText("New");
  await expect(preview.getByTestId("order-import-row")).toContainText("$64.00");
  await page.getByRole("button", { name: "Import orders" }).click();
  await expect(page.getByText("Orders imported")).toBeVisible();
  await expect(page).toHaveURL(/\/performance$/);

  await page.goto("/performance?range=7d");
  expect(await metric(page, "started")).toBe(before.started + 1);
  expect(await metric(page, "resolved")).toBe(before.resolved + 1);
  expect(await metric(page, "orders")).toBe(before.orders + 1);
  expect(await metric(page, "revenue")).toBeCloseTo(before.revenue + 64, 2);
  expect(await metric(page, "replies")).toBe(before.replies + 2);
  await expect(page.getByTestId("metric-first-response-value")).not.toHaveText("—");

  // Charts: titled, readable by keyboard (the tooltip follows the arrow keys), with a table behind.
  for (const chart of ["chart-outcomes", "chart-resolution", "chart-revenue"]) await expect(page.getByTestId(chart)).toBeVisible();
  const outcomes = page.getByTestId("chart-outcomes-plot");
  await outcomes.focus();
  await outcomes.press("End");
  await expect(page.getByTestId("chart-outcomes-tooltip")).toContainText("Resolved:");
  const revenue = page.getByTestId("chart-revenue-plot");
  await revenue.focus();
  await revenue.press("End");
  await expect(page.getByTestId("chart-revenue-tooltip")).toContainText("$");
  await page.getByTestId("chart-revenue").getByText("Show the numbers as a table").click();
  await expect(page.getByRole("table", { name: "Revenue from the agent per day, by day" })).toBeVisible();

  // Tables: the recommendation shows in its skill; campaigns are listed or explained.
  const recommendations = page.getByTestId("skill-row").filter({ hasText: "Product recommendations" });
  expect(numberIn(await recommendations.locator("td").nth(1).textContent())).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole("heading", { name: "By campaign" })).toBeVisible();
  await expect(page.getByTestId("campaign-row").first().or(page.getByText("No campaigns sent in this period"))).toBeVisible();
});

test("changing the date range updates the URL and the numbers", async ({ page }) => {
  await page.goto("/performance?range=7d");
  const week = await metric(page, "started");
  await expect(page.getByTestId("performance-range")).toContainText(" – ");

  await page.getByTestId("range-select").selectOption("90d");
  await expect(page).toHaveURL(/\/performance\?range=90d$/);
  expect(await metric(page, "started")).toBeGreaterThanOrEqual(week);

  // A quiet day long ago: a custom range of one day, kept in the URL.
  const day = dayFromToday(-700);
  await page.getByTestId("range-select").selectOption("custom");
  await page.getByTestId("range-from").fill(day);
  await page.getByTestId("range-to").fill(day);
  await expect(page).toHaveURL(new RegExp(`range=custom&from=${day}&to=${day}$`));
  await expect(page.getByTestId("metric-started-value")).toHaveText("0");
  await expect(page.getByTestId("metric-revenue-value")).toHaveText("$0.00");
  await expect(page.getByText("No campaigns sent in this period")).toBeVisible();

  // An end before the start is explained, and the URL keeps the last good range.
  await page.getByTestId("range-to").fill(dayFromToday(-701));
  await expect(page.getByText("The end date is before the start date.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`from=${day}&to=${day}$`));

  // The URL alone brings the same view back.
  await page.reload();
  await expect(page.getByTestId("range-select")).toHaveValue("custom");
  await expect(page.getByTestId("range-from")).toHaveValue(day);
});

test("a Create segment link opens the builder prefilled", async ({ page }) => {
  await page.goto("/performance?range=7d");
  await page.getByTestId("segment-link-recommended-no-order").click();
  await expect(page).toHaveURL(/\/segments\/new\?definition=/);
  await expect(page.getByTestId("segment-prefill-notice")).toBeVisible();
  await expect(page.getByTestId("segment-name")).toHaveValue("Got a recommendation and didn't buy in the last 7 days");
  const conditions = page.getByTestId("segment-condition");
  await expect(conditions).toHaveCount(2);
  await expect(conditions.nth(0).getByTestId("condition-event-name")).toHaveValue("Received Product Recommendation from Customer Agent");
  await expect(conditions.nth(1).getByTestId("condition-event-name")).toHaveValue("Placed Order");
  await expect(page.getByTestId("segment-live-count")).toHaveAttribute("data-state", "ready");

  await page.goto("/performance?range=7d");
  await page.getByTestId("segment-link-escalated").click();
  await expect(page.getByTestId("segment-name")).toHaveValue("Escalated in the last 7 days");
  await expect(page.getByTestId("segment-condition").first().getByTestId("condition-event-name")).toHaveValue("Escalated Customer Agent Conversation");
});

test("the attribution window is a setting, recorded in the history, and the page says which one it uses", async ({ page }) => {
  await page.goto("/settings");
  const form = page.getByTestId("attribution-form");
  await expect(form.getByTestId("attribution-window")).toHaveValue("24");
  await form.getByTestId("attribution-window").selectOption("168");
  await form.getByRole("button", { name: "Save attribution" }).click();
  await expect(page.getByText("SMS attribution saved")).toBeVisible();
  const entry = page.getByTestId("settings-history-row").filter({ hasText: "SMS attribution" }).first();
  await expect(entry).toContainText("Attribution window:");
  await expect(entry).toContainText("24 hours");
  await expect(entry).toContainText("7 days");

  await page.goto("/performance?range=7d");
  await expect(page.getByText("within 7 days of the shopper’s last agent reply")).toBeVisible();

  // Restore the default for the other specs.
  await page.goto("/settings");
  await page.getByTestId("attribution-form").getByTestId("attribution-window").selectOption("24");
  await page.getByTestId("attribution-form").getByRole("button", { name: "Save attribution" }).click();
  await expect(page.getByText("SMS attribution saved")).toBeVisible();
  await expect(page.getByTestId("attribution-form").getByTestId("attribution-window")).toHaveValue("24");
});
