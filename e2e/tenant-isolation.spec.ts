/**
 * Detail pages opened with ids that are not the signed-in brand's show a not-found state and no
 * data, and the API behind them answers 404.
 *
 * Why ids of no brand rather than another brand's: the e2e app runs on an embedded database inside
 * its own process, seeded with the demo brand only, and Parley has no sign-up route, so a spec can
 * create a second brand only through a test-only route, which we do not ship. Every lookup behind
 * these pages is `where: { id, brandId }`, so another brand's id and an id of no brand take the same
 * path; server/hardening/tenant-isolation.integration.test.ts calls every procedure these pages use
 * with a real second brand's ids and checks the answer and that brand's rows. Here each page is also
 * opened with one of the demo brand's own ids first, so the not-found state is shown to depend on
 * the id, not on a broken page.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { trpcMutation, trpcQuery } from "./trpc-request";

// Seeded shopper 45: subscribed (so the agent opens a conversation), and no other spec texts from it.
const SHOPPER = "+15555550145";
// cuid-shaped, like every Parley id, and owned by nobody.
const FOREIGN_ID = "cm0therbrand0000000000001";

/** Opens the page and waits for its tRPC call for `procedure`; returns that call's HTTP status. */
async function openAndWatch(page: Page, url: string, procedure: string): Promise<number> {
  const response = page.waitForResponse((res) => res.url().includes("/api/trpc/") && res.url().includes(procedure));
  await page.goto(url);
  return (await response).status();
}

type OwnIds = { conversationId: string; profileId: string; profileName: string; segmentId: string; segmentName: string; campaignId: string; campaignName: string; workflowId: string; workflowName: string };
let own: OwnIds;

test.beforeAll(async ({ request }) => {
  // A conversation of the demo brand's own, through the simulator.
  await trpcMutation(request, "simulator.send", { from: SHOPPER, body: "where is my order #1001" });
  let conversationId: string | undefined;
  await expect
    .poll(async () => {
      const list = await trpcQuery<{ items: { id: string; profile: { phone: string } }[] }>(request, "conversations.list", { search: SHOPPER.slice(-4), limit: 25 });
      conversationId = list.items.find((c) => c.profile.phone === SHOPPER)?.id;
      return conversationId;
    }, { timeout: 20_000 })
    .toBeTruthy();
  const profiles = await trpcQuery<{ items: { id: string; firstName: string | null; lastName: string | null }[] }>(request, "profiles.list", { search: "ivy okafor" });
  const segments = await trpcQuery<{ id: string; name: string }[]>(request, "segments.list");
  const segment = segments.find((s) => s.name === "VIP shoppers") ?? segments[0]!;
  const campaignName = `Isolation check ${Date.now()}`;
  const campaign = await trpcMutation<{ id: string }>(request, "campaigns.create", { name: campaignName, body: "Our spring sale starts now", segmentIds: [segment.id] });
  // The seeded example, not whichever workflow sorts first: a spec running beside this one creates and deletes its own.
  const workflows = await trpcQuery<{ id: string; name: string }[]>(request, "workflows.list");
  const workflow = workflows.find((w) => w.name === "Team and group orders (example)") ?? workflows[0]!;
  own = {
    conversationId: conversationId!,
    profileId: profiles.items[0]!.id,
    profileName: "Ivy Okafor",
    segmentId: segment.id,
    segmentName: segment.name,
    campaignId: campaign.id,
    campaignName,
    workflowId: workflow.id,
    workflowName: workflow.name,
  };
});

test.afterAll(async ({ request }) => {
  if (own?.campaignId) await trpcMutation(request, "campaigns.delete", { id: own.campaignId });
});

