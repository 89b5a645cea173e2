import { expect, test } from "@playwright/test";

test("a closeout message longer than one SMS is refused next to its field; a valid one is saved, used and shown in the history", async ({ page }) => {
  await page.goto("/settings");
  await page.getByLabel(/^Send a closeout message/).check();
  const closeout = page.getByLabel("Closeout message", { exact: true });
  const tooLong = "Thanks for texting Juniper Outdoor! Our team is away right now and will get back to you first thing tomorrow morning with a full answer to your question. Have a lovely evening!";
  expect(tooLong.length).toBeGreaterThan(160);
  await closeout.fill(tooLong);
  await expect(page.getByTestId("agent-closeoutMessage").getByTestId("segment-counter")).toContainText("2 segments");
  await page.getByRole("button", { name: "Save agent settings" }).click();
  await expect(page.getByTestId("agent-closeoutMessage").getByRole("alert")).toContainText("must fit one SMS");

  await closeout.fill("We're away right now; a teammate will text you tomorrow morning.");
  await page.getByRole("button", { name: "Save agent settings" }).click();
  await expect(page.getByRole("table", { name: "Settings history" })).toContainText("closeout");

  await page.goto("/simulator");
  await page.getByLabel("Shopper").selectOption({ value: "+15555550112" });
  await page.getByLabel("Message").fill("can I talk to a person?");
  await page.getByLabel("Message").press("Enter");
  await expect(page.getByTestId("brand-message").last()).toContainText("a teammate will text you tomorrow morning");
  await expect(page.getByTestId("disposition")).toContainText("closed_out");
});
