/**
 * The conversation lifecycle as people see it (server/conversations/lifecycle.ts): a resolved
 * conversation is over and the next question starts a new one with the agent; a text after a
 * closeout message, and a text an inbox keyword sends to people, wait for a person in the inbox
 * (marker, reason, sidebar badge) until a teammate replies; quick texts get one answer.
 *
 * Each test texts from its own new, subscribed number, so no test sees another's conversations.
 * The server waits AGENT_REPLY_PAUSE_MS (3 s by default) after a text before the agent answers.
 */
import crypto from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { trpcMutation, trpcQuery } from "./trpc-request";
import { repliesTo, INBOX_MODE, CLOSEOUT_MODE, setHandoffMode } from "./shopper-helpers";

type Shopper = { phone: string; digits: string };

/** A new subscribed shopper (a one-row profile import), texting from a number nobody else uses. */
async function newShopper(request: APIRequestContext): Promise<Shopper> {
  // +1 555 7xx xxxx: valid NANP, and outside the seeded demo shoppers (+1 555 555 01xx).
  const phone = `+15557${crypto.randomInt(0, 1_000_000).toString().padStart(6, "0")}`;
  const started = await trpcMutation<{ id: string }>(request, "profiles.import", { csv: `phone,first_name,last_name,sms_consent\n${phone},Lee,Lifecycle,subscribed\n` });
  // Imports run on the queue: wait for this one to end.
  await expect.poll(async () => (await trpcQuery<{ status: string; created: number }>(request, "profiles.importStatus", { id: started.id })).created, { timeout: 15_000 }).toBe(1);
  return { phone, digits: phone.slice(2) };
}

/** The shopper texts the brand: the Simulator's own request, which takes the Twilio webhook's path. */
async function shopperTexts(request: APIRequestContext, shopper: Shopper, body: string) {
  await trpcMutation(request, "simulator.send", { from: shopper.phone, body });
}

type Thread = { messages: { direction: string; body: string; disposition: string | null; createdAt: string }[] };

/** The disposition of the shopper's text, once the pipeline has decided it (the next text must not join this one's turn). */
async function dispositionOf(request: APIRequestContext, shopper: Shopper, body: string): Promise<string | null> {
  const thread = await trpcQuery<Thread>(request, "simulator.thread", { phone: shopper.phone });
  return thread.messages.find((m) => m.direction === "inbound" && m.body === body)?.disposition ?? null;
}

/** The sidebar's count of conversations waiting for a person (no badge when none wait). */
async function expectSidebarBadge(page: Page, waiting: number) {
  const badge = page.getByTestId("escalations-badge");
  if (waiting === 0) await expect(badge).toHaveCount(0, { timeout: 15_000 });
  else await expect(badge).toHaveText(`${waiting} awaiting a person`, { timeout: 15_000 });
}



const INBOX_KEYWORDS = "Keywords that send a text to the inbox (optional)";

/** Sets Settings → Who can chat's inbox keywords; returns what they were, so the test can put them back. */
async function setInboxKeywords(page: Page, keywords: string): Promise<string> {
  await page.goto("/settings");
  const form = page.getByTestId("eligibility-form");
  const field = form.getByLabel(INBOX_KEYWORDS);
  const previous = await field.inputValue();
  if (previous !== keywords) {
    await field.fill(keywords);
    await form.getByRole("button", { name: "Save who can chat" }).click();
    await expect(page.getByText("Who can chat saved")).toBeVisible();
  }
  return previous;
}

/** The inbox, showing only conversations waiting for a person (the toggle, as a person clicks it), narrowed to one shopper. */
async function openWaitingInbox(page: Page, shopper: Shopper) {
  await page.goto("/conversations");
  await page.getByTestId("waiting-filter").click();
  await expect(page.getByTestId("waiting-filter")).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/[?&]waiting=1/);
  await page.getByTestId("conversations-search").fill(shopper.digits);
}

/** A teammate answers from the conversation page; the waiting line goes away and the reply reaches the phone. */
async function teammateReplies(page: Page, shopper: Shopper, reply: string) {
  await page.getByTestId("reply-input").fill(reply);
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Reply sent")).toBeVisible();
  await expect(page.getByTestId("brand-message").filter({ hasText: reply })).toHaveAttribute("data-author", "human");
  await expect(page.getByTestId("waiting-banner")).toHaveCount(0);
  await expect.poll(() => repliesTo(shopper.phone), { timeout: 15_000 }).toContain(reply);
}

