import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { startWorker } from "../jobs";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { receiveInbound } from "./receive";
import { simulateText } from "../simulator";
import { createBrand, createMember, createShopper, eventually, messageSid } from "../testing/fixtures";

let brandId: string;
let brandNumber: string;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  await startWorker();
  const brand = await createBrand(getDb(), { name: "Kestrel" });
  brandId = brand.id;
  brandNumber = brand.smsNumber;
  caller = createCaller(createApiContext(await createMember(getDb(), brand.id)));
});

const text = (from: string, body: string) => simulateText(getDb(), { brandId, from, body });

describe("compliance keywords", () => {
  it("answers HELP with the help text and never involves the agent", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const r = await text(shopper.phone, "help");
    expect(r.disposition).toBe("help");
    expect(r.replies).toHaveLength(1);
    expect(r.replies[0]!.body).toContain("Kestrel");
    expect(r.replies[0]!.body).toContain("STOP");
    expect(r.conversationId).toBeNull();
    expect(await getDb().agentTurn.count({ where: { brandId, conversation: { profileId: shopper.id } } })).toBe(0);
  });

  it("treats free-text opt-out intent as STOP", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const r = await text(shopper.phone, "please stop texting me");
    expect(r.disposition).toBe("opt_out");
    expect((await getDb().profile.findUniqueOrThrow({ where: { id: shopper.id } })).smsConsent).toBe("unsubscribed");
  });

  it("does not take shopping language for an opt-out", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const r = await text(shopper.phone, "can I cancel my order?");
    expect(r.disposition).toBe("agent_replied");
    expect((await getDb().profile.findUniqueOrThrow({ where: { id: shopper.id } })).smsConsent).toBe("subscribed");
  });

  it("sends exactly one opt-out confirmation, even when STOP is sent twice", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const first = await text(shopper.phone, "STOP");
    const second = await text(shopper.phone, "stop!!");
    expect(first.replies).toHaveLength(1);
    expect(second.disposition).toBe("opt_out");
    expect(second.replies).toHaveLength(0);
    expect(await getDb().consentChange.count({ where: { profileId: shopper.id } })).toBe(1);
  });

  it("honours Twilio's Advanced Opt-Out (OptOutType) without sending a second confirmation", async () => {
    const db = getDb();
    const shopper = await createShopper(db, brandId);
    const received = await receiveInbound(db, { messageSid: messageSid(), from: shopper.phone, to: brandNumber, body: "Stop", optOutType: "STOP" });
    const m = await eventually(async () => {
      const row = await db.message.findUniqueOrThrow({ where: { id: received.messageId } });
      return row.processedAt ? row : undefined;
    });
    expect(m.disposition).toBe("opt_out");
    expect(await db.message.count({ where: { inReplyToId: m.id } })).toBe(0);
    const change = await db.consentChange.findFirstOrThrow({ where: { profileId: shopper.id } });
    expect(change).toMatchObject({ from: "subscribed", to: "unsubscribed", source: "twilio_opt_out_type" });
  });

  it("uses the brand's own compliance texts once saved", async () => {
    await caller.settings.updateCompliance({ helpReply: "Kestrel help: reply with your question or call 555-0100. Reply STOP to opt out.", optOutReply: "", optInReply: "" });
    const shopper = await createShopper(getDb(), brandId);
    const r = await text(shopper.phone, "HELP");
    expect(r.replies[0]!.body).toBe("Kestrel help: reply with your question or call 555-0100. Reply STOP to opt out.");
    const texts = await caller.settings.compliance();
    expect(texts.isDefault).toEqual({ helpReply: false, optOutReply: true, optInReply: true });
  });

  it("refuses compliance texts that break carrier rules and saves nothing", async () => {
    const before = await caller.settings.compliance();
    await expect(
      caller.settings.updateCompliance({ helpReply: "Help is here. ".repeat(20), optOutReply: "You are out.", optInReply: "" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await caller.settings.compliance()).toEqual(before);
  });
});

