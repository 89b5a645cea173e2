/**
 * Fault: the database restarts during a burst of inbound texts. The app (route handler, worker,
 * queue) reaches PostgreSQL through a TCP proxy (server/testing/tcp-proxy.ts); mid-burst the proxy
 * cuts every connection and refuses new ones for a few seconds. Signed webhooks go through the real
 * route handler from senders that behave like Twilio (a non-2xx answer or no answer is tried again a
 * few times). Asserted: every MessageSid that got a 200 is stored once, processed, and answered
 * with exactly one text at Twilio.
 * PostgreSQL only: PGlite runs inside this process and has no connection to cut.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/twilio/inbound/route";
import { closeDb, getDb } from "../db";
import { publicUrl, resetEnvForTests } from "../env";
import { startWorker, stopWorker } from "../jobs";
import { createBrand, createShopper, eventually, messageSid, signedTwilioRequest, twilioCredentials } from "../testing/fixtures";
import { startTcpProxy, type TcpProxy } from "../testing/tcp-proxy";
import { startTwilioLoopback, type TwilioLoopback } from "../testing/twilio-loopback";

const isPostgres = process.env.TEST_BACKEND === "postgres";
const BURST = 30;
const OUTAGE_MS = 3000;
const changedVars = ["DATABASE_URL", "TWILIO_API_BASE_URL", "TWILIO_TIMEOUT_MS", "SENDING_CLAIM_STALE_MS", "WORKER_SWEEP_INTERVAL_MS", "STUCK_WORK_AFTER_MS"] as const;
const saved = Object.fromEntries(changedVars.map((k) => [k, process.env[k]]));
const creds = twilioCredentials();
let proxy: TcpProxy;
let twilio: TwilioLoopback;
let brandNumber: string;
const shoppers: string[] = [];

beforeAll(async () => {
  if (!isPostgres) return;
  const direct = process.env.DATABASE_URL!;
  const target = new URL(direct);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  twilio = await startTwilioLoopback({ accounts: { [creds.accountSid]: creds.authToken } });
  // Everything this process opens from now on (Prisma, pg-boss) goes through the proxy.
  await stopWorker();
  await closeDb();
  Object.assign(process.env, {
    DATABASE_URL: proxy.proxied(direct),
    TWILIO_API_BASE_URL: twilio.url,
    TWILIO_TIMEOUT_MS: "2000",
    SENDING_CLAIM_STALE_MS: "6000",
    WORKER_SWEEP_INTERVAL_MS: "500",
    STUCK_WORK_AFTER_MS: "8000",
  });
  resetEnvForTests();
  const brand = await createBrand(getDb(), { twilio: creds });
  brandNumber = brand.smsNumber;
  for (let i = 0; i < BURST; i++) shoppers.push((await createShopper(getDb(), brand.id)).phone);
  await startWorker();
});

afterAll(async () => {
  if (!isPostgres) return;
  await stopWorker();
  await closeDb();
  for (const k of changedVars) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvForTests();
  await Promise.all([proxy.close(), twilio.close()]);
});

/** Like Twilio's webhook delivery: up to five tries, a little later each time, until a 2xx. */
async function deliverLikeTwilio(params: Record<string, string>): Promise<{ status: number; tries: number }> {
  const url = `${publicUrl()}/api/twilio/inbound`;
  let status = 0;
  for (let tries = 1; ; tries++) {
    try {
      status = (await POST(signedTwilioRequest(url, creds.authToken, params))).status;
    } catch {
      status = 0;
    }
    if ((status >= 200 && status < 300) || tries === 5) return { status, tries };
    await new Promise((r) => setTimeout(r, 700 * tries));
  }
}

describe.skipIf(!isPostgres)("the database restarts during a burst of inbound texts (PostgreSQL only: PGlite has no connection to cut)", () => {
  it("loses and duplicates nothing Twilio was told was received", async () => {
    const db = getDb();
    const texts = shoppers.map((phone, i) => ({ MessageSid: messageSid(), AccountSid: creds.accountSid, From: phone, To: brandNumber, Body: `hi, question ${i} about my order`, NumMedia: "0" }));

    // Texts arrive every 60 ms; the database goes away for OUTAGE_MS a third of the way in.
    const deliveries = texts.map((params, i) => new Promise((r) => setTimeout(r, i * 60)).then(() => deliverLikeTwilio(params)));
    await new Promise((r) => setTimeout(r, (BURST / 3) * 60));
    await proxy.outage(OUTAGE_MS);
    const results = await Promise.all(deliveries);

    expect(proxy.cut).toBeGreaterThan(0);
    // The outage was felt: some deliveries needed more than one try.
    expect(results.some((r) => r.tries > 1)).toBe(true);
    const acknowledged = texts.filter((_, i) => results[i]!.status === 200);
    expect(acknowledged.length).toBeGreaterThan(BURST / 2);

    for (const text of acknowledged) {
      const stored = await db.message.findMany({ where: { providerSid: text.MessageSid } });
      expect(stored, text.MessageSid).toHaveLength(1);
    }
    const ids = (await db.message.findMany({ where: { providerSid: { in: acknowledged.map((t) => t.MessageSid) } }, select: { id: true } })).map((m) => m.id);
    // Every acknowledged text is processed and its one reply has left for Twilio.
    await eventually(async () => {
      const processed = await db.message.count({ where: { id: { in: ids }, processedAt: { not: null } } });
      const replied = await db.message.count({ where: { inReplyToId: { in: ids }, direction: "outbound", status: { in: ["sent", "delivered"] } } });
      return processed === ids.length && replied === ids.length;
    }, 50_000).catch(async (error) => {
      // Say what is stuck where: the inbound text, its reply row, and its queue jobs.
      const unprocessed = await db.message.findMany({ where: { id: { in: ids }, processedAt: null }, select: { id: true, fromNumber: true, createdAt: true } });
      const unsent = await db.message.findMany({ where: { inReplyToId: { in: ids }, direction: "outbound", status: { notIn: ["sent", "delivered"] } }, select: { id: true, status: true, claimedAt: true, errorMessage: true } });
      const jobs = await db.$queryRawUnsafe(`SELECT name, state, singleton_key, data, retry_count, started_on FROM pgboss.job WHERE state NOT IN ('completed') ORDER BY created_on`);
      throw new Error(`${(error as Error).message}\nunprocessed: ${JSON.stringify(unprocessed)}\nunsent: ${JSON.stringify(unsent)}\njobs: ${JSON.stringify(jobs)}`);
    });

    for (const text of acknowledged) {
      const inbound = await db.message.findUniqueOrThrow({ where: { providerSid: text.MessageSid } });
      expect(inbound.disposition, text.From).toBe("agent_replied");
      const replies = await db.message.findMany({ where: { inReplyToId: inbound.id, direction: "outbound" } });
      expect(replies, text.From).toHaveLength(1);
      expect(twilio.creates(text.From), text.From).toHaveLength(1);
      expect(twilio.messages.filter((m) => m.to === text.From).map((m) => m.sid)).toEqual([replies[0]!.providerSid]);
    }
  }, 90_000);
});
