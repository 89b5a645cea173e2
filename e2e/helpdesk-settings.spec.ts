import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";

// The demo brand's helpdesk is set back to "Built-in inbox only" at the end, so later specs see
// handoffs stay in the inbox as before. The test handoff leaves a "Test" row in the delivery log.

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A webhook receiver on a free loopback port, started by this spec. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: "E2E-TICKET-1" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/parley/handoffs`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test("Helpdesk: a generic webhook gets a signed test handoff, and the delivery log shows it", async ({ page }) => {
  const receiver = await startReceiver();
  try {
    await page.goto("/settings");
    const helpdesk = page.getByRole("region", { name: "Helpdesk", exact: true });
    await expect(helpdesk.getByLabel("Send handoffs to")).toHaveValue("none");

    // A URL Parley can't call is refused next to its field.
    await helpdesk.getByLabel("Send handoffs to").selectOption("webhook");
    await helpdesk.getByLabel("Webhook URL").fill("ftp://example.com/hook");
    await helpdesk.getByRole("button", { name: "Save helpdesk" }).click();
    await expect(helpdesk.getByTestId("helpdesk-url").getByRole("alert")).toContainText("isn’t an address Parley can call");
    await expect(helpdesk.getByLabel("Webhook URL")).toBeFocused();

    await helpdesk.getByLabel("Webhook URL").fill(receiver.url);
    await helpdesk.getByRole("button", { name: "Save helpdesk" }).click();
    await expect(page.getByText("Helpdesk settings saved")).toBeVisible();

    // The signing secret, shown on request, signs what the receiver gets.
    const signing = helpdesk.getByTestId("helpdesk-signing-secret");
    await signing.getByRole("button", { name: "Show secret" }).click();
    const secret = await signing.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(secret).toMatch(/^whsec_/);

    await helpdesk.getByRole("button", { name: "Send a test handoff" }).click();
    const result = helpdesk.getByTestId("helpdesk-test-result");
    await expect(result).toHaveAttribute("data-outcome", "succeeded");
    await expect(result).toContainText("Delivered to Generic webhook (HTTP 201); it created E2E-TICKET-1.");

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    const payload = JSON.parse(request!.body) as { event: string; brand: { name: string }; transcript: unknown[]; summary: string; sentiment: string };
    expect(payload).toMatchObject({ event: "handoff.test", brand: { name: "Juniper Outdoor" }, sentiment: "neutral" });
    expect(payload.transcript.length).toBeGreaterThan(0);
    const match = String(request!.headers["x-parley-signature"]).match(/^t=(\d+),v1=([0-9a-f]{64})$/);
    expect(match).not.toBeNull();
    const expected = crypto.createHmac("sha256", secret).update(`${match![1]}.${request!.body}`).digest("hex");
    expect(match![2]).toBe(expected);
    expect(Math.abs(Date.now() / 1000 - Number(match![1]))).toBeLessThan(300);

    // The delivery log shows the test, with the helpdesk's answer.
    const log = page.getByRole("table", { name: "Helpdesk delivery log" });
    const row = log.getByTestId("helpdesk-delivery").first();
    await expect(row).toHaveAttribute("data-outcome", "test");
    await expect(row).toContainText("Generic webhook");
    await expect(row).toContainText("201");
    await expect(row).toContainText("Created E2E-TICKET-1");

    // The history names the change.
    await expect(page.getByRole("table", { name: "Settings history" })).toContainText("Helpdesk");
  } finally {
    // Restore: handoffs stay in the built-in inbox only.
    await page.goto("/settings");
    const helpdesk = page.getByRole("region", { name: "Helpdesk", exact: true });
    await helpdesk.getByLabel("Send handoffs to").selectOption("none");
    await helpdesk.getByRole("button", { name: "Save helpdesk" }).click();
    await expect(helpdesk.getByText("No unsaved changes.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("region", { name: "Helpdesk", exact: true }).getByLabel("Send handoffs to")).toHaveValue("none");
    await receiver.close();
  }
});
