/**
 * Campaigns end to end: a marketer composes a campaign to the seeded "VIP shoppers" segment with the
 * conversation starter, sees the recipient count, cost and a per-shopper preview, sends it, watches
 * progress reach sent and delivered (Twilio's status callbacks, signed), and a VIP's reply from the
 * simulator starts an agent conversation.
 *
 * Quiet hours depend on the wall clock, so they are off for this spec and restored afterwards.
 */
import twilio from "twilio";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { trpcMutation, trpcQuery } from "./trpc-request";
import { APP_URL, DEMO_TWILIO, TWILIO_URL } from "./e2e-env";

// Seeded demo shoppers (prisma/seed.ts): every 6th is a VIP, all eight subscribed.
const VIPS = [6, 12, 18, 24, 30, 36, 42, 48].map((i) => `+1555555${String(100 + i).padStart(4, "0")}`);
// Shopper 24, Ezra Patel: replies from the simulator (no other spec texts from this number).
const REPLIER = "+15555550124";
// Shopper 30, a VIP who asks for a person after the campaign (no other spec texts from this number).
const ESCALATOR = "+15555550130";
const BRAND_NUMBER = "+15555550100";

async function textsTo(phone: string): Promise<string[]> {
  const all = (await (await fetch(`${TWILIO_URL}/__requests`)).json()) as { path: string; form: Record<string, string> }[];
  return all.filter((r) => r.path.endsWith("/Messages.json") && r.form.To === phone).map((r) => r.form.Body!);
}

