/**
 * Fault: a worker claims a shopper's text from the queue and vanishes (killed, or its claim lost with
 * the database connection before the rows reached it). Here the claim is made by hand with pg-boss's
 * own fetch and never completed, exactly what such a worker leaves behind. Asserted: once the claim's
 * heartbeat lapses the job is retried, the text is processed and answered once, and the shopper's
 * next text (queued behind it on the per-shopper FIFO key) is not held for the job's expiry (minutes).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { getBoss, QueueName, startWorker } from "../jobs";
import { receiveInbound } from "../inbound";
import { createBrand, createShopper, eventually, messageSid } from "../testing/fixtures";

let brand: { id: string; smsNumber: string };
let phone: string;

beforeAll(async () => {
  brand = await createBrand(getDb());
  phone = (await createShopper(getDb(), brand.id)).phone;
});

describe("a job claimed by a worker that died", () => {
  it("is retried after its heartbeat lapses, and the shopper's texts are answered once, in order", async () => {
    const db = getDb();
    const first = await receiveInbound(db, { messageSid: messageSid(), from: phone, to: brand.smsNumber, body: "hi, is anyone there?" });
    const boss = await getBoss();
    const [claimed] = await boss.fetch<{ messageId: string }>(QueueName.inbound);
    expect(claimed?.data.messageId).toBe(first.messageId);
    // The dead worker's claim holds the shopper's key: their next text waits behind it.
    const second = await receiveInbound(db, { messageSid: messageSid(), from: phone, to: brand.smsNumber, body: "where is my order?" });
    await startWorker();

    // Well within the job's expiry (120 s): the heartbeat (10 s) and the monitor (every 10 s) free it.
    const processed = await eventually(async () => {
      const rows = await db.message.findMany({ where: { id: { in: [first.messageId, second.messageId] }, processedAt: { not: null } }, orderBy: { processedAt: "asc" } });
      return rows.length === 2 ? rows : undefined;
    }, 45_000);

    expect(processed.map((m) => m.id)).toEqual([first.messageId, second.messageId]);
    // Both were waiting when the retried job ran: one turn, answered once (the first joins the second).
    expect(processed.map((m) => m.disposition)).toEqual(["combined", "agent_replied"]);
    expect(await db.message.count({ where: { inReplyToId: first.messageId, direction: "outbound" } })).toBe(0);
    expect(await db.message.count({ where: { inReplyToId: second.messageId, direction: "outbound" } })).toBe(1);
  }, 60_000);
});
