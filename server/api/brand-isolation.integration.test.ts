import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { createBrand, createMember, createShopper } from "../testing/fixtures";
import { createCaller } from "./root";
import { createApiContext } from "./trpc";

let a: { brandId: string; caller: ReturnType<typeof createCaller>; shopperPhone: string; conversationId: string };
let b: { brandId: string; caller: ReturnType<typeof createCaller>; shopperPhone: string; conversationId: string };

async function setUpBrand(name: string) {
  const db = getDb();
  const brand = await createBrand(db, { name });
  const member = await createMember(db, brand.id);
  const shopper = await createShopper(db, brand.id);
  const result = await simulateText(db, { brandId: brand.id, from: shopper.phone, body: `hello from a ${name} shopper` });
  return { brandId: brand.id, caller: createCaller(createApiContext(member)), shopperPhone: shopper.phone, conversationId: result.conversationId! };
}

beforeAll(async () => {
  await startWorker();
  a = await setUpBrand("Alpha");
  b = await setUpBrand("Bravo");
});

describe("brand isolation through tRPC", () => {
  it("lists only the signed-in brand's conversations", async () => {
    const list = await a.caller.conversations.list({ limit: 50 });
    expect(list.items.map((c) => c.id)).toEqual([a.conversationId]);
  });

  it("refuses another brand's conversation as not found", async () => {
    await expect(a.caller.conversations.get({ id: b.conversationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = await a.caller.conversations.get({ id: a.conversationId });
    expect(own.messages.some((m) => m.body === "hello from a Alpha shopper")).toBe(true);
  });

  it("shows nothing of another brand's shopper in the simulator thread", async () => {
    const thread = await a.caller.simulator.thread({ phone: b.shopperPhone });
    expect(thread.messages).toEqual([]);
    expect(thread.profile).toBeNull();
  });

  it("lists only the brand's own inbound texts and shoppers", async () => {
    const texts = await b.caller.conversations.inboundTexts({ limit: 50 });
    expect(texts.map((t) => t.body)).toEqual(["hello from a Bravo shopper"]);
    const shoppers = await b.caller.simulator.shoppers();
    expect(shoppers.map((s) => s.phone)).toEqual([b.shopperPhone]);
  });

  it("sends simulated texts to the signed-in brand only", async () => {
    await a.caller.simulator.send({ from: b.shopperPhone, body: "which brand am I?" });
    const texts = await getDb().message.findMany({ where: { body: "which brand am I?" } });
    expect(texts.map((t) => t.brandId)).toEqual([a.brandId]);
  });

  it("refuses every procedure without a session", async () => {
    const anonymous = createCaller(createApiContext(null));
    await expect(anonymous.brand.current()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.conversations.list({ limit: 10 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.simulator.send({ from: a.shopperPhone, body: "hi" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("rejects bad input with a message a person can act on", async () => {
    await expect(a.caller.simulator.send({ from: "not a phone", body: "hi" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not a phone number") });
  });
});

describe("the conversations list", () => {
  it("carries each conversation's latest shopper text", async () => {
    await simulateText(getDb(), { brandId: a.brandId, from: a.shopperPhone, body: "and another question" });
    const list = await a.caller.conversations.list({ limit: 50 });
    expect(list.items[0]!.lastInbound?.body).toBe("and another question");
  });
});
