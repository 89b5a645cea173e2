import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { createBrand, createMember } from "../testing/fixtures";
import { getConversationStarter } from "./marketing-settings";

let brandId: string;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  brandId = (await createBrand(getDb(), { name: "Wren" })).id;
  caller = createCaller(createApiContext(await createMember(getDb(), brandId)));
});

describe("marketing settings: the conversation starter", () => {
  it("starts from Parley's default", async () => {
    expect(await caller.settings.marketing()).toEqual({ conversationStarter: "Questions? Reply to chat with us." });
    expect(await getConversationStarter(getDb(), brandId)).toBe("Questions? Reply to chat with us.");
  });

  it("refuses an empty starter or one that needs a second SMS, and saves nothing", async () => {
    await expect(caller.settings.updateMarketing({ conversationStarter: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fields: { conversationStarter: "Write a conversation starter, e.g. “Questions? Reply to chat with us.”" } },
    });
    await expect(caller.settings.updateMarketing({ conversationStarter: "Questions about sizing, shipping or returns? ".repeat(4) })).rejects.toMatchObject({
      cause: { fields: { conversationStarter: expect.stringMatching(/^The conversation starter must fit one SMS \(160 characters\); it is 179\.$/) } },
    });
    // Emoji switch the text to UCS-2, where one SMS holds 70 characters.
    await expect(caller.settings.updateMarketing({ conversationStarter: `Questions? Reply to chat with us 💬 ${"x".repeat(40)}` })).rejects.toMatchObject({
      cause: { fields: { conversationStarter: expect.stringContaining("(70 characters with emoji or special characters)") } },
    });
    expect(await caller.settings.marketing()).toEqual({ conversationStarter: "Questions? Reply to chat with us." });
    expect(await caller.settings.history()).toEqual([]);
  });

  it("saves a trimmed starter, records it as marketing, and campaigns read it", async () => {
    const saved = await caller.settings.updateMarketing({ conversationStarter: "  Need a hand? Text us back and we'll help.  " });
    expect(saved).toEqual({ conversationStarter: "Need a hand? Text us back and we'll help." });
    expect(await getConversationStarter(getDb(), brandId)).toBe("Need a hand? Text us back and we'll help.");
    const [change] = await caller.settings.history();
    expect(change).toMatchObject({
      area: "marketing",
      before: { conversationStarter: "Questions? Reply to chat with us." },
      after: { conversationStarter: "Need a hand? Text us back and we'll help." },
    });
  });
});
