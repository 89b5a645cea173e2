/**
 * 4. Queries per unit of work, counted exactly (the one figure a busy machine cannot blur): the
 * SQL statements one signed webhook, one text through the pipeline and one send make, counted at
 * node-postgres' Client.query in this process (the app's Prisma pool and the queue's pool alike),
 * on a fresh PostgreSQL database with the demo brand. The pipeline and the send are called
 * directly, as the worker's job handlers call them; the queue's own fetch and completion, which a
 * worker spreads over a batch, are not in these counts.
 */
import pg from "pg";
import { BENCH_SECRETS } from "./app-processes";
import { createBenchDatabase } from "./bench-database";
import { answerableText, demoBrand, seedSubscribedShoppers } from "./bench-data";
import { DEMO_BRAND_NUMBER } from "./bench-constants";
import { machineSetup } from "./machine-setup";
import { emitFigure, round, say } from "./report";
import { benchShopperPhone, signedInbound } from "./signed-webhook";

const SAMPLES = 20;
const PORT = 3505;

type QueryFn = (...args: unknown[]) => unknown;

/** Counts every statement sent through node-postgres while `fn` runs; returns the SQL (first words). */
function countingQueries(): { take(): string[]; restore(): void } {
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  let seen: string[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    const text = typeof q === "string" ? q : (q?.text ?? "");
    seen.push(text.replace(/\s+/g, " ").trim().slice(0, 60));
    return original.apply(this, args);
  };
  return {
    take: () => {
      const s = seen;
      seen = [];
      return s;
    },
    restore: () => {
      proto.query = original;
    },
  };
}

export async function queriesBench(opts: { adminUrl: string }): Promise<void> {
  const database = await createBenchDatabase(opts.adminUrl, "queries");
  const counter = countingQueries();
  // This process becomes an app process on the bench database (env() is read on first use).
  Object.assign(process.env, { ...BENCH_SECRETS, DATABASE_URL: database.url, WORKER_MODE: "off", PUBLIC_URL: `http://127.0.0.1:${PORT}` });
  const { startTwilioLoopback } = await import("../testing/twilio-loopback");
  const loopback = await startTwilioLoopback({ port: 3513 });
  process.env.TWILIO_API_BASE_URL = loopback.url;
  const { resetEnvForTests } = await import("../env");
  resetEnvForTests();
  const { applyMigrations } = await import("../db/migrate");
  const { getDb, closeDb } = await import("../db");
  const { getBoss, stopBoss } = await import("../jobs");
  try {
    await applyMigrations();
    const { seedDemo } = await import("../../prisma/seed");
    await seedDemo(getDb(), { password: "parley-bench", twilio: { accountSid: BENCH_SECRETS.DEMO_TWILIO_ACCOUNT_SID, authToken: BENCH_SECRETS.DEMO_TWILIO_AUTH_TOKEN } });
    const brand = await demoBrand(database.url);
    await seedSubscribedShoppers(database.url, brand.id, 1, SAMPLES);
    await getBoss();
    const { handleInboundWebhook } = await import("../inbound");
    const { processInbound } = await import("../inbound");
    const { deliverOutbound } = await import("../outbound");
    const perWebhook: number[] = [];
    const perText: number[] = [];
    const perSend: number[] = [];
    let lastText: string[] = [];
    let lastSend: string[] = [];
    counter.take();
    for (let i = 1; i <= SAMPLES; i++) {
      const signed = signedInbound({ publicUrl: `http://127.0.0.1:${PORT}`, authToken: BENCH_SECRETS.DEMO_TWILIO_AUTH_TOKEN, from: benchShopperPhone(i), to: DEMO_BRAND_NUMBER, body: answerableText(i) });
      const params = Object.fromEntries(new URLSearchParams(signed.body));
      const received = await handleInboundWebhook(getDb(), { url: `http://127.0.0.1:${PORT}/api/twilio/inbound`, signature: signed.signature, params });
      perWebhook.push(counter.take().length);
      await processInbound(getDb(), received.messageId);
      lastText = counter.take();
      perText.push(lastText.length);
      const replies = await getDb().message.findMany({ where: { inReplyToId: received.messageId }, select: { id: true } });
      counter.take();
      for (const reply of replies) {
        await deliverOutbound(getDb(), reply.id, { isLastAttempt: false });
        lastSend = counter.take();
        perSend.push(lastSend.length);
      }
    }
    const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length), 1);
    // The first webhook reads the brand (then cached); the first text of a process warms nothing else.
    emitFigure(
      {
        bench: "queries",
        backend: "postgres",
        samples: SAMPLES,
        perWebhook: mean(perWebhook.slice(1)),
        perWebhookFirst: perWebhook[0],
        perText: mean(perText),
        perSend: mean(perSend),
        repliesSent: loopback.requests.length,
        textStatements: lastText,
        sendStatements: lastSend,
        setup: { ...(await machineSetup(opts.adminUrl)), texts: "product and help-center questions from subscribed shoppers (agent_replied)" },
      },
      `queries: ${mean(perWebhook.slice(1))} per webhook (first ${perWebhook[0]}), ${mean(perText)} per text through the pipeline, ${mean(perSend)} per send`,
    );
  } finally {
    counter.restore();
    await stopBoss().catch(() => undefined);
    await closeDb().catch(() => undefined);
    await loopback.close();
    await database.drop();
    say("queries: cleaned up");
  }
}
