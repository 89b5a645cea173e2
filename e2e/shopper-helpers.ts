/** What several specs need around a shopper's texts: the brand's replies as Twilio got them, and the handoff setting. */
import { expect, type Page } from "@playwright/test";
import { TWILIO_URL } from "./e2e-env";

/** The bodies of the texts the Twilio stand-in received for this number, oldest first. */
export async function repliesTo(phone: string): Promise<string[]> {
  const all = (await (await fetch(`${TWILIO_URL}/__requests`)).json()) as { path: string; form: Record<string, string> }[];
  return all.filter((r) => r.path.endsWith("/Messages.json") && r.form.To === phone).map((r) => r.form.Body!);
}

export const INBOX_MODE = "Send to the Conversations inbox (a teammate replies)";
export const CLOSEOUT_MODE = "Send a closeout message";

/** Sets how the agent hands off; returns the mode it had, so the test can put it back. */
export async function setHandoffMode(page: Page, label: string): Promise<string> {
  await page.goto("/settings");
  const wanted = page.getByLabel(label, { exact: true });
  const previous = (await page.getByLabel(CLOSEOUT_MODE, { exact: true }).isChecked()) ? CLOSEOUT_MODE : INBOX_MODE;
  if (!(await wanted.isChecked())) {
    await wanted.check();
    await page.getByRole("button", { name: "Save agent settings" }).click();
    await expect(page.getByText("Agent settings saved")).toBeVisible();
  }
  return previous;
}