test("after the agent resolves a conversation, the shopper's next question starts a new one that the agent answers", async ({ page, request }) => {
  test.setTimeout(90_000);
  const shopper = await newShopper(request);
  await page.goto(`/simulator?phone=${encodeURIComponent(shopper.phone)}`);
  const composer = page.getByLabel("Message");
  const brandTexts = page.getByTestId("brand-message");
  const state = page.getByTestId("conversation-state");

  // 1. A question: the agent answers in a conversation it is automating.
  await composer.fill("do you have rain jackets?");
  await composer.press("Enter");
  await expect(brandTexts).toHaveCount(1, { timeout: 20_000 });
  await expect(page.getByTestId("disposition")).toHaveText("agent_replied");
  await expect(state.getByTestId("conversation-status")).toHaveText("Automating");
  await expect(state.getByTestId("conversation-waiting")).toHaveText("No");
  await expect(state.getByTestId("conversation-assignee")).toHaveText("Nobody");
  const first = await state.getByTestId("conversation-link").getAttribute("href");

  // 2. Thanks: the agent resolves it.
  await composer.fill("thanks");
  await composer.press("Enter");
  await expect(brandTexts).toHaveCount(2, { timeout: 20_000 });
  await expect(state.getByTestId("conversation-status")).toHaveText("Resolved");
  await expect(state.getByTestId("conversation-waiting")).toHaveText("No");
  await expect(state.getByTestId("conversation-link")).toHaveAttribute("href", first!);

  // 3. A new question: a new conversation, and the agent answers it (nobody is left waiting).
  await composer.fill("do you have gloves?");
  await composer.press("Enter");
  await expect(brandTexts).toHaveCount(3, { timeout: 20_000 });
  await expect(brandTexts.last()).toHaveAttribute("data-author", "agent");
  await expect(page.getByTestId("disposition")).toHaveText("agent_replied");
  await expect(state.getByTestId("conversation-status")).toHaveText("Automating");
  await expect(state.getByTestId("conversation-link")).not.toHaveAttribute("href", first!);

  // 4. The inbox shows both: the resolved one and the new one, neither waiting for a person.
  await page.goto("/conversations");
  await page.getByTestId("conversations-search").fill(shopper.digits);
  const rows = page.getByTestId("conversation-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Automating" })).toContainText("gloves");
  await expect(rows.filter({ hasText: "Resolved" })).toContainText("thanks");
  await expect(page.getByTestId("waiting-marker")).toHaveCount(0);
});

test("in closeout mode, a shopper's text after the closeout waits for a person until a teammate replies", async ({ page, request }) => {
  test.setTimeout(120_000);
  const shopper = await newShopper(request);
  const previousMode = await setHandoffMode(page, CLOSEOUT_MODE);
  try {
    // 1. The shopper asks for a person: the closeout message answers, and nobody is waiting yet.
    await shopperTexts(request, shopper, "can I talk to a human?");
    await expect.poll(() => dispositionOf(request, shopper, "can I talk to a human?"), { timeout: 20_000 }).toBe("closed_out");
    await expect.poll(() => repliesTo(shopper.phone), { timeout: 15_000 }).toHaveLength(1);
    const waitingBefore = await trpcQuery<number>(request, "conversations.awaitingCount");

    // 2. Their next text waits for a person: in the waiting view, marked, with why, and counted in the sidebar.
    await shopperTexts(request, shopper, "my tent pole snapped on day one, what now?");
    await openWaitingInbox(page, shopper);
    const row = page.getByTestId("conversation-row").filter({ hasText: "tent pole snapped" });
    await expect(row).toHaveCount(1, { timeout: 20_000 });
    await expect(row.getByTestId("waiting-marker")).toContainText("Waiting for a person · since");
    await expect(row.getByTestId("conversation-reason")).toHaveText("Closeout message sent: the shopper asked for a person");
    await expect(row.getByTestId("conversation-owner")).toContainText("Nobody yet");
    await expectSidebarBadge(page, waitingBefore + 1);

    // 3. A teammate opens it and replies: it no longer waits, and the badge goes back down.
    await row.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/conversations\/[a-z0-9]+$/);
    await expect(page.getByTestId("waiting-banner")).toContainText("Waiting for a person since");
    await teammateReplies(page, shopper, "So sorry! Dana here, a new pole is on its way today.");
    await expect(page.getByTestId("conversation-owner")).toHaveText("Owned by you");
    await expectSidebarBadge(page, waitingBefore);
    await openWaitingInbox(page, shopper);
    await expect(page.getByText("No waiting conversations match these filters")).toBeVisible();
  } finally {
    if (previousMode !== CLOSEOUT_MODE) await setHandoffMode(page, previousMode);
  }
});

