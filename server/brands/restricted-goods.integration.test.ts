import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { createBrand, createMember, createShopper } from "../testing/fixtures";
import { isRestrictedBrand } from "./restricted-goods";

let brandId: string;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  await startWorker();
  brandId = (await createBrand(getDb(), { name: "Wren" })).id;
  caller = createCaller(createApiContext(await createMember(getDb(), brandId)));
});

const brand = () => getDb().brand.findUniqueOrThrow({ where: { id: brandId } });

describe("brand eligibility (SHAFT)", () => {
  it("reads a brand with no categories as unrestricted", async () => {
    expect(await caller.settings.restrictedGoods()).toEqual({ categories: [], isRestricted: false, agentEnabled: true });
    expect(isRestrictedBrand(await brand())).toBe(false);
    expect(isRestrictedBrand({ restrictedGoods: ["alcohol"] })).toBe(true);
    expect(isRestrictedBrand({ restrictedGoods: ["not-a-category"] })).toBe(false);
  });

  it("refuses unknown categories", async () => {
    // @ts-expect-error: not a category
    await expect(caller.settings.updateRestrictedGoods({ categories: ["gambling"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await brand()).restrictedGoods).toEqual([]);
  });

  it("marks the brand restricted and switches the agent off in the same save, recorded in the history", async () => {
    const saved = await caller.settings.updateRestrictedGoods({ categories: ["tobacco", "alcohol", "alcohol"] });
    expect(saved).toEqual({ categories: ["alcohol", "tobacco"], isRestricted: true, agentEnabled: false });
    expect(isRestrictedBrand(await brand())).toBe(true);
    expect((await caller.settings.agent()).enabled).toBe(false);
    const [change] = await caller.settings.history();
    expect(change).toMatchObject({
      area: "brand",
      before: { restrictedGoods: [], agentEnabled: true },
      after: { restrictedGoods: ["alcohol", "tobacco"], agentEnabled: false },
    });

    // The agent can't be switched back on while the brand is restricted, and shoppers go to the inbox.
    await expect(caller.settings.updateAgent({ ...(await caller.settings.agent()), enabled: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const shopper = await createShopper(getDb(), brandId);
    expect((await simulateText(getDb(), { brandId, from: shopper.phone, body: "where is my order" })).disposition).toMatch(/^ineligible:/);
  });

  it("unmarking lifts the restriction but leaves the agent off until someone switches it on", async () => {
    const saved = await caller.settings.updateRestrictedGoods({ categories: [] });
    expect(saved).toEqual({ categories: [], isRestricted: false, agentEnabled: false });
    const [change] = await caller.settings.history();
    expect(change).toMatchObject({ area: "brand", before: { restrictedGoods: ["alcohol", "tobacco"] }, after: { restrictedGoods: [] } });
    expect(change!.after).not.toHaveProperty("agentEnabled");
    await caller.settings.updateAgent({ ...(await caller.settings.agent()), enabled: true });
    expect((await caller.settings.agent()).enabled).toBe(true);
  });

  it("saving the same categories records nothing", async () => {
    const count = (await caller.settings.history()).length;
    await caller.settings.updateRestrictedGoods({ categories: [] });
    expect(await caller.settings.history()).toHaveLength(count);
  });
});
