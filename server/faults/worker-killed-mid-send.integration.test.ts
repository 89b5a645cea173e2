/**
 * Fault: the worker process is killed (SIGKILL: no cleanup, like an OOM kill or a power cut) after
 * the agent decided and before the send, then again right after Twilio accepted the text but before
 * the row recorded it. Real `npm run worker` processes (node + tsx, server/cli/worker.ts) on this
 * file's PostgreSQL database, killed at PARLEY_FAILPOINT (server/jobs/failpoint.ts); Twilio is the
 * loopback in this process. Asserted: on restart the reply reaches Twilio exactly once and the row
 * ends sent with Twilio's sid; the text is processed (agent_replied); one reply row; the model was asked once.
 * PostgreSQL only: PGlite is one process's database, so a separate worker process cannot share it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { resetEnvForTests } from "../env";
import { receiveInbound } from "../inbound";
import { createBrand, createShopper, eventually, messageSid, twilioCredentials } from "../testing/fixtures";
import { startTwilioLoopback, type TwilioLoopback } from "../testing/twilio-loopback";

const isPostgres = process.env.TEST_BACKEND === "postgres";
const root = path.resolve(import.meta.dirname, "../..");
const STALE_MS = 2000;

type Worker = { child: ChildProcess; output: string[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };
const running: Worker[] = [];

/** `npm run worker`, without npm in between, so the signal reaches the worker itself. */
function startWorkerProcess(failpoint?: "before_transport_send" | "after_transport_send"): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", "server/cli/worker.ts"], {
    cwd: root,
    env: {
      ...process.env,
      // process.env already names this file's database (DATABASE_URL) and the loopback Twilio.
      PARLEY_FAILPOINT: failpoint ?? "",
      TWILIO_TIMEOUT_MS: "1000",
      SENDING_CLAIM_STALE_MS: String(STALE_MS),
      WORKER_SWEEP_INTERVAL_MS: "500",
      WORKER_MODE: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (d) => output.push(String(d)));
  child.stderr!.on("data", (d) => output.push(String(d)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const worker = { child, output, exited };
  running.push(worker);
  return worker;
}

async function killedAtFailpoint(worker: Worker) {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the worker did not reach its failpoint:\n${worker.output.join("")}`)), 25_000));
  const exit = await Promise.race([worker.exited, timeout]);
  expect(exit.signal, worker.output.join("")).toBe("SIGKILL");
}

/** The next worker must see the claim as a dead sender's, not a live one's. */
async function untilClaimIsStale(messageId: string) {
  const row = await getDb().message.findUniqueOrThrow({ where: { id: messageId } });
  const wait = row.claimedAt!.getTime() + STALE_MS + 100 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

let loopback: TwilioLoopback;
const savedBase = process.env.TWILIO_API_BASE_URL;

beforeAll(async () => {
  if (!isPostgres) return;
  const creds = twilioCredentials();
  loopback = await startTwilioLoopback({ accounts: { [creds.accountSid]: creds.authToken } });
  process.env.TWILIO_API_BASE_URL = loopback.url;
  resetEnvForTests();
  const brand = await createBrand(getDb(), { twilio: creds });
  const shopper = await createShopper(getDb(), brand.id);
  fixture = { brandId: brand.id, brandNumber: brand.smsNumber, shopperPhone: shopper.phone };
});
let fixture: { brandId: string; brandNumber: string; shopperPhone: string };

afterAll(async () => {
  for (const w of running) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
  await Promise.all(running.map((w) => w.exited));
  if (savedBase === undefined) delete process.env.TWILIO_API_BASE_URL;
  else process.env.TWILIO_API_BASE_URL = savedBase;
  resetEnvForTests();
  await loopback?.close();
});

describe.skipIf(!isPostgres)("a worker killed mid-send (separate worker processes: PostgreSQL only; PGlite is one process's database)", () => {
  it("sends the reply exactly once after being killed before the send and again right after it", async () => {
    const db = getDb();
    // Twilio's webhook stored and queued the text (this process runs no worker).
    const received = await receiveInbound(db, { messageSid: messageSid(), from: fixture.shopperPhone, to: fixture.brandNumber, body: "where is my order?" });

    // 1. Killed after the agent decided (the reply row exists and is claimed), before Twilio was called.
    await killedAtFailpoint(startWorkerProcess("before_transport_send"));
    const reply = await db.message.findFirstOrThrow({ where: { inReplyToId: received.messageId, direction: "outbound" } });
    expect(reply.status).toBe("sending");
    expect(loopback.creates()).toHaveLength(0);

    // 2. The next worker reconciles the dead claim (Twilio has nothing), sends, and is killed right
    //    after Twilio accepted, before the row learned the sid.
    await untilClaimIsStale(reply.id);
    await killedAtFailpoint(startWorkerProcess("after_transport_send"));
    expect(loopback.creates()).toHaveLength(1);
    expect(loopback.lookups(fixture.shopperPhone)).toHaveLength(1);
    expect((await db.message.findUniqueOrThrow({ where: { id: reply.id } })).status).toBe("sending");

    // 3. A healthy worker finds the text at Twilio and adopts it instead of sending it again.
    await untilClaimIsStale(reply.id);
    const healthy = startWorkerProcess();
    const sent = await eventually(async () => {
      const m = await db.message.findUniqueOrThrow({ where: { id: reply.id } });
      return m.status === "sent" ? m : undefined;
    }, 20_000);
    // The inbound job the first kill interrupted, if it was still settling the conversation, is retried
    // once its heartbeat lapses (about ten seconds); its re-run finds the turn and the reply already there.
    const inbound = await eventually(async () => {
      const m = await db.message.findUniqueOrThrow({ where: { id: received.messageId } });
      return m.processedAt ? m : undefined;
    }, 40_000);
    expect(inbound.disposition).toBe("agent_replied");

    expect(loopback.messages).toHaveLength(1);
    expect(sent.providerSid).toBe(loopback.messages[0]!.sid);
    expect(loopback.creates()).toHaveLength(1);
    expect(loopback.creates()[0]!.form).toMatchObject({ To: fixture.shopperPhone, From: fixture.brandNumber, Body: reply.body });
    expect(await db.message.count({ where: { inReplyToId: received.messageId, direction: "outbound" } })).toBe(1);
    expect(await db.agentTurn.count({ where: { inboundMessageId: received.messageId } })).toBe(1);
    // markSent records the sid, then the event: the worker may still be between the two.
    await eventually(async () => (await db.event.count({ where: { brandId: fixture.brandId, name: "Sent SMS" } })) > 0);
    expect(await db.event.count({ where: { brandId: fixture.brandId, name: "Sent SMS" } })).toBe(1);

    healthy.child.kill("SIGTERM");
    expect((await healthy.exited).code).toBe(0);
    expect(loopback.creates()).toHaveLength(1);
  }, 90_000);
});
