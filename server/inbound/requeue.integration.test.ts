import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { getBoss, QueueName } from "../jobs";
import { receiveInbound, requeueUnprocessedInbound } from "./receive";
import { createBrand, messageSid } from "../testing/fixtures";

let brandNumber: string;

beforeAll(async () => {
  await getBoss();
  brandNumber = (await createBrand(getDb(), { name: "Wren" })).smsNumber;
});

const jobsFor = (messageId: string) =>
  getDb().$queryRaw<{ id: string }[]>`SELECT id FROM pgboss.job WHERE name = ${QueueName.inbound} AND data->>'messageId' = ${messageId}`;

describe("requeueUnprocessedInbound (worker start-up)", () => {
  it("leaves a stored text alone while its job waits, and queues one whose job was lost", async () => {
    const waiting = await receiveInbound(getDb(), { messageSid: messageSid(), from: "+15550000001", to: brandNumber, body: "hi" });
    const lost = await receiveInbound(getDb(), { messageSid: messageSid(), from: "+15550000002", to: brandNumber, body: "hello" });
    // A crash between storing the text and enqueueing it: no job.
    await getDb().$executeRaw`DELETE FROM pgboss.job WHERE name = ${QueueName.inbound} AND data->>'messageId' = ${lost.messageId}`;

    expect(await requeueUnprocessedInbound(getDb())).toBe(1);
    expect(await jobsFor(waiting.messageId)).toHaveLength(1);
    expect(await jobsFor(lost.messageId)).toHaveLength(1);
    // Run again (a second worker starting): nothing new.
    expect(await requeueUnprocessedInbound(getDb())).toBe(0);
  });
});
