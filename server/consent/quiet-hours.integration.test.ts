import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { createBrand, createMember } from "../testing/fixtures";

let brandId: string;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  brandId = (await createBrand(getDb(), { name: "Wren" })).id;
  caller = createCaller(createApiContext(await createMember(getDb(), brandId)));
});

describe("quiet hours settings", () => {
  it("start at 8am–9pm, on", async () => {
    expect(await caller.settings.quietHours()).toEqual({ enabled: true, start: 8, end: 21 });
  });

  it("refuse hours outside 0–23 or a start equal to the end, and save nothing", async () => {
    await expect(caller.settings.updateQuietHours({ enabled: true, start: 25, end: 21 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fields: { quietHoursStart: "Choose an hour from 0 (midnight) to 23 (11pm)." } },
    });
    await expect(caller.settings.updateQuietHours({ enabled: true, start: 9, end: 9 })).rejects.toMatchObject({
      cause: { fields: { quietHoursEnd: "Sending can’t start and stop at the same hour (9am); choose a different end." } },
    });
    expect(await getDb().complianceSettings.findUnique({ where: { brandId } })).toBeNull();
    expect(await caller.settings.history()).toEqual([]);
  });

  it("save valid hours, recorded as compliance, without touching the compliance texts", async () => {
    await caller.settings.updateCompliance({ helpReply: "Wren help: reply with a question. Reply STOP to opt out.", optOutReply: "", optInReply: "" });
    expect(await caller.settings.updateQuietHours({ enabled: true, start: 9, end: 20 })).toEqual({ enabled: true, start: 9, end: 20 });
    expect(await caller.settings.quietHours()).toEqual({ enabled: true, start: 9, end: 20 });
    expect((await caller.settings.compliance()).helpReply).toBe("Wren help: reply with a question. Reply STOP to opt out.");
    const [change] = await caller.settings.history();
    expect(change).toMatchObject({ area: "compliance", before: { quietHoursStart: 8, quietHoursEnd: 21 }, after: { quietHoursStart: 9, quietHoursEnd: 20 } });
    expect(change!.after).not.toHaveProperty("quietHoursEnabled");

    await caller.settings.updateQuietHours({ enabled: false, start: 9, end: 20 });
    expect((await caller.settings.history())[0]).toMatchObject({ before: { quietHoursEnabled: true }, after: { quietHoursEnabled: false } });
  });
});
