import { expect, test } from "@playwright/test";
import { APP_URL } from "./e2e-env";

// Keeps to a person of its own (an email with a timestamp, invited as Member): nothing the demo
// owner or another spec relies on changes.

test("Members: the owner invites by email, copies the one-time link; the invitee sets a password there and signs in as a member", async ({ page, context, browser }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: APP_URL });
  const email = `new-member-${Date.now()}@example.com`;
  const password = "a long and memorable password";

  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(/\/settings\/members$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  const members = page.getByRole("table", { name: "Members" });
  await expect(members.getByRole("row", { name: /demo@parley\.dev/ })).toContainText("You");

  // Invite, from the keyboard: Enter submits.
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Role").selectOption("member");
  await expect(page.getByTestId("invite-role-help")).toContainText("The inbox and conversations");
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Email").press("Enter");

  // The link, shown once, with a Copy button.
  const shown = page.getByTestId("invitation-link");
  await expect(shown).toContainText(`Send this link to ${email}`);
  const link = await shown.getByRole("textbox", { name: "Invitation link" }).inputValue();
  expect(link).toMatch(new RegExp(`^${APP_URL}/invite/[\\w-]{43}$`));
  await shown.getByRole("button", { name: "Copy the invitation link" }).click();
  await expect(shown.getByRole("button", { name: "Copy the invitation link" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const pending = page.getByRole("table", { name: "Pending invitations" });
  await expect(pending.getByRole("row", { name: new RegExp(email) })).toContainText("Member");

  // The invitee, in a browser of their own (no session).
  const invitee = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const theirs = await invitee.newPage();
  await theirs.goto(link);
  await expect(theirs.getByRole("heading", { level: 1 })).toHaveText("Join Juniper Outdoor on Parley");
  await expect(theirs.getByLabel("Email")).toHaveValue(email);
  await theirs.getByLabel("Your name").fill("Robin Invitee");
  await theirs.getByLabel("Password", { exact: true }).fill("too short");
  await theirs.getByLabel("Confirm password").fill("too short");
  await theirs.getByRole("button", { name: "Join Juniper Outdoor" }).click();
  await expect(theirs.getByText("Use at least 10 characters; this password has 9.")).toBeVisible();
  await theirs.getByLabel("Password", { exact: true }).fill(password);
  await theirs.getByLabel("Confirm password").fill(password);
  await theirs.getByRole("button", { name: "Join Juniper Outdoor" }).click();
  await expect(theirs.getByTestId("invitation-accepted")).toContainText("You’ve joined Juniper Outdoor as Member.");

  await theirs.getByRole("link", { name: "Sign in" }).click();
  await expect(theirs).toHaveURL(/\/sign-in/);
  await theirs.getByLabel("Email").fill(email);
  await theirs.getByLabel("Password").fill(password);
  await theirs.getByRole("button", { name: "Sign in" }).click();
  await expect(theirs).toHaveURL(/\/simulator/);
  await expect(theirs.getByTestId("signed-in-user")).toHaveText("Robin Invitee");

  // A member sees the team, read-only.
  await theirs.goto("/settings/members");
  await expect(theirs.getByTestId("members-read-only")).toContainText("Only an owner can manage members.");
  await expect(theirs.getByRole("form", { name: "Invite someone" })).toHaveCount(0);
  await expect(theirs.getByRole("table", { name: "Members" }).getByRole("row", { name: new RegExp(email) })).toContainText("Member");
  await expect(theirs.getByRole("button", { name: "Remove" })).toHaveCount(0);

  // The link worked once.
  await theirs.goto(link);
  await expect(theirs.getByTestId("invitation-closed")).toContainText("This invitation has already been used.");
  await invitee.close();

  // The owner sees the new member, and the invitation is no longer pending.
  await page.reload();
  const row = page.getByRole("table", { name: "Members" }).getByRole("row", { name: new RegExp(email) });
  await expect(row).toContainText("Robin Invitee");
  await expect(page.getByRole("table", { name: "Pending invitations" }).getByRole("row", { name: new RegExp(email) })).toHaveCount(0);

  // Removing asks first (Escape keeps them), then takes them off the list.
  await row.getByRole("button", { name: "Remove" }).click();
  const confirm = page.getByTestId("remove-member-dialog");
  await expect(confirm).toContainText(`Robin Invitee (${email}) loses access to Juniper Outdoor at once.`);
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: "Remove" }).click();
  await confirm.getByRole("button", { name: "Remove member" }).click();
  await expect(row).toHaveCount(0);
});
