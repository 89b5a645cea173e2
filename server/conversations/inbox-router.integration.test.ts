/** The inbox procedures through tRPC: each one acts on the signed-in brand only, and errors read well. */
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { createBrand, createMember, createShopper, eventually } from "../testing/fixtures";

type Side = { brandId: string; userId: string; caller: ReturnType<typeof createCaller>; conversationId: string; shopperPhone: string };
let a: Side;
let b: Side;

async function setUp(name: string): Promise<Side> {
  const db = getDb();
  const brand = await createBrand(db, { name });
  const member = await createMember(db, brand.id);
  const shopper = await createShopper(db, brand.id);
  const r = await simulateText(db, { brandId: brand.id, from: shopper.phone, body: `I need a person at ${name}` });
  expect(r.disposition).toBe("escalated");
  return { brandId: brand.id, userId: member.userId, caller: createCaller(createApiContext(member)), conversationId: r.conversationId!, shopperPhone: shopper.phone };
}

beforeAll(async () => {
  await startWorker();
  a = await setUp("Alder");
  b = await setUp("Birch");
});

describe("inbox procedures and brand isolation", () => {
  it("refuses every new procedure on another brand's conversation as not found, and changes nothing", async () => {
    const id = b.conversationId;
    await expect(a.caller.conversations.assign({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a.caller.conversations.unassign({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a.caller.conversations.reply({ id, body: "hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a.caller.conversations.addNote({ id, body: "note" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a.caller.conversations.close({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a.caller.conversations.markRead({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a.caller.conversations.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const untouched = await getDb().conversation.findUniqueOrThrow({ where: { id } });
    expect(untouched).toMatchObject({ status: "escalated", assigneeId: null, lastReadAt: null, closedById: null });
    expect(await getDb().conversationNote.count({ where: { conversationId: id } })).toBe(0);
    expect(await getDb().message.count({ where: { conversationId: id, author: "human" } })).toBe(0);
  });

  it("counts only the brand's own conversations awaiting a person, and lists only its own", async () => {
    expect(await a.caller.conversations.awaitingCount()).toBe(1);
    expect(await b.caller.conversations.awaitingCount()).toBe(1);
    const list = await a.caller.conversations.list({ limit: 50, search: b.shopperPhone });
    expect(list.items).toEqual([]);
    const own = await a.caller.conversations.list({ limit: 50, status: "escalated" });
    expect(own.items.map((c) => c.id)).toEqual([a.conversationId]);
    expect(own.items[0]!.unreadCount).toBe(1);
  });

  it("takes, notes, replies, reads and closes the brand's own conversation", async () => {
    const { caller, conversationId: id } = a;
    await caller.conversations.markRead({ id });
    const taken = await caller.conversations.assign({ id });
    expect(taken.assigneeId).toBe(a.userId);
    await caller.conversations.addNote({ id, body: "VIP: be nice" });
    const reply = await caller.conversations.reply({ id, body: "Hi, this is Test from Alder.", idempotencyKey: "reply-key-0001" });
    expect(reply).toMatchObject({ author: "human", authorName: "Test User", purpose: "human" });
    await eventually(async () => (await getDb().message.findUniqueOrThrow({ where: { id: reply.id } })).status === "delivered");

    const detail = await caller.conversations.get({ id });
    expect(detail.viewerUserId).toBe(a.userId);
    expect(detail.conversation.assignee).toMatchObject({ id: a.userId, name: "Test User" });
    expect(detail.notes.map((n) => n.body)).toEqual(["VIP: be nice"]);
    expect(detail.messages.at(-1)).toMatchObject({ author: "human", body: "Hi, this is Test from Alder." });
    expect(detail.ticket?.summary).toContain("asked for a person");

    const list = await caller.conversations.list({ limit: 10, status: "escalated" });
    expect(list.items[0]).toMatchObject({ id, unreadCount: 0, assignee: { name: "Test User" } });

    await caller.conversations.close({ id });
    expect(await caller.conversations.awaitingCount()).toBe(0);
    const closed = await caller.conversations.get({ id });
    expect(closed.conversation.status).toBe("closed");
    expect(closed.closedBy).toMatchObject({ name: "Test User" });
    expect(await b.caller.conversations.awaitingCount()).toBe(1);
  });

  it("explains bad input in words", async () => {
    await expect(b.caller.conversations.reply({ id: b.conversationId, body: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Type a reply first." });
    await expect(b.caller.conversations.addNote({ id: b.conversationId, body: "x".repeat(2001) })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("2,000 characters") });
    await expect(b.caller.conversations.list({ limit: 10, from: "last week" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses every new procedure without a session", async () => {
    const anonymous = createCaller(createApiContext(null));
    const id = a.conversationId;
    await expect(anonymous.conversations.awaitingCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.conversations.assign({ id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.conversations.reply({ id, body: "hi" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.conversations.addNote({ id, body: "hi" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.conversations.close({ id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.conversations.markRead({ id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.conversations.unassign({ id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