test("a text with an inbox keyword waits for a person with the rule shown, and a teammate answers it", async ({ page, request }) => {
  test.setTimeout(90_000);
  const shopper = await newShopper(request);
  const previousKeywords = await setInboxKeywords(page, "wholesale");
  try {
    // 1. The keyword sends the text to people: the agent stays silent.
    const body = "do you offer wholesale pricing for our shop?";
    await shopperTexts(request, shopper, body);
    await openWaitingInbox(page, shopper);
    const row = page.getByTestId("conversation-row").filter({ hasText: "wholesale pricing" });
    await expect(row).toHaveCount(1, { timeout: 20_000 });
    await expect(row.getByTestId("waiting-marker")).toContainText("Waiting for a person · since");
    await expect(row.getByTestId("conversation-reason")).toHaveText("Sent to the inbox: the text has an inbox keyword");
    await expect(row).toContainText("Escalated");
    expect(await repliesTo(shopper.phone)).toEqual([]);

    // 2. The conversation says why it is waiting, and a teammate's reply answers it.
    await row.getByRole("link").first().click();
    await expect(page.getByTestId("waiting-banner")).toContainText("Waiting for a person since");
    await expect(page.getByTestId("escalation-reason")).toHaveText("Sent to the inbox: the text has an inbox keyword");
    await expect(page.getByTestId("disposition")).toHaveText("ineligible:inbox_keyword");
    await teammateReplies(page, shopper, "Hi! Dana here. Yes, we do: what's your shop called?");
    await openWaitingInbox(page, shopper);
    await expect(page.getByText("No waiting conversations match these filters")).toBeVisible();
  } finally {
    await setInboxKeywords(page, previousKeywords);
  }
});

test("five quick questions get one combined reply", async ({ page, request }) => {
  test.setTimeout(90_000);
  const shopper = await newShopper(request);
  const questions = ["do you have rain jackets?", "what are your store hours?", "do you ship to canada?", "how do returns work?", "any gift cards?"];

  // 1. Five different questions, a second apart (well inside the server's reply pause).
  for (const [i, question] of questions.entries()) {
    if (i > 0) await page.waitForTimeout(1_000);
    await shopperTexts(request, shopper, question);
  }

  // 2. On the phone: five texts, and once the last is answered, exactly one reply.
  await page.goto(`/simulator?phone=${encodeURIComponent(shopper.phone)}`);
  await expect(page.getByTestId("shopper-message")).toHaveCount(5);
  await expect(page.getByTestId("disposition")).toHaveText("agent_replied", { timeout: 30_000 });
  await expect(page.getByTestId("brand-message")).toHaveCount(1);

  // The test sent the texts quickly enough for this to be one turn (a slow machine would say so here, not as a wrong count).
  const thread = await trpcQuery<Thread>(request, "simulator.thread", { phone: shopper.phone });
  const stored = thread.messages.filter((m) => m.direction === "inbound").map((m) => new Date(m.createdAt).getTime());
  const widestGap = Math.max(...stored.slice(1).map((t, i) => t - stored[i]!));
  expect(widestGap, "the texts reached the server further apart than the 3 s reply pause").toBeLessThan(3_000);

  // 3. In the conversation: the first four were answered together with the last, and one reply went out.
  await page.getByTestId("conversation-link").click();
  await expect(page).toHaveURL(/\/conversations\/[a-z0-9]+$/);
  await expect(page.getByTestId("shopper-message")).toHaveCount(5);
  const dispositions = page.getByTestId("disposition");
  await expect(dispositions).toHaveText(["combined", "combined", "combined", "combined", "agent_replied"]);
  await expect(page.getByTestId("brand-message")).toHaveCount(1);
  await expect(page.getByTestId("brand-message")).toHaveAttribute("data-author", "agent");
  await expect.poll(() => repliesTo(shopper.phone), { timeout: 15_000 }).toHaveLength(1);
});