/** Twilio reports a text delivered: a signed status callback, exactly as Twilio sends it. */
async function reportDelivered(sid: string, to: string) {
  const url = `${APP_URL}/api/twilio/status`;
  const params = { MessageSid: sid, MessageStatus: "delivered", AccountSid: DEMO_TWILIO.accountSid, From: BRAND_NUMBER, To: to };
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilio.getExpectedTwilioSignature(DEMO_TWILIO.authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBeLessThan(300);
}

type QuietHours = { enabled: boolean; start: number; end: number };

test("a marketer sends a campaign with the conversation starter to VIPs; progress reaches delivered and a reply starts a conversation", async ({ page }) => {
  test.setTimeout(150_000);
  const request = page.request;
  const quietHours = await trpcQuery<QuietHours>(request, "settings.quietHours");
  await trpcMutation(request, "settings.updateQuietHours", { ...quietHours, enabled: false });
  try {
    const before = await Promise.all(VIPS.map(textsTo));
    const name = `Spring restock ${Date.now()}`;

    // 1. Compose.
    await page.goto("/campaigns");
    await page.getByTestId("campaign-create").click();
    await expect(page).toHaveURL(/\/campaigns\/new$/);
    await page.getByTestId("campaign-name").fill(name);
    await page.getByTestId("audience-include").getByLabel("VIP shoppers", { exact: true }).check();
    await expect(page.getByTestId("campaign-recipient-count")).toHaveText("8");

    const body = page.getByTestId("campaign-body");
    await body.fill('Hi {{ first_name | default: "there" }}, our spring restock is here.');
    await page.getByTestId("insert-conversation-starter").click();
    await expect(body).toHaveValue('Hi {{ first_name | default: "there" }}, our spring restock is here. Questions? Reply to chat with us.');

    // 2. Count, cost and a preview per shopper.
    const estimate = page.getByTestId("campaign-estimate");
    await expect(estimate.getByTestId("campaign-total-segments")).toHaveText("8");
    await expect(estimate.getByTestId("campaign-cost")).toHaveText("$0.06"); // 8 segments × 0.79¢
    const preview = page.getByTestId("campaign-preview");
    await preview.getByTestId("campaign-preview-shopper").selectOption({ label: "Ezra Patel · +1 (555) 555-0124" });
    await expect(preview.getByTestId("campaign-preview-text")).toHaveText("Hi Ezra, our spring restock is here. Questions? Reply to chat with us.\nReply STOP to opt out.");
    await expect(preview.getByTestId("segment-counter")).toContainText("GSM-7 · 1 segment");
    await preview.getByTestId("campaign-preview-shopper").selectOption({ label: "A shopper with no name on file" });
    await expect(preview.getByTestId("campaign-preview-text")).toContainText("Hi there, our spring restock is here.");

    // 3. Send, after the confirmation says what will happen.
    await page.getByTestId("campaign-review").click();
    const confirm = page.getByTestId("campaign-confirm");
    await expect(confirm).toContainText(`Send “${name}” now?`);
    await expect(confirm).toContainText("8 subscribed shoppers");
    await confirm.getByTestId("campaign-confirm-send").click();
    await expect(page).toHaveURL(/\/campaigns\/(?!new)[a-z0-9]+$/);
    const campaignId = page.url().split("/").pop()!;

    // 4. Progress: every VIP gets exactly one personalised text, and the page says so.
    await expect(page.getByTestId("progress-sent-count")).toHaveText("8", { timeout: 60_000 });
    await expect(page.getByTestId("campaign-status")).toHaveText("Sent", { timeout: 15_000 });
    for (const [i, phone] of VIPS.entries()) expect(await textsTo(phone), phone).toHaveLength(before[i]!.length + 1);
    expect((await textsTo(REPLIER)).at(-1)).toBe("Hi Ezra, our spring restock is here. Questions? Reply to chat with us.\nReply STOP to opt out.");

    // 5. Twilio reports delivery; the page follows.
    const recipients = await trpcQuery<{ rows: { phone: string; providerSid: string | null }[] }>(request, "campaigns.recipients", { id: campaignId, page: 1, pageSize: 25 });
    expect(recipients.rows).toHaveLength(8);
    for (const r of recipients.rows) await reportDelivered(r.providerSid!, r.phone);
    await expect(page.getByTestId("progress-delivered-count")).toHaveText("8", { timeout: 20_000 });
    await expect(page.getByTestId("progress-sent-count")).toHaveText("0");

    // The list shows it as sent, 8 of 8.
    await page.goto("/campaigns");
    const row = page.getByTestId("campaign-row").filter({ hasText: name });
    await expect(row).toContainText("Sent");
    await expect(row.getByTestId("campaign-row-progress")).toContainText("8 / 8");

    // 6. A VIP replies from the simulator: the agent answers, in a new conversation.
    await page.goto("/simulator");
    await page.getByLabel("Shopper").selectOption({ value: REPLIER });
    await expect(page.getByTestId("brand-message").last()).toContainText("our spring restock is here");
    const reply = `do you have rain jackets? ${Date.now()}`;
    await page.getByLabel("Message").fill(reply);
    await page.getByLabel("Message").press("Enter");
    await expect(page.getByTestId("disposition").first()).toContainText("agent_replied", { timeout: 20_000 });
    await page.goto("/conversations");
    await expect(page.getByText(reply).first()).toBeVisible();

    // 7. The replier is done ("thanks!": resolved by the agent); another VIP asks for a person (handed off).
    await page.goto("/simulator");
    await page.getByLabel("Shopper").selectOption({ value: REPLIER });
    const brandTexts = page.getByTestId("brand-message");
    await expect(brandTexts.last()).toContainText(/jacket/i);
    const answered = await brandTexts.count();
    await page.getByLabel("Message").fill("thanks!");
    await page.getByLabel("Message").press("Enter");
    // The agent's answer to "thanks!" is in before the simulator switches shopper.
    await expect(brandTexts).toHaveCount(answered + 1, { timeout: 20_000 });
    await page.getByLabel("Shopper").selectOption({ value: ESCALATOR });
    await expect(brandTexts.last()).toContainText("our spring restock is here");
    await page.getByLabel("Message").fill("can I talk to a person please?");
    await page.getByLabel("Message").press("Enter");
    await expect(brandTexts).toHaveCount(2, { timeout: 20_000 });
    // Handed to the inbox, or closed out with the brand's closeout text (the handoff mode is a setting).
    await expect(page.getByTestId("disposition").first()).toContainText(/escalated|closed_out/, { timeout: 20_000 });

    // 8. The replier orders an hour later; the store's CSV brings the order in.
    await page.goto("/performance/import-orders");
    await page.getByTestId("order-csv").fill(`order_number,phone,total,placed_at\nCAMP-${Date.now()},${REPLIER},88.00,${new Date().toISOString()}\n`);
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(page.getByTestId("order-import-preview").getByTestId("order-import-row")).toHaveCount(1);
    await page.getByRole("button", { name: "Import orders" }).click();
    await expect(page.getByText("Orders imported")).toBeVisible();

    // 9. The performance page credits the campaign: 8 sent, 2 replies, 2 conversations, the order's revenue.
    await page.goto("/performance?range=7d");
    const campaignRow = page.getByTestId("campaign-row").filter({ hasText: name });
    const cells = campaignRow.locator("td");
    await expect(cells.nth(1)).toHaveText("8");
    await expect(cells.nth(2)).toHaveText("2");
    await expect(cells.nth(4)).toHaveText("2");
    await expect(cells.nth(5)).toContainText("$88.00");
    await expect(cells.nth(5)).toContainText("1 order");
    for (const chart of ["chart-outcomes", "chart-resolution", "chart-revenue"]) await expect(page.getByTestId(chart)).toBeVisible();
  } finally {
    await trpcMutation(request, "settings.updateQuietHours", quietHours);
  }
});

test("the compose page explains what is missing next to each field", async ({ page }) => {
  await page.goto("/campaigns/new");
  await page.getByTestId("campaign-body").fill("Hi {{ firstname }}");
  await page.getByTestId("campaign-link").fill("juniper.example/sale");
  await page.getByTestId("campaign-review").click();
  await expect(page.getByTestId("campaign-form-summary")).toContainText("Fix the 4 fields marked below");
  await expect(page.getByText("Name the campaign")).toBeVisible();
  await expect(page.getByText("there is no “firstname”")).toBeVisible();
  await expect(page.getByText("isn’t a web address")).toBeVisible();
  await expect(page.getByText("Choose at least one segment to send to.")).toBeVisible();
  await expect(page.getByTestId("campaign-name")).toBeFocused();
  await expect(page.getByTestId("campaign-dirty")).toHaveText("Not saved yet");
});