const pages = [
  { name: "conversation", path: "conversations", procedure: "conversations.get", notFound: "This conversation does not exist", ownText: (o: OwnIds) => SHOPPER.slice(-4), ownId: (o: OwnIds) => o.conversationId },
  { name: "profile", path: "profiles", procedure: "profiles.get", notFound: "This profile does not exist", ownText: (o: OwnIds) => o.profileName, ownId: (o: OwnIds) => o.profileId },
  { name: "segment", path: "segments", procedure: "segments.get", notFound: "This segment doesn’t exist", ownText: (o: OwnIds) => o.segmentName, ownId: (o: OwnIds) => o.segmentId },
  { name: "campaign", path: "campaigns", procedure: "campaigns.get", notFound: "This campaign doesn’t exist", ownText: (o: OwnIds) => o.campaignName, ownId: (o: OwnIds) => o.campaignId },
  { name: "SMS workflow", path: "sms-workflows", procedure: "workflows.get", notFound: "This workflow does not exist", ownText: (o: OwnIds) => o.workflowName, ownId: (o: OwnIds) => o.workflowId },
];

for (const p of pages) {
  test(`a ${p.name} page with an id that is not the brand's shows not-found and nothing else`, async ({ page, request }) => {
    // Control: the brand's own record opens with its data.
    expect(await openAndWatch(page, `/${p.path}/${p.ownId(own)}`, p.procedure)).toBe(200);
    await expect(page.getByRole("main")).toContainText(p.ownText(own));
    await expect(page.getByText(p.notFound)).toHaveCount(0);

    expect(await openAndWatch(page, `/${p.path}/${FOREIGN_ID}`, p.procedure)).toBe(404);
    await expect(page.getByText(p.notFound)).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText(p.ownText(own));
    // No editing or sending controls for a record that is not there.
    await expect(page.getByRole("button", { name: /^(Save|Send|Reply|Delete|Schedule)/ })).toHaveCount(0);

    // The API behind the page says the same, with a message and no record.
    const res = await request.get(`/api/trpc/${p.procedure}?input=${encodeURIComponent(JSON.stringify({ json: { id: FOREIGN_ID } }))}`);
    expect(res.status()).toBe(404);
    const body = (await res.json()) as { error: { json: { message: string; data: { code: string } } }; result?: unknown };
    expect(body.error.json.data.code).toBe("NOT_FOUND");
    expect(body.error.json.message).toMatch(/does(n[’']t| not) exist/);
    expect(body.result).toBeUndefined();
  });
}

test("a workflow collection that is not the brand's shows no records", async ({ page }) => {
  await page.goto(`/sms-workflows/collections/${encodeURIComponent("another-brands-leads")}`);
  await expect(page.getByText("No records in this collection")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("malformed calls to the API behind the pages are refused with a 4xx, never a 5xx", async ({ request }) => {
  const bad: { label: string; send: () => Promise<{ status: () => number; text: () => Promise<string> }> }[] = [
    { label: "broken percent-encoding", send: () => request.get("/api/trpc/profiles.get?input=%E0%A4%A%zz") },
    { label: "input that is not JSON", send: () => request.get(`/api/trpc/profiles.get?input=${encodeURIComponent("{not json")}`) },
    { label: "an id with NUL", send: () => request.get(`/api/trpc/profiles.get?input=${encodeURIComponent(JSON.stringify({ json: { id: "a\u0000b" } }))}`) },
    { label: "an id past the length limit", send: () => request.get(`/api/trpc/conversations.get?input=${encodeURIComponent(JSON.stringify({ json: { id: "x".repeat(5000) } }))}`) },
    { label: "a procedure that does not exist", send: () => request.get("/api/trpc/brands.everything") },
    { label: "a query sent as a mutation", send: () => request.post("/api/trpc/profiles.get", { data: { json: { id: FOREIGN_ID } } }) },
    { label: "a body of random bytes", send: () => request.post("/api/trpc/segments.create", { headers: { "content-type": "application/json" }, data: Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]) }) },
    { label: "deeply nested JSON", send: () => request.get(`/api/trpc/segments.preview?input=${encodeURIComponent(`{"json":{"definition":${"[".repeat(3000)}${"]".repeat(3000)}}}`)}`) },
  ];
  for (const { label, send } of bad) {
    const res = await send();
    const status = res.status();
    expect(status, `${label}: ${await res.text()}`).toBeGreaterThanOrEqual(400);
    expect(status, `${label}: ${await res.text()}`).toBeLessThan(500);
  }
});
