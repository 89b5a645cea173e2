/**
 * The job queue: pg-boss on the app's own database (PGlite in embedded mode, PostgreSQL
 * otherwise). Queues:
 *   inbound.process  one inbound text through the pipeline; FIFO per shopper (key_strict_fifo
 *                    on brand + sender), so two quick texts from one person are handled in order.
 *   outbound.send    one outbound message row through its transport, retried with backoff.
 */
import { PgBoss, fromPglite } from "pg-boss";
import { env } from "../env";
import { openPglite } from "../db/pglite";

export const QueueName = { inbound: "inbound.process", outbound: "outbound.send" } as const;

type Holder = { boss?: PgBoss; starting?: Promise<PgBoss> };
const holder = ((globalThis as Record<string, unknown>).__parleyBoss ??= {}) as Holder;

async function createBoss(): Promise<PgBoss> {
  const e = env();
  const boss = e.DATABASE_URL
    ? new PgBoss({ connectionString: e.DATABASE_URL, max: 5, useListenNotify: true })
    : new PgBoss({ db: fromPglite(openPglite(e.PGLITE_DATA_DIR)), backend: "pglite", useListenNotify: true, schedule: false });
  boss.on("error", (error) => console.error("[queue]", error));
  await boss.start();
  await ensureQueue(boss, QueueName.inbound, {
    policy: "key_strict_fifo",
    notify: true,
    retryLimit: 3,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 120,
  });
  await ensureQueue(boss, QueueName.outbound, {
    notify: true,
    retryLimit: 4,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 60,
  });
  return boss;
}

async function ensureQueue(boss: PgBoss, name: string, options: Parameters<PgBoss["createQueue"]>[1]) {
  if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
}

/** The process's queue client, started on first use. */
export async function getBoss(): Promise<PgBoss> {
  if (holder.boss) return holder.boss;
  holder.starting ??= createBoss().then((boss) => (holder.boss = boss));
  return holder.starting;
}

export async function stopBoss(): Promise<void> {
  const boss = holder.boss ?? (holder.starting ? await holder.starting.catch(() => undefined) : undefined);
  holder.boss = undefined;
  holder.starting = undefined;
  if (boss) await boss.stop({ graceful: true, timeout: 5000, close: true });
}

export async function enqueueInbound(messageId: string, shopperKey: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(QueueName.inbound, { messageId }, { singletonKey: shopperKey });
}

export async function enqueueOutbound(messageId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(QueueName.outbound, { messageId });
}
