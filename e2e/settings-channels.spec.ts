import { expect, test } from "@playwright/test";
import { APP_URL, DEMO_TWILIO, TWILIO_URL } from "./e2e-env";

// Nothing here changes the demo brand for later specs: the credentials save is refused, the test
// text goes to a number of its own, and the over-long starter is refused.

async function twilioSendsTo(phone: string) {
  const res = await fetch(`${TWILIO_URL}/__requests`);
  const all = (await res.json()) as { path: string; form: Record<string, string> }[];
  return all.filter((r) => r.path.endsWith("/Messages.json") && r.form.To === phone);
}

test("Channels: the webhook URLs copy, a bad Account SID is refused next to its field, and a test text is sent through Twilio", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: APP_URL });
  await page.goto("/settings");
  const channels = page.getByRole("region", { name: "Channels" });
  await expect(channels.getByTestId("channels-transport")).toContainText("Texts go through your Twilio account.");

  // The webhook URLs, each with a copy button.
  await expect(channels.getByRole("textbox", { name: "Incoming messages" })).toHaveValue(`${APP_URL}/api/twilio/inbound`);
  await expect(channels.getByRole("textbox", { name: "Delivery status" })).toHaveValue(`${APP_URL}/api/twilio/status`);
  await channels.getByRole("button", { name: "Copy the incoming messages URL" }).click();
  await expect(channels.getByRole("button", { name: "Copy the incoming messages URL" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${APP_URL}/api/twilio/inbound`);

  // The saved token is never shown, only its last four characters.
  const token = channels.getByLabel("Auth token");
  await expect(token).toHaveAttribute("type", "password");
  await expect(token).toHaveValue("");
  await expect(channels.getByTestId("channels-authToken")).toContainText(`Saved: ••••••••${DEMO_TWILIO.authToken.slice(-4)}. Leave blank to keep the saved token.`);

  // A bad Account SID: refused next to its field, focus on it, nothing saved.
  const sid = channels.getByLabel("Account SID");
  await expect(sid).toHaveValue(DEMO_TWILIO.accountSid);
  await sid.fill("AC123");
  await channels.getByRole("button", { name: "Save channel settings" }).click();
  await expect(channels.getByTestId("channels-accountSid").getByRole("alert")).toContainText("An Account SID is “AC” followed by 32 letters and digits");
  await expect(sid).toBeFocused();
  await expect(channels.getByTestId("channels-error")).toContainText("Nothing was saved.");
  await page.reload();
  await expect(page.getByRole("region", { name: "Channels" }).getByLabel("Account SID")).toHaveValue(DEMO_TWILIO.accountSid);

  // A test text, through the real outbound path and the Twilio SDK (the loopback server here).
  const test = page.getByTestId("channels-test-sms");
  await test.getByLabel("Phone to text").fill("+1 (555) 201-0042");
  await test.getByRole("button", { name: "Send test" }).click();
  await expect(test.getByTestId("test-sms-result")).toHaveAttribute("data-outcome", "sent");
  await expect(test.getByTestId("test-sms-result")).toContainText("Sent to +1 (555) 201-0042 through Twilio.");
  const [sent] = await twilioSendsTo("+15552010042");
  expect(sent!.form).toMatchObject({ From: "+15555550100", Body: "This is a test from Parley for Juniper Outdoor. Your texts are working; no need to reply." });

  // Never to a shopper who unsubscribed (demo shopper 7).
  await test.getByLabel("Phone to text").fill("+15555550107");
  await test.getByRole("button", { name: "Send test" }).click();
  await expect(test.getByRole("alert")).toContainText("unsubscribed from Juniper Outdoor’s texts, so Parley won’t text it");
  expect(await twilioSendsTo("+15555550107")).toHaveLength(0);
});

test("Marketing: a conversation starter longer than one SMS is refused with the field's message", async ({ page }) => {
  await page.goto("/settings");
  const marketing = page.getByRole("region", { name: "Marketing" });
  const starter = marketing.getByLabel("Conversation starter");
  await expect(starter).toHaveValue("Questions? Reply to chat with us.");
  await expect(marketing.getByTestId("marketing-preview")).toContainText("Questions? Reply to chat with us.");

  await starter.fill("Questions about sizing, fit, shipping, returns or anything else? Reply to this text and our friendly team will get right back to you within minutes, every single day.");
  await expect(marketing.getByTestId("marketing-conversationStarter").getByTestId("segment-counter")).toContainText("2 segments");
  await marketing.getByRole("button", { name: "Save conversation starter" }).click();
  await expect(marketing.getByTestId("marketing-conversationStarter").getByRole("alert")).toContainText(
    "The conversation starter must fit one SMS (160 characters); it is 166.",
  );
  await page.reload();
  await expect(page.getByRole("region", { name: "Marketing" }).getByLabel("Conversation starter")).toHaveValue("Questions? Reply to chat with us.");
});

test("Commerce: Shopify needs a .myshopify.com shop and its token; a refused save changes nothing", async ({ page }) => {
  await page.goto("/settings");
  const commerce = page.getByRole("region", { name: "Commerce" });
  await expect(commerce.getByRole("radio", { name: "Built-in store" })).toBeChecked();
  // Shopify's fields appear only when Shopify is chosen; the keyboard chooses it.
  await expect(commerce.getByLabel("Shop address")).toHaveCount(0);
  await commerce.getByRole("radio", { name: "Built-in store" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(commerce.getByRole("radio", { name: "Shopify" })).toBeChecked();
  await expect(commerce.getByRole("textbox", { name: "Order creation webhook" })).toHaveValue(/\/api\/shopify\/orders-create$/);

  await commerce.getByLabel("Shop address").fill("169.254.169.254");
  await commerce.getByRole("button", { name: "Save commerce settings" }).click();
  await expect(commerce.getByTestId("commerce-error")).toContainText("Nothing was saved.");
  await expect(commerce.getByText("isn’t a Shopify shop address")).toBeVisible();
  await expect(commerce.getByText("Enter the shop’s Admin API access token")).toBeVisible();
  await expect(commerce.getByLabel("Shop address")).toBeFocused();

  await page.reload();
  await expect(page.getByRole("region", { name: "Commerce" }).getByRole("radio", { name: "Built-in store" })).toBeChecked();
});
