/**
 * Fault: Twilio answers 429 / 500, is slow, or never answers. Replies go through the real pipeline,
 * the real queue (pg-boss retries with backoff) and the official SDK to the loopback Twilio.
 * Asserted: retried with backoff, then failed with Twilio's reason and shown on the conversation
 * page; a send whose outcome we never learned (timeout) is reconciled through Twilio's Messages
 * list before any resend, so a slow-but-successful Twilio never produces a second text; a claim
 * left by a dead sender is reconciled by the running worker's sweeper.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Transcript } from "@/app/(app)/conversations/[id]/_components/transcript";
import { buildTimeline } from "@/app/(app)/conversations/[id]/_components/build-timeline";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { resetEnvForTests } from "../env";
import { getBoss, QueueName, startWorker } from "../jobs";
import { queueOutbound, selectTransport } from "../outbound";
import { simulateText } from "../simulator";
import { createBrand, createMember, createShopper, eventually, twilioCredentials } from "../testing/fixtures";
import { startTwilioLoopback, type TwilioLoopback } from "../testing/twilio-loopback";

/** Generous for a loopback: PGlite runs on this process's thread, so the loopback Twilio answers late whenever the database is busy. */
const TIMEOUT_MS = 2000;
/** Well above the timeout: this machine is shared and PGlite serialises every query of the file's cases. */
const STALE_MS = 8000;
const changedVars = ["TWILIO_API_BASE_URL", "TWILIO_TIMEOUT_MS", "SENDING_CLAIM_STALE_MS", "WORKER_SWEEP_INTERVAL_MS"] as const;
const saved = Object.fromEntries(changedVars.map((k) => [k, process.env[k]]));
let loopback: TwilioLoopback;
const creds = twilioCredentials();
let brandId: string;
let brandNumber: string;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  loopback = await startTwilioLoopback({ accounts: { [creds.accountSid]: creds.authToken } });
  Object.assign(process.env, { TWILIO_API_BASE_URL: loopback.url, TWILIO_TIMEOUT_MS: String(TIMEOUT_MS), SENDING_CLAIM_STALE_MS: String(STALE_MS), WORKER_SWEEP_INTERVAL_MS: "300" });
  resetEnvForTests();
  const brand = await createBrand(getDb(), { twilio: creds });
  brandId = brand.id;
  brandNumber = brand.smsNumber;
  caller = createCaller(createApiContext(await createMember(getDb(), brandId)));
  // Same policy as production (retry with exponential backoff), on a 1 s base so the file stays fast:
  // 3 attempts, 1–2 s then 2–4 s apart.
  const boss = await getBoss();
  await boss.updateQueue(QueueName.outbound, { retryLimit: 2, retryDelay: 1, retryBackoff: true });
  await startWorker();
});

afterAll(async () => {
  for (const k of changedVars) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvForTests();
  await loopback.close();
});

async function texting(body: string, misbehave: (to: string) => void = () => {}) {
  const shopper = await createShopper(getDb(), brandId);
  misbehave(shopper.phone);
  const result = await simulateText(getDb(), { brandId, from: shopper.phone, body });
  const reply = await getDb().message.findFirstOrThrow({ where: { brandId, toNumber: shopper.phone, direction: "outbound" } });
  return { shopper, result, reply };
}

/** A teammate's text, queued the only way texts leave Parley, and followed until it settles. */
async function sending(body: string, misbehave: (to: string) => void) {
  const shopper = await createShopper(getDb(), brandId);
  misbehave(shopper.phone);
  const queued = await queueOutbound(getDb(), { brandId, profileId: shopper.id, body, author: "human", purpose: "human", idempotencyKey: `fault:${shopper.id}` });
  return eventually(async () => {
    const m = await getDb().message.findUniqueOrThrow({ where: { id: queued.id } });
    return m.status === "sent" || m.status === "failed" ? m : undefined;
  }, 20_000);
}

