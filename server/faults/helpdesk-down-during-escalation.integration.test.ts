/**
 * Fault: the brand's helpdesk is down while a shopper's conversation is escalated. End to end: the
 * shopper's text goes through the pipeline (handoff), the worker delivers the ticket through the
 * real queue (pg-boss retries with backoff) to a helpdesk loopback answering 503. Asserted: the
 * shopper gets one handoff reply either way; a helpdesk that recovers gets the ticket exactly once;
 * one that stays down is retried, then the ticket stays in the built-in inbox with the reason, and
 * the conversation page says so. (server/helpdesk/connectors.integration.test.ts covers each
 * connector's attempts one by one.)
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { getBoss, QueueName, startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { createBrand, createMember, createShopper, eventually } from "../testing/fixtures";
import { startHelpdeskLoopback, type HelpdeskLoopback } from "../testing/helpdesk-loopback";

const db = getDb();
const hooks: HelpdeskLoopback[] = [];

beforeAll(async () => {
  // Production's policy (retries with exponential backoff, then the inbox) on a 1 s base: 3 attempts.
  const boss = await getBoss();
  await boss.updateQueue(QueueName.handoff, { retryLimit: 2, retryDelay: 1, retryBackoff: true });
  await startWorker();
});
afterAll(async () => {
  await Promise.all(hooks.map((h) => h.close()));
});

/** A brand whose helpdesk is a webhook loopback answering 503, and a shopper who asks for a person. */
async function escalationWhileDown() {
  const hook = await startHelpdeskLoopback("webhook");
  hooks.push(hook);
  hook.setDown(503);
  const brand = await createBrand(db, { name: "Down Helpdesk Brand" });
  const caller = createCaller(createApiContext(await createMember(db, brand.id)));
  await caller.helpdesk.update({ kind: "webhook", config: { url: hook.url }, secrets: {} });
  const phone = `+1555${crypto.randomInt(2_000_000, 9_999_999)}`;
  await createShopper(db, brand.id, { phone });
  const handed = await simulateText(db, { brandId: brand.id, from: phone, body: "let me talk to a human please" });
  return { hook, caller, handed };
}

const ticketOf = (conversationId: string) => db.handoffTicket.findUniqueOrThrow({ where: { conversationId } });

describe.concurrent("the helpdesk is down during an escalation", () => {
  it("retries, then keeps the ticket in the built-in inbox with the reason", async () => {
    const { hook, caller, handed } = await escalationWhileDown();

    expect(handed.disposition).toBe("escalated");
    expect(handed.replies).toHaveLength(1);
    const ticket = await eventually(async () => {
      const t = await ticketOf(handed.conversationId!);
      return t.deliveryStatus === "failed" ? t : undefined;
    }, 25_000);

    expect(hook.requests).toHaveLength(3);
    expect(ticket.lastError).toMatch(/503/);
    const deliveries = await db.handoffDelivery.findMany({ where: { ticketId: ticket.id }, orderBy: { createdAt: "asc" } });
    expect(deliveries.map((d) => d.outcome)).toEqual(["failed", "failed", "failed", "fell_back"]);
    const conversation = await caller.conversations.get({ id: handed.conversationId! });
    expect(conversation.conversation.status).toBe("escalated");
    expect(conversation.ticket).toMatchObject({ deliveryStatus: "failed", lastError: ticket.lastError });

    // The helpdesk comes back: nothing is re-sent behind the inbox's back.
    hook.setDown(null);
    await new Promise((r) => setTimeout(r, 1500));
    expect(hook.requests).toHaveLength(3);
  });

  it("delivers the ticket exactly once when the helpdesk recovers between retries", async () => {
    const { hook, handed } = await escalationWhileDown();
    await eventually(async () => hook.requests.length >= 1);
    hook.setDown(null);

    const ticket = await eventually(async () => {
      const t = await ticketOf(handed.conversationId!);
      return t.deliveryStatus === "delivered" ? t : undefined;
    }, 25_000);

    expect(handed.replies).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(hook.requests.filter((r) => r.status === 200 || r.status === 201 || r.status === 202)).toHaveLength(1);
    expect(hook.requests.at(-1)!.headers["x-parley-delivery"]).toBe(ticket.id);
  });
});
