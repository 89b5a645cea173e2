/**
 * Issue 5's promise end to end: a marketer builds a segment in the builder, restricts the agent to
 * it in Settings → Who can chat; a shopper outside it texts (a signed Twilio webhook) and the text
 * waits in the inbox as ineligible:not_in_segment, a shopper inside gets the agent's reply.
 */
import crypto from "node:crypto";
import twilio from "twilio";
import { expect, test, type Page } from "@playwright/test";
import { APP_URL, DEMO_TWILIO } from "./e2e-env";
import { repliesTo } from "./shopper-helpers";

const webhook = `${APP_URL}/api/twilio/inbound`;
// Seeded demo shoppers (prisma/seed.ts): every 6th is vip; both are subscribed and used by no other spec.
const INSIDER = "+15555550118";
const OUTSIDER = "+15555550113";

async function texts(from: string, body: string) {
  const params = { MessageSid: `SM${crypto.randomBytes(16).toString("hex")}`, AccountSid: DEMO_TWILIO.accountSid, From: from, To: "+15555550100", Body: body, NumMedia: "0" };
  const res = await fetch(webhook, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilio.getExpectedTwilioSignature(DEMO_TWILIO.authToken, webhook, params) },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
}


async function setWhoCanChat(page: Page, mode: "Everyone" | "Only people in these segments", segmentName?: string) {
  await page.goto("/settings");
  const form = page.getByTestId("eligibility-form");
  await form.getByLabel(mode, { exact: true }).check();
  if (segmentName) await form.getByLabel(segmentName).check();
  await form.getByRole("button", { name: "Save who can chat" }).click();
  await expect(page.getByText("Who can chat saved")).toBeVisible();
}

test("the agent answers only the segment the marketer built", async ({ page }) => {
  // Builds a segment, changes Settings twice and waits for the agent's reply (after its reply pause).
  test.setTimeout(90_000);
  const name = `VIP shoppers ${Date.now()}`;

  // 1. Build the segment: people whose vip property is true.
  await page.goto("/segments/new");
  await page.getByTestId("segment-name").fill(name);
  await page.getByTestId("segment-add-condition").click();
  const condition = page.getByTestId("segment-condition").last();
  await condition.getByTestId("condition-type").selectOption("property");
  await condition.getByTestId("condition-property-key").fill("vip");
  await condition.getByTestId("condition-operator").selectOption("equals");
  await condition.getByTestId("condition-value-type").selectOption("boolean");
  await condition.getByTestId("condition-value").selectOption("true");
  const count = page.getByTestId("segment-live-count");
  await expect(count).toHaveAttribute("data-state", "ready");
  // 50 demo shoppers, every 6th a VIP.
  await expect(count).toHaveText("8");
  await page.getByTestId("segment-save").click();
  await expect(page.getByText("Segment created")).toBeVisible();

  // 2. Restrict the agent to it.
  await setWhoCanChat(page, "Only people in these segments", name);

  try {
    // 3. An outsider texts: no reply, and the text waits in the inbox with the rule that decided.
    const outsiderBody = `do you have rain jackets? ${Date.now()}`;
    await texts(OUTSIDER, outsiderBody);
    await page.goto("/conversations?view=inbound");
    const row = page.getByTestId("inbound-text-row").filter({ hasText: outsiderBody });
    await expect(async () => {
      await page.reload();
      await expect(row.getByText("ineligible:not_in_segment")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });

    // 4. An insider texts: the agent answers.
    await texts(INSIDER, "do you have rain jackets?");
    await expect.poll(() => repliesTo(INSIDER), { timeout: 20_000 }).toHaveLength(1);
    expect((await repliesTo(INSIDER))[0]).toMatch(/jacket/i);
    expect(await repliesTo(OUTSIDER)).toEqual([]);
  } finally {
    // Other specs expect the agent to answer everyone.
    await setWhoCanChat(page, "Everyone");
  }
});