const sentEvents = (messageId: string) => getDb().event.count({ where: { brandId, name: "Sent SMS", properties: { path: ["messageId"], equals: messageId } } });
const heldByTwilio = (to: string) => loopback.messages.filter((m) => m.to === to);

// Each case texts its own shopper and scopes Twilio's misbehaviour to that number, so they run side by side.
describe.concurrent("sending through a misbehaving Twilio", () => {
  describe("Twilio answers 429 or 500", () => {
    it("retries with growing delays and sends the reply exactly once when Twilio recovers", async () => {
      const { result, reply } = await texting("hi", (to) => {
        loopback.failNext({ status: 429, code: 20429, message: "Too Many Requests" }, 1, { to });
        loopback.failNext({ status: 500, code: 20500, message: "Internal Server Error" }, 1, { to });
      });

      expect(result.disposition).toBe("agent_replied");
      expect(reply.status).toBe("sent");
      const creates = loopback.creates(reply.toNumber);
      expect(creates).toHaveLength(3);
      const [t0, t1, t2] = creates.map((c) => Date.parse(c.at));
      // Backoff: the second wait is at least the doubled base delay.
      expect(t1! - t0!).toBeGreaterThanOrEqual(1000);
      expect(t2! - t1!).toBeGreaterThanOrEqual(2000);
      expect(heldByTwilio(reply.toNumber).map((m) => m.sid)).toEqual([reply.providerSid]);
      expect(await sentEvents(reply.id)).toBe(1);
    });

    it("marks the reply failed with Twilio's reason after the last attempt, and the conversation page shows it", async () => {
      const { result, reply } = await texting("hello", (to) => loopback.failNext({ status: 429, code: 20429, message: "Too Many Requests" }, 3, { to }));

      expect(reply.status).toBe("failed");
      expect(reply.errorCode).toBe("20429");
      expect(reply.errorMessage).toContain("Too Many Requests");
      expect(loopback.creates(reply.toNumber)).toHaveLength(3);
      expect(heldByTwilio(reply.toNumber)).toHaveLength(0);
      expect(await sentEvents(reply.id)).toBe(0);

      const detail = await caller.conversations.get({ id: result.conversationId! });
      const shown = detail.messages.find((m) => m.id === reply.id);
      expect(shown).toMatchObject({ status: "failed", errorMessage: reply.errorMessage });
      const html = renderToStaticMarkup(createElement(Transcript, { items: buildTimeline(detail, "UTC"), timeZone: "UTC" }));
      expect(html).toContain("Failed to send");
      expect(html).toContain("Too Many Requests");
    });
  });

  describe("Twilio times out", () => {
    it("does not send again when Twilio accepted the text but answered after the timeout", async () => {
      const row = await sending("Your order shipped.", (to) => loopback.delayNext(TIMEOUT_MS + 1000, 1, { to }));

      expect(row.status).toBe("sent");
      // One create (timed out), then the retry asked Twilio's Messages list and adopted the text it found.
      expect(loopback.creates(row.toNumber)).toHaveLength(1);
      expect(loopback.lookups(row.toNumber).length).toBeGreaterThanOrEqual(1);
      expect(loopback.lookups(row.toNumber)[0]!.form).toMatchObject({ To: row.toNumber, From: brandNumber });
      expect(heldByTwilio(row.toNumber).map((m) => m.sid)).toEqual([row.providerSid]);
      expect(row.unconfirmedSendAt).toBeNull();
      expect(await sentEvents(row.id)).toBe(1);
    });

    it("sends once more when Twilio never answered and never kept the text", async () => {
      const row = await sending("Your refund was issued.", (to) => loopback.hangNext({ accept: false }, 1, { to }));

      expect(row.status).toBe("sent");
      expect(loopback.creates(row.toNumber)).toHaveLength(2);
      // Asked before the second create (whose answer came), never after it.
      const lookups = loopback.lookups(row.toNumber);
      expect(lookups.length).toBeGreaterThanOrEqual(1);
      expect(Date.parse(lookups.at(-1)!.at)).toBeLessThanOrEqual(Date.parse(loopback.creates(row.toNumber)[1]!.at));
      expect(heldByTwilio(row.toNumber).map((m) => m.sid)).toEqual([row.providerSid]);
    });

    it("marks the text failed with the timeout when every attempt times out and Twilio has nothing", async () => {
      const row = await sending("Anyone there?", (to) => loopback.hangNext({ accept: false }, 3, { to }));

      expect(row.status).toBe("failed");
      expect(row.errorCode).toBe("twilio_timeout");
      expect(row.errorMessage).toContain(`did not answer within ${TIMEOUT_MS} ms`);
      // Every retry asked Twilio first (the hung creates left nothing there), then sent.
      expect(loopback.creates(row.toNumber).length).toBeGreaterThanOrEqual(2);
      expect(loopback.lookups(row.toNumber).length).toBeGreaterThanOrEqual(loopback.creates(row.toNumber).length - 1);
      expect(heldByTwilio(row.toNumber)).toHaveLength(0);
    });

    it("adopts the text when the last attempt times out but Twilio kept it", async () => {
      const row = await sending("Last try.", (to) => {
        loopback.failNext({ status: 500, code: 20500, message: "Internal Server Error" }, 2, { to });
        loopback.hangNext({ accept: true }, 1, { to });
      });

      expect(row.status).toBe("sent");
      expect(loopback.creates(row.toNumber)).toHaveLength(3);
      expect(heldByTwilio(row.toNumber).map((m) => m.sid)).toEqual([row.providerSid]);
    });
  });

  describe("a sender that died mid-send", () => {
    async function abandonedClaim(body: string, claimedAt = new Date(Date.now() - STALE_MS - 1000), profile?: { id: string; phone: string }) {
      const shopper = profile ?? (await createShopper(getDb(), brandId));
      return getDb().message.create({
        data: { brandId, profileId: shopper.id, direction: "outbound", author: "human", purpose: "human", body, encoding: "GSM-7", segments: 1, status: "sending", claimedAt, fromNumber: brandNumber, toNumber: shopper.phone, idempotencyKey: `abandoned:${shopper.id}` },
      });
    }
    const settled = (id: string) =>
      eventually(async () => {
        const m = await getDb().message.findUniqueOrThrow({ where: { id } });
        return m.status === "sent" ? m : undefined;
      });

    it("is reconciled by the sweeper: a text Twilio already has is adopted, not sent again", async () => {
      // The dead process got as far as Twilio: the text is there, the row never learned its sid.
      const shopper = await createShopper(getDb(), brandId);
      const body = "Your order shipped today.";
      const atTwilio = await selectTransport(await getDb().brand.findUniqueOrThrow({ where: { id: brandId } })).send({ from: brandNumber, to: shopper.phone, body });
      const row = await abandonedClaim(body, undefined, shopper);

      const after = await settled(row.id);

      expect(after.providerSid).toBe(atTwilio.providerSid);
      expect(loopback.creates(row.toNumber)).toHaveLength(1); // the dead process's own send, nothing after it
      expect(loopback.lookups(row.toNumber)).toHaveLength(1);
    });

    it("is reconciled by the sweeper: a text Twilio never got is sent once", async () => {
      const row = await abandonedClaim("Your refund is on its way.");

      const after = await settled(row.id);

      expect(loopback.creates(row.toNumber)).toHaveLength(1);
      expect(heldByTwilio(row.toNumber).map((m) => m.sid)).toEqual([after.providerSid]);
    });

    it("leaves a fresh claim alone (its sender may still be waiting for Twilio)", async () => {
      const row = await abandonedClaim("Still sending", new Date());
      await new Promise((r) => setTimeout(r, 1000));
      expect((await getDb().message.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("sending");
      expect(loopback.requests.filter((r) => r.form.To === row.toNumber)).toHaveLength(0);
      await getDb().message.update({ where: { id: row.id }, data: { status: "sent" } });
    });
  });
});
