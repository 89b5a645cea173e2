/**
 * Issue 6's promise end to end: a shopper asks for a person in the Simulator; the escalation shows
 * up in Conversations without a reload, with the handoff note (summary, sentiment); a teammate takes
 * it and replies from the inbox, and the reply reaches the shopper's phone through Twilio; the agent
 * stays silent (disposition human) until the teammate closes the conversation; then the agent
 * answers the shopper's next text.
 */
import { expect, test, type Page } from "@playwright/test";
import { repliesTo, INBOX_MODE, CLOSEOUT_MODE, setHandoffMode } from "./shopper-helpers";

// A seeded, subscribed demo shopper no other spec texts.
const SHOPPER = "+15555550121";
const SHOPPER_DIGITS = "5550121";



async function textFromPhone(simulator: Page, body: string) {
  const composer = simulator.getByLabel("Message");
  await composer.fill(body);
  await composer.press("Enter");
  await expect(simulator.getByTestId("shopper-message").filter({ hasText: body })).toBeVisible();
}

test("a teammate takes an escalation from the inbox, replies by SMS, and closes it; then the agent answers again", async ({ page, context }) => {
  test.setTimeout(120_000);
  // Another spec switches the demo brand to closeout mode: hand off to the inbox here, and put it back after.
  const previousMode = await setHandoffMode(page, INBOX_MODE);

  try {
    // 1. The inbox is open, filtered to this shopper, before anything happens.
    await page.goto("/conversations");
    await page.getByTestId("conversations-search").fill(SHOPPER_DIGITS);
    // No other spec texts this shopper: nothing matches yet.
    await expect(page.getByText("No conversations match these filters")).toBeVisible();
    const rows = page.getByTestId("conversation-row");

    // 2. The shopper asks for a person in the Simulator (a second tab).
    const simulator = await context.newPage();
    await simulator.goto("/simulator");
    await simulator.getByLabel("Shopper").selectOption({ value: SHOPPER });
    await textFromPhone(simulator, "can I talk to a human?");
    await expect(simulator.getByTestId("disposition").first()).toContainText("escalated");
    const brandTextsBeforeReply = await simulator.getByTestId("brand-message").count();

    // 3. The escalation shows up in the inbox without a reload, and the sidebar counts it.
    const escalated = rows.filter({ hasText: "Escalated" }).filter({ hasText: "can I talk to a human?" });
    await expect(escalated).toHaveCount(1, { timeout: 15_000 });
    await expect(rows).toHaveCount(1);
    await expect(escalated.getByTestId("unread-count")).toHaveText(/1/);
    await expect(page.getByTestId("escalations-badge")).toBeVisible();
    await escalated.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/conversations\/[a-z0-9]+$/);

    // 4. The handoff note: what the shopper wants, what was tried, and their sentiment.
    const note = page.getByTestId("handoff-note");
    await expect(note.getByTestId("handoff-summary")).toContainText("asked for a person");
    await expect(note.getByTestId("handoff-sentiment")).toHaveText(/positive|neutral|negative/i);
    await expect(page.getByTestId("conversation-owner")).toHaveText("Nobody owns this yet");

    // 5. Take it.
    await page.getByTestId("take-conversation").click();
    await expect(page.getByText("Conversation taken")).toBeVisible();
    await expect(page.getByTestId("conversation-owner")).toHaveText("Owned by you");

    // 6. A reply above one segment is warned about, not refused; a short one is sent with Ctrl+Enter.
    const replyBox = page.getByTestId("reply-input");
    await replyBox.fill("Hi! This is Dana from Juniper Outdoor. ".repeat(5));
    await expect(page.getByTestId("reply-segment-warning")).toContainText("2 segments");
    const reply = "Hi! Dana from Juniper Outdoor here. How can I help?";
    await replyBox.fill(reply);
    await expect(page.getByTestId("reply-segment-warning")).toHaveCount(0);
    await replyBox.press("Control+Enter");
    await expect(page.getByText("Reply sent")).toBeVisible();
    const sent = page.getByTestId("brand-message").filter({ hasText: reply });
    await expect(sent).toHaveAttribute("data-author", "human");
    await expect(sent).toContainText("Teammate · Dana Demo");

    // 7. An internal note stays in the inbox.
    await page.getByRole("tab", { name: "Internal note" }).click();
    await page.getByTestId("note-input").fill("Shopper prefers texts in the evening.");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByTestId("internal-note")).toContainText("Shopper prefers texts in the evening.");

    // 8. The shopper's phone receives the reply (through Twilio), and nothing of the note.
    await expect(simulator.getByTestId("brand-message").filter({ hasText: reply })).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => repliesTo(SHOPPER), { timeout: 15_000 }).toContain(reply);
    expect((await repliesTo(SHOPPER)).some((body) => body.includes("evening"))).toBe(false);

    // 9. While the teammate owns it, the agent stays silent.
    await textFromPhone(simulator, "my jacket zipper broke, can you help?");
    await expect(simulator.getByTestId("disposition").first()).toContainText("human");
    await expect(simulator.getByTestId("brand-message")).toHaveCount(brandTextsBeforeReply + 1);
    await expect(page.getByTestId("shopper-message").filter({ hasText: "zipper broke" })).toBeVisible({ timeout: 15_000 });

    // 10. The teammate closes it.
    await page.getByTestId("close-conversation").click();
    const dialog = page.getByTestId("close-dialog");
    await expect(dialog).toContainText("Their next text starts a new conversation");
    await dialog.getByRole("button", { name: "Close conversation" }).click();
    await expect(page.getByText("Conversation closed", { exact: true })).toBeVisible();
    await expect(page.getByTestId("conversation-owner")).toHaveText("Closed by you");

    // 11. The shopper's next text starts a new conversation, and the agent answers.
    await textFromPhone(simulator, "do you have rain jackets?");
    await expect(simulator.getByTestId("disposition").first()).toContainText("agent_replied");
    await expect(simulator.getByTestId("brand-message")).toHaveCount(brandTextsBeforeReply + 2);
    await expect(simulator.getByTestId("brand-message").last()).toHaveAttribute("data-author", "agent");
    await simulator.close();
  } finally {
    if (previousMode !== INBOX_MODE) await setHandoffMode(page, previousMode);
  }
});
