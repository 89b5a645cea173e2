import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { createBrand, createMember, createShopper } from "../testing/fixtures";

let brandId: string;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  await startWorker();
  brandId = (await createBrand(getDb(), { name: "Wren" })).id;
  caller = createCaller(createApiContext(await createMember(getDb(), brandId)));
});

const valid = async () => ({ ...(await caller.settings.agent()) });

describe("agent settings", () => {
  it("refuses invalid settings with each field's message and saves nothing", async () => {
    const before = await caller.settings.agent();
    const input = {
      ...(await valid()),
      handoffMode: "closeout" as const,
      closeoutMessage: "Thanks for texting Wren! Our team is away right now and will get back to you first thing tomorrow morning with an answer to your question. ".repeat(2),
      styleRules: [{ title: "x".repeat(101), description: "ok" }],
    };
    await expect(caller.settings.updateAgent(input)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        fields: {
          closeoutMessage: expect.stringMatching(/must fit one SMS \(160 characters\); it is \d+\./),
          "styleRules.0.title": expect.stringContaining("at most 100 characters"),
        },
      },
    });
    await expect(caller.settings.updateAgent({ ...(await valid()), handoffMode: "closeout", closeoutMessage: "  " })).rejects.toMatchObject({
      cause: { fields: { closeoutMessage: "Closeout mode needs a closeout message." } },
    });
    await expect(caller.settings.updateAgent({ ...(await valid()), styleRules: Array.from({ length: 21 }, (_, i) => ({ title: `Rule ${i}`, description: "" })) })).rejects.toMatchObject({
      cause: { fields: { styleRules: "At most 20 communication-style rules; there are 21." } },
    });
    expect(await caller.settings.agent()).toEqual(before);
    expect(await caller.settings.history()).toEqual([]);
  });

  it("saves valid settings, records who changed what, and the pipeline follows them at once", async () => {
    await caller.settings.updateAgent({ ...(await valid()), handoffMode: "closeout", closeoutMessage: "We're away; a teammate will text you tomorrow." });
    const [change] = await caller.settings.history();
    expect(change).toMatchObject({ area: "agent", userName: "Test User", before: { handoffMode: "inbox" }, after: { handoffMode: "closeout", closeoutMessage: "We're away; a teammate will text you tomorrow." } });
    const shopper = await createShopper(getDb(), brandId);
    const r = await simulateText(getDb(), { brandId, from: shopper.phone, body: "talk to a human" });
    expect(r.disposition).toBe("closed_out");
    expect(r.replies[0]!.body).toBe("We're away; a teammate will text you tomorrow.");

    await caller.settings.updateAgent({ ...(await valid()), enabled: false });
    const off = await simulateText(getDb(), { brandId, from: shopper.phone, body: "where is my order" });
    expect(off.disposition).toBe("ineligible:agent_off");
  });

  it("records compliance and keyword changes in the same history", async () => {
    await caller.settings.createKeyword({ keyword: "VIP", reply: "You're in!", action: "none", isActive: true });
    await caller.settings.updateCompliance({ helpReply: "Wren help: reply with a question. Reply STOP to opt out.", optOutReply: "", optInReply: "" });
    const areas = (await caller.settings.history()).map((c) => c.area);
    expect(areas.slice(0, 2)).toEqual(["compliance", "keywords"]);
  });
});
