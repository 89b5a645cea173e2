import { expect, test, type Page } from "@playwright/test";
import { INBOX_MODE, setHandoffMode } from "./shopper-helpers";

// Demo shoppers no other spec texts (…0114 has #1013 shipped, …0115 #1014 delivered). The hand-off
// test needs the inbox handoff mode (another spec leaves closeout on), so this spec runs with the
// brand-wide ones, one at a time, and puts the mode back.

test("a damaged-item complaint in the Simulator is handed to a person with the reason and a summary of what happened", async ({ page }) => {
  const previousMode = await setHandoffMode(page, INBOX_MODE);
  try {
    await complainAboutDamage(page);
  } finally {
    if (previousMode !== INBOX_MODE) await setHandoffMode(page, previousMode);
  }
});

async function complainAboutDamage(page: Page) {
  await page.goto("/simulator");
  await page.getByLabel("Shopper").selectOption({ value: "+15555550115" });
  const composer = page.getByLabel("Message");
  await composer.fill("box showed up soaking wet and the sleeping bag inside is ruined");
  await composer.press("Enter");

  // A product named inside a complaint is not shopping: an apology and a hand-off, no recommendation.
  await expect(page.getByTestId("disposition").first()).toContainText("escalated");
  const reply = page.getByTestId("brand-message").last();
  await expect(reply).toContainText("arrived damaged");
  await expect(reply).toContainText("A teammate will text you here shortly");
  await expect(reply).not.toContainText("$");

  await page.getByTestId("conversation-link").click();
  await expect(page).toHaveURL(/\/conversations\/[a-z0-9]+/);
  const note = page.getByTestId("handoff-note");
  await expect(note.getByTestId("escalation-reason")).toHaveText("An item arrived damaged");
  // No order was named or looked up yet: the note says so, for the teammate to ask.
  await expect(note.getByTestId("handoff-summary")).toContainText("Damaged item; order not given yet.");
  await expect(note.getByTestId("handoff-summary")).toContainText("soaking wet");
}

test("a Spanish order-status text is answered in Spanish with the order's status, in one segment", async ({ page }) => {
  await page.goto("/simulator");
  await page.getByLabel("Shopper").selectOption({ value: "+15555550114" });
  const composer = page.getByLabel("Message");
  await composer.fill("hola, dónde está mi pedido? lo pedí hace unos días");
  await composer.press("Enter");

  const reply = page.getByTestId("brand-message").last();
  await expect(reply).toContainText("Pedido #1013 enviado con UPS");
  await expect(reply).toContainText("https://www.ups.com/track?tracknum=1Z999AA10123456786");
  await expect(reply).toContainText("1 segment");
  await expect(page.getByTestId("disposition").first()).toContainText("agent_replied");
});
