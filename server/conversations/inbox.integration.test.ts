import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { resetEnvForTests } from "../env";
import { AppError } from "../errors";
import { startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { createBrand, createMember, createShopper, eventually, twilioCredentials } from "../testing/fixtures";
import { startTwilioLoopback, type TwilioLoopback } from "../testing/twilio-loopback";
import { addConversationNote } from "./add-conversation-note";
import { assignConversation, unassignConversation } from "./assign-conversation";
import { closeConversation } from "./close-conversation";
import { countAwaitingHumans } from "./count-awaiting-humans";
import { markConversationRead } from "./mark-conversation-read";
import { getConversation, listConversations } from "./read-conversations";
import { sendTeammateReply } from "./send-teammate-reply";

let loopback: TwilioLoopback;
const creds = twilioCredentials();
let brandId: string;
let teammate: { userId: string; name: string };

beforeAll(async () => {
  loopback = await startTwilioLoopback({ accounts: { [creds.accountSid]: creds.authToken } });
  process.env.TWILIO_API_BASE_URL = loopback.url;
  resetEnvForTests();
  brandId = (await createBrand(getDb(), { name: "Wren", twilio: creds })).id;
  const member = await createMember(getDb(), brandId);
  await getDb().user.update({ where: { id: member.userId }, data: { name: "Dana Reyes" } });
  teammate = { userId: member.userId, name: "Dana Reyes" };
  await startWorker();
});
afterAll(() => loopback.close());
beforeEach(() => loopback.reset());

const db = () => getDb();
const text = (from: string, body: string) => simulateText(db(), { brandId, from, body });
const sentTo = (phone: string) => loopback.requests.filter((r) => r.form.To === phone).map((r) => r.form.Body);

/** Moves a conversation into the past, as if its window had ended hours ago. */
async function ageConversation(conversationId: string) {
  const past = new Date(Date.now() - 48 * 3_600_000);
  await db().conversation.update({ where: { id: conversationId }, data: { startedAt: past, lastMessageAt: past, windowEndsAt: new Date(past.getTime() + 3_600_000) } });
}

async function escalatedConversation(phone: string) {
  const r = await text(phone, "can I talk to a human?");
  expect(r.disposition).toBe("escalated");
  return r.conversationId!;
}

describe("taking a conversation", () => {
  it("silences the agent while a teammate owns it, even after its window ends", async () => {
    const shopper = await createShopper(db(), brandId);
    const first = await text(shopper.phone, "hi there");
    expect(first.disposition).toBe("agent_replied");
    const conversationId = first.conversationId!;

    await assignConversation(db(), { brandId, conversationId, userId: teammate.userId });
    const taken = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(taken).toMatchObject({ assigneeId: teammate.userId, status: "escalated", escalationReason: "teammate_took_over" });
    expect(taken.assignedAt).toBeInstanceOf(Date);
    expect(await db().event.count({ where: { brandId, name: "Escalated Customer Agent Conversation", profileId: shopper.id } })).toBe(1);

    await ageConversation(conversationId);
    const next = await text(shopper.phone, "hello? anyone?");
    expect(next).toMatchObject({ disposition: "human", conversationId, replies: [] });

    // Given back to the team, the escalation ends with its window as before: the agent answers again.
    await unassignConversation(db(), { brandId, conversationId });
    await ageConversation(conversationId);
    const later = await text(shopper.phone, "where is my order?");
    expect(later.disposition).toBe("agent_replied");
    expect(later.conversationId).not.toBe(conversationId);
  });

  it("keeps an escalated conversation silent for the agent inside its window", async () => {
    const shopper = await createShopper(db(), brandId);
    const conversationId = await escalatedConversation(shopper.phone);
    const r = await text(shopper.phone, "still there?");
    expect(r).toMatchObject({ disposition: "human", conversationId, replies: [] });
  });

  it("refuses a teammate of another brand", async () => {
    const shopper = await createShopper(db(), brandId);
    const conversationId = await escalatedConversation(shopper.phone);
    const other = await createMember(db(), (await createBrand(db())).id);
    await expect(assignConversation(db(), { brandId, conversationId, userId: other.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("closing", () => {
  it("ends the conversation, and the shopper's next text starts a new one the agent answers", async () => {
    const shopper = await createShopper(db(), brandId);
    const conversationId = await escalatedConversation(shopper.phone);
    await assignConversation(db(), { brandId, conversationId, userId: teammate.userId });
    expect((await text(shopper.phone, "hello?")).disposition).toBe("human");

    const before = Date.now();
    await closeConversation(db(), { brandId, conversationId, userId: teammate.userId });
    const closed = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(closed).toMatchObject({ status: "closed", closedById: teammate.userId, assigneeId: teammate.userId });
    expect(closed.endedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(closed.windowEndsAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await db().handoffTicket.findUniqueOrThrow({ where: { conversationId } })).status).toBe("closed");

    const next = await text(shopper.phone, "where is my order?");
    expect(next.disposition).toBe("agent_replied");
    expect(next.conversationId).not.toBe(conversationId);
    expect(next.replies).toHaveLength(1);
  });
});

describe("replying", () => {
  it("sends the reply through Twilio as the teammate, and the conversation is theirs", async () => {
    const shopper = await createShopper(db(), brandId);
    const conversationId = await escalatedConversation(shopper.phone);
    loopback.reset();

    const message = await sendTeammateReply(db(), { brandId, conversationId, body: "  Hi Sam, Dana here. Let me check.  ", author: teammate });
    expect(message).toMatchObject({ direction: "outbound", author: "human", authorName: "Dana Reyes", purpose: "human", body: "Hi Sam, Dana here. Let me check.", conversationId, toNumber: shopper.phone });
    await eventually(async () => (await db().message.findUniqueOrThrow({ where: { id: message.id } })).status === "sent");
    expect(sentTo(shopper.phone)).toEqual(["Hi Sam, Dana here. Let me check."]);
    expect(loopback.requests[0]!.authorized).toBe(true);

    const c = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(c).toMatchObject({ status: "escalated", assigneeId: teammate.userId });
    expect(c.lastReadAt).toBeInstanceOf(Date);
  });

  it("escalates an automating conversation when a person replies, and the agent stays silent after", async () => {
    const shopper = await createShopper(db(), brandId);
    const { conversationId } = await text(shopper.phone, "do you sell tents?");
    await sendTeammateReply(db(), { brandId, conversationId: conversationId!, body: "Yes! Which size?", author: { name: "Rep from Front" } });
    const c = await db().conversation.findUniqueOrThrow({ where: { id: conversationId! } });
    expect(c).toMatchObject({ status: "escalated", assigneeId: null });
    const r = await text(shopper.phone, "a 2 person one");
    expect(r).toMatchObject({ disposition: "human", conversationId, replies: [] });
  });

  it("sends once for the same idempotency key", async () => {
    const shopper = await createShopper(db(), brandId);
    const conversationId = await escalatedConversation(shopper.phone);
    const a = await sendTeammateReply(db(), { brandId, conversationId, body: "One moment", author: teammate, idempotencyKey: "front-msg-123" });
    const b = await sendTeammateReply(db(), { brandId, conversationId, body: "One moment", author: teammate, idempotencyKey: "front-msg-123" });
    expect(b.id).toBe(a.id);
    expect(await db().message.count({ where: { conversationId, author: "human" } })).toBe(1);
  });

  it("refuses an unsubscribed or never-subscribed shopper with a clear message, and sends nothing", async () => {
    const shopper = await createShopper(db(), brandId);
    const conversationId = await escalatedConversation(shopper.phone);
    expect((await text(shopper.phone, "STOP")).disposition).toBe("opt_out");
    loopback.reset();
    const attempt = sendTeammateReply(db(), { brandId, conversationId, body: "Sorry to see you go", author: teammate });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(sendTeammateReply(db(), { brandId, conversationId, body: "Sorry to see you go", author: teammate })).rejects.toMatchObject({
      code: "FORBIDDEN",
      userMessage: expect.stringContaining("unsubscribed from SMS"),
    });
    await db().profile.update({ where: { id: shopper.id }, data: { smsConsent: "never_subscribed" } });
    await expect(sendTeammateReply(db(), { brandId, conversationId, body: "Hi", author: teammate })).rejects.toMatchObject({ userMessage: expect.stringContaining("never subscribed") });
    expect(await db().message.count({ where: { conversationId, author: "human" } })).toBe(0);
    expect(sentTo(shopper.phone)).toEqual([]);
  });

  it("refuses an empty or over-long reply and another brand's conversation", async () => {
    const shopper = await createShopper(db(), brandId);
    const conversationId = await escalatedConversation(shopper.phone);
    await expect(sendTeammateReply(db(), { brandId, conversationId, body: "   ", author: teammate })).rejects.toMatchObject({ code: "BAD_REQUEST", userMessage: "Type a reply first." });
    await expect(sendTeammateReply(db(), { brandId, conversationId, body: "a".repeat(1601), author: teammate })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      userMessage: "A reply can be at most 1,600 characters; this one is 1,601.",
    });
    const other = await createBrand(db());
    await expect(sendTeammateReply(db(), { brandId: other.id, conversationId, body: "hi", author: teammate })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("re-opens a closed conversation, unless the shopper has started a newer one", async () => {
    const shopper = await createShopper(db(), brandId);
    const conversationId = await escalatedConversation(shopper.phone);
    await closeConversation(db(), { brandId, conversationId, userId: teammate.userId });
    await sendTeammateReply(db(), { brandId, conversationId, body: "One more thing: your refund went out.", author: teammate });
    const reopened = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(reopened).toMatchObject({ status: "escalated", endedAt: null, closedById: null, assigneeId: teammate.userId });
    expect(reopened.windowEndsAt.getTime()).toBeGreaterThan(Date.now());
    expect((await text(shopper.phone, "thanks!")).disposition).toBe("human");

    await closeConversation(db(), { brandId, conversationId, userId: teammate.userId });
    const newer = await text(shopper.phone, "where is my order?");
    expect(newer.conversationId).not.toBe(conversationId);
    await expect(sendTeammateReply(db(), { brandId, conversationId, body: "hello again", author: teammate })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("newer conversation"),
    });
  });
});

describe("notes", () => {
  it("are stored with their author and never sent", async () => {
    const shopper = await createShopper(db(), brandId);
    const conversationId = await escalatedConversation(shopper.phone);
    loopback.reset();
    const outboundBefore = await db().message.count({ where: { conversationId, direction: "outbound" } });
    const note = await addConversationNote(db(), { brandId, conversationId, userId: teammate.userId, body: " Refund approved by ops " });
    expect(note).toMatchObject({ authorId: teammate.userId, authorName: "Dana Reyes", body: "Refund approved by ops" });
    await new Promise((r) => setTimeout(r, 300));
    expect(await db().message.count({ where: { conversationId, direction: "outbound" } })).toBe(outboundBefore);
    expect(await db().message.count({ where: { body: { contains: "Refund approved" } } })).toBe(0);
    expect(loopback.requests).toHaveLength(0);
    const detail = await getConversation(db(), brandId, conversationId);
    expect(detail!.notes.map((n) => n.body)).toEqual(["Refund approved by ops"]);
    await expect(addConversationNote(db(), { brandId, conversationId, userId: teammate.userId, body: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the conversation page", () => {
  it("interleaves the shopper's consent changes and carries the handoff note", async () => {
    const shopper = await createShopper(db(), brandId);
    const conversationId = await escalatedConversation(shopper.phone);
    await text(shopper.phone, "STOP");
    const detail = (await getConversation(db(), brandId, conversationId))!;
    expect(detail.consentEvents).toEqual([expect.objectContaining({ from: "subscribed", to: "unsubscribed", source: "keyword", text: "STOP" })]);
    expect(detail.ticket).toMatchObject({ reason: "shopper_requested", sentiment: expect.stringMatching(/^(positive|neutral|negative)$/) });
    expect(detail.ticket!.summary).toContain("asked for a person");
  });
});

describe("unread counts and the awaiting badge", () => {
  it("counts shopper texts since the conversation was last opened", async () => {
    const shopper = await createShopper(db(), brandId);
    const conversationId = await escalatedConversation(shopper.phone);
    const unreadOf = async () => (await listConversations(db(), brandId, { search: shopper.phone, limit: 10 })).items.find((c) => c.id === conversationId)!.unreadCount;
    expect(await unreadOf()).toBe(1);
    await text(shopper.phone, "hello?");
    expect(await unreadOf()).toBe(2);
    expect(await markConversationRead(db(), { brandId, conversationId })).toBe(true);
    expect(await unreadOf()).toBe(0);
    await text(shopper.phone, "are you there?");
    expect(await unreadOf()).toBe(1);
    expect(await markConversationRead(db(), { brandId: (await createBrand(db())).id, conversationId })).toBe(false);
  });

  it("counts escalated conversations until they are closed", async () => {
    const brand = await createBrand(db());
    const member = await createMember(db(), brand.id);
    const shopper = await createShopper(db(), brand.id);
    expect(await countAwaitingHumans(db(), brand.id)).toBe(0);
    const r = await simulateText(db(), { brandId: brand.id, from: shopper.phone, body: "I want a real person" });
    expect(await countAwaitingHumans(db(), brand.id)).toBe(1);
    await assignConversation(db(), { brandId: brand.id, conversationId: r.conversationId!, userId: member.userId });
    expect(await countAwaitingHumans(db(), brand.id)).toBe(1);
    await closeConversation(db(), { brandId: brand.id, conversationId: r.conversationId!, userId: member.userId });
    expect(await countAwaitingHumans(db(), brand.id)).toBe(0);
  });
});

describe("list filters and search", () => {
  it("filters by status, disposition, campaign and start date, and searches phone, name and text", async () => {
    const brand = await createBrand(db());
    const ava = await createShopper(db(), brand.id, { phone: "+15554440101", firstName: "Ava" });
    const ben = await createShopper(db(), brand.id, { phone: "+15554440202", firstName: "Benedict" });
    const say = (phone: string, body: string) => simulateText(db(), { brandId: brand.id, from: phone, body });
    const answered = (await say(ava.phone, "do you have waterproof boots?")).conversationId!;
    const escalated = (await say(ben.phone, "let me talk to a person")).conversationId!;
    await say(ben.phone, "hello??");
    await db().conversation.update({ where: { id: answered }, data: { sourceCampaignId: "camp_spring", startedAt: new Date("2026-01-10T15:00:00Z") } });

    const ids = async (filters: Omit<Parameters<typeof listConversations>[2], "limit">) =>
      (await listConversations(db(), brand.id, { ...filters, limit: 50 })).items.map((c) => c.id).sort();

    expect(await ids({})).toEqual([answered, escalated].sort());
    expect(await ids({ status: "escalated" })).toEqual([escalated]);
    expect(await ids({ status: "closed" })).toEqual([]);
    expect(await ids({ disposition: "human" })).toEqual([escalated]);
    expect(await ids({ disposition: "agent_replied" })).toEqual([answered]);
    expect(await ids({ campaignId: "camp_spring" })).toEqual([answered]);
    // The brand is in New York: Jan 10 15:00 UTC is 10:00 there.
    expect(await ids({ from: "2026-01-10", to: "2026-01-10" })).toEqual([answered]);
    expect(await ids({ from: "2026-01-11", to: "2026-01-11" })).toEqual([]);
    expect(await ids({ from: "2026-01-11" })).toEqual([escalated]);
    expect(await ids({ search: "(555) 444-0202" })).toEqual([escalated]);
    expect(await ids({ search: "444-01" })).toEqual([answered]);
    expect(await ids({ search: "WATERPROOF" })).toEqual([answered]);
    expect(await ids({ search: "benedict" })).toEqual([escalated]);
    expect(await ids({ search: "nothing like this" })).toEqual([]);

    await assignConversation(db(), { brandId: brand.id, conversationId: escalated, userId: (await createMember(db(), brand.id)).userId });
    const row = (await listConversations(db(), brand.id, { status: "escalated", limit: 5 })).items[0]!;
    expect(row.assignee).toMatchObject({ name: "Test User" });
  });
});
