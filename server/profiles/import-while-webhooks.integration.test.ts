/**
 * A 10,000-row profile import on the embedded database must not hold it: Twilio waits 15 s for an
 * inbound webhook and never re-sends one it gave up on. While the import runs on the queue, signed
 * webhooks keep being answered; the timings are printed for the record.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/twilio/inbound/route";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { publicUrl, resetEnvForTests } from "../env";
import { startWorker } from "../jobs";
import { createBrand, createMember, messageSid, signedTwilioRequest, twilioCredentials } from "../testing/fixtures";
import { startTwilioLoopback, type TwilioLoopback } from "../testing/twilio-loopback";

let loopback: TwilioLoopback;
const creds = twilioCredentials();
const brandNumber = "+15550003333";

beforeAll(async () => {
  loopback = await startTwilioLoopback({ accounts: { [creds.accountSid]: creds.authToken } });
  process.env.TWILIO_API_BASE_URL = loopback.url;
  resetEnvForTests();
  await startWorker();
});
afterAll(() => loopback.close());

/** Generous: a webhook waits for one part of the import at most, a fraction of a second. */
const ANSWERED_WITHIN_MS = 5_000;

describe("a 10,000-row import while texts come in", () => {
  it("answers every signed inbound webhook while the import runs, and imports every row", { timeout: 180_000 }, async () => {
    const db = getDb();
    const brand = await createBrand(db, { smsNumber: brandNumber, twilio: creds });
    const caller = createCaller(createApiContext(await createMember(db, brand.id)));
    const rows = Array.from({ length: 10_000 }, (_, i) => `+1555557${String(i).padStart(4, "0")},Name${i},${i % 2 ? "yes" : ""},${i}`);
    const csv = `phone,first_name,consent,score\n${rows.join("\n")}\n`;

    let finishedAt: number | null = null;
    const importing = (async () => {
      const started = (await caller.profiles.import({ csv })) as { id?: string };
      // Today the import runs on the queue and answers at once with its id; wait for it to end.
      for (;;) {
        if (!started.id) break;
        const status = await caller.profiles.importStatus({ id: started.id });
        if (status.status === "done" || status.status === "failed") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      finishedAt = Date.now();
    })();

    const webhooks: { tookMs: number; answeredAt: number; status: number }[] = [];
    for (let i = 0; finishedAt === null; i++) {
      const params = { MessageSid: messageSid(), AccountSid: creds.accountSid, From: `+1555558${String(i).padStart(4, "0")}`, To: brandNumber, Body: "where is my order?", NumMedia: "0" };
      const sentAt = Date.now();
      const res = await POST(signedTwilioRequest(`${publicUrl()}/api/twilio/inbound`, creds.authToken, params));
      webhooks.push({ tookMs: Date.now() - sentAt, answeredAt: Date.now(), status: res.status });
      await new Promise((r) => setTimeout(r, 150));
    }
    await importing;

    const during = webhooks.filter((w) => w.answeredAt < finishedAt!);
    const took = webhooks.map((w) => w.tookMs).sort((a, b) => a - b);
    console.log(`[import-while-webhooks] ${webhooks.length} webhooks, ${during.length} answered before the import ended; median ${took[Math.floor(took.length / 2)]} ms, max ${took.at(-1)} ms`);
    expect(webhooks.every((w) => w.status === 200)).toBe(true);
    // The import took a while and texts kept being answered all along, not after it.
    expect(during.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...took)).toBeLessThan(ANSWERED_WITHIN_MS);

    expect(await db.profile.count({ where: { brandId: brand.id, phone: { startsWith: "+1555557" } } })).toBe(10_000);
    const record = await db.profileImport.findFirstOrThrow({ where: { brandId: brand.id } });
    expect(record).toMatchObject({ status: "done", total: 10_000, processed: 10_000, created: 10_000, updated: 0, unchanged: 0, consentChanges: 5_000, warnings: 0, csv: null });
  });
});
