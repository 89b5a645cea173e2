/**
 * Finding 2 of issue 15 ("roles are never checked"), reproduced through tRPC: a member-role
 * teammate of the brand rotates the public API key (cutting off the owner's integration), removes
 * the Twilio credentials, marks the brand SHAFT (switching the agent off) and rewrites the helpdesk
 * settings. Each must be refused with FORBIDDEN, naming the role needed, and change nothing; an
 * admin may mark the brand SHAFT but not touch credentials; the owner may do all of it.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { DEMO, seedDemo } from "../../prisma/seed";
import { authenticate, brandMemberOf } from "../auth";
import { roleRefusal } from "../auth/roles";
import { getDb } from "../db";
import { createBrand, createMember, twilioCredentials } from "../testing/fixtures";

const db = getDb();
type Caller = ReturnType<typeof createCaller>;
let brandId: string;
let smsNumber: string;
let owner: Caller;
let admin: Caller;
let member: Caller;

beforeAll(async () => {
  const brand = await createBrand(db, { twilio: twilioCredentials() });
  brandId = brand.id;
  smsNumber = brand.smsNumber;
  owner = createCaller(createApiContext(await createMember(db, brandId)));
  admin = createCaller(createApiContext(await createMember(db, brandId, undefined, "admin")));
  member = createCaller(createApiContext(await createMember(db, brandId, undefined, "member")));
  await owner.helpdesk.update({ kind: "webhook", config: { url: "https://helpdesk.example/hook" }, secrets: {} });
  await owner.helpdesk.generateApiKey();
});

/** What the four changes would alter: the brand row (credentials, SHAFT categories), the agent's settings, the helpdesk connection (API key included). */
async function guarded() {
  const [brand, agent, helpdesk] = await Promise.all([
    db.brand.findUniqueOrThrow({ where: { id: brandId } }),
    db.agentSettings.findUnique({ where: { brandId } }),
    db.helpdeskConnection.findUnique({ where: { brandId } }),
  ]);
  return JSON.stringify({ brand, agent, helpdesk });
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "it succeeded";
  } catch (error) {
    if (error instanceof TRPCError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

const changes = {
  "rotate the public API key": (c: Caller) => c.helpdesk.generateApiKey(),
  "remove the Twilio credentials": (c: Caller) => c.channels.update({ smsNumber, accountSid: "", authToken: "" }),
  "mark the brand SHAFT": (c: Caller) => c.settings.updateRestrictedGoods({ categories: ["alcohol", "firearms"] }),
  "rewrite the helpdesk settings": (c: Caller) => c.helpdesk.update({ kind: "webhook", config: { url: "https://attacker.example/hook" }, secrets: {} }),
};
const needs = { "rotate the public API key": "owner", "remove the Twilio credentials": "owner", "mark the brand SHAFT": "admin", "rewrite the helpdesk settings": "owner" } as const;

describe("finding 2: a member can't change what their role doesn't allow", () => {
  for (const [what, change] of Object.entries(changes)) {
    it(`a member can't ${what}`, async () => {
      const before = await guarded();
      expect(await refusal(() => change(member))).toBe(`FORBIDDEN: ${roleRefusal(needs[what as keyof typeof needs])}`);
      expect(await guarded()).toBe(before);
    });
  }

  it("an admin can mark the brand SHAFT but can't touch credentials or the API key", async () => {
    const before = await guarded();
    for (const what of ["rotate the public API key", "remove the Twilio credentials", "rewrite the helpdesk settings"] as const) {
      expect(await refusal(() => changes[what](admin)), what).toBe(`FORBIDDEN: ${roleRefusal("owner")}`);
    }
    expect(await guarded()).toBe(before);
    await admin.settings.updateRestrictedGoods({ categories: ["alcohol"] });
    expect((await member.settings.restrictedGoods()).categories).toEqual(["alcohol"]);
  });

  it("the owner can do all of it", async () => {
    const { last4 } = await owner.helpdesk.generateApiKey();
    expect((await member.helpdesk.get()).apiKeyLast4).toBe(last4);
    await owner.helpdesk.update({ kind: "webhook", config: { url: "https://helpdesk.example/other" }, secrets: {} });
    expect((await member.helpdesk.get()).config.url).toBe("https://helpdesk.example/other");
    await owner.settings.updateRestrictedGoods({ categories: [] });
    await changes["remove the Twilio credentials"](owner);
    expect((await member.channels.get()).transport).toBe("simulator");
  });
});

describe("the demo brand's member-role teammate", () => {
  it("signs in with the demo password, reads settings and is refused changing them", async () => {
    await seedDemo(db, { password: "parley-demo" });
    const user = await authenticate(DEMO.memberEmail, "parley-demo");
    const teammate = await brandMemberOf(user!.id);
    expect(teammate).toMatchObject({ brandName: DEMO.brandName, role: "member" });
    const caller = createCaller(createApiContext(teammate));
    expect((await caller.settings.agent()).enabled).toBe(true);
    expect(await refusal(() => caller.settings.updateRestrictedGoods({ categories: ["tobacco"] }))).toBe(`FORBIDDEN: ${roleRefusal("admin")}`);
  });
});