describe("keyword automations", () => {
  it("JOIN subscribes a number that never subscribed, confirms, and the agent stays silent", async () => {
    await caller.settings.createKeyword({ keyword: "join", reply: "Welcome to Kestrel texts! Reply STOP to opt out.", action: "subscribe", isActive: true });
    const r = await text("+15555550199", "JOIN!");
    expect(r.disposition).toBe("keyword:JOIN");
    expect(r.replies.map((x) => x.body)).toEqual(["Welcome to Kestrel texts! Reply STOP to opt out."]);
    const profile = await getDb().profile.findUniqueOrThrow({ where: { brandId_phone: { brandId, phone: "+15555550199" } } });
    expect(profile.smsConsent).toBe("subscribed");
    expect(r.conversationId).toBeNull();
  });

  it("sets a profile property and replies to a subscriber", async () => {
    await caller.settings.createKeyword({ keyword: "VIP", reply: "You're on the VIP list!", action: "set_property", propertyKey: "vip", propertyValue: "true", isActive: true });
    const shopper = await createShopper(getDb(), brandId);
    const r = await text(shopper.phone, "vip please");
    expect(r.disposition).toBe("keyword:VIP");
    expect(r.replies.map((x) => x.body)).toEqual(["You're on the VIP list!"]);
    expect((await getDb().profile.findUniqueOrThrow({ where: { id: shopper.id } })).properties).toMatchObject({ vip: "true" });
  });

  it("does not fire inside another word, nor when switched off", async () => {
    const shopper = await createShopper(getDb(), brandId);
    expect((await text(shopper.phone, "I joined last week, where is my order?")).disposition).toBe("agent_replied");
    const vip = (await caller.settings.keywords()).find((k) => k.keyword === "VIP")!;
    await caller.settings.updateKeyword({ id: vip.id, keyword: vip.keyword, reply: vip.reply, action: "set_property", propertyKey: vip.propertyKey, propertyValue: vip.propertyValue, isActive: false });
    expect((await text(shopper.phone, "VIP")).disposition).not.toBe("keyword:VIP");
  });

  it("refuses reserved and malformed keywords with field messages", async () => {
    await expect(caller.settings.createKeyword({ keyword: "STOP", reply: "x", action: "none", isActive: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fields: { keyword: expect.stringContaining("compliance keyword") } },
    });
    await expect(caller.settings.createKeyword({ keyword: "GIFT", reply: "x".repeat(200), action: "none", isActive: true })).rejects.toMatchObject({
      cause: { fields: { reply: expect.stringContaining("one SMS") } },
    });
    await expect(caller.settings.createKeyword({ keyword: "join", reply: "again", action: "none", isActive: true })).rejects.toMatchObject({
      cause: { fields: { keyword: expect.stringContaining("already used") } },
    });
    expect((await caller.settings.keywords()).map((k) => k.keyword)).toEqual(["JOIN", "VIP"]);
  });
});

describe("noise guard", () => {
  it("gives a driving auto-reply and a tapback quoting 'Reply STOP' no reply and no opt-out", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const driving = await text(shopper.phone, "I'm Driving with Driving Focus turned on. I'll see your message when I get where I'm going.");
    expect(driving.disposition).toBe("noise:auto_reply");
    const tapback = await text(shopper.phone, "Liked “Big sale today at Kestrel! Reply STOP to opt out”");
    expect(tapback.disposition).toBe("noise:reaction");
    expect(driving.replies.length + tapback.replies.length).toBe(0);
    expect(driving.conversationId).toBeNull();
    expect((await getDb().profile.findUniqueOrThrow({ where: { id: shopper.id } })).smsConsent).toBe("subscribed");
  });

  it("stops a bot loop: the same text again and again gets no more replies", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const dispositions: (string | null)[] = [];
    for (let i = 0; i < 4; i++) dispositions.push((await text(shopper.phone, "hello there")).disposition);
    expect(dispositions.slice(2)).toEqual(["noise:loop", "noise:loop"]);
  });
});

describe("YES", () => {
  it("is an answer, not a keyword, from someone already subscribed", async () => {
    const shopper = await createShopper(getDb(), brandId);
    const r = await text(shopper.phone, "Yes");
    expect(r.disposition).not.toBe("opt_in");
    expect(await getDb().consentChange.count({ where: { profileId: shopper.id } })).toBe(0);
  });

  it("opts back in someone who had opted out", async () => {
    const shopper = await createShopper(getDb(), brandId, { consent: "unsubscribed" });
    const r = await text(shopper.phone, "YES!");
    expect(r.disposition).toBe("opt_in");
    expect((await getDb().profile.findUniqueOrThrow({ where: { id: shopper.id } })).smsConsent).toBe("subscribed");
  });
});
