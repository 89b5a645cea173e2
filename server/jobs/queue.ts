/**
 * The job queue: pg-boss on the app's own database (PGlite in embedded mode, PostgreSQL
 * otherwise). Queues:
 *   inbound.process  one inbound text through the pipeline; FIFO per shopper (key_strict_fifo
 *                    on brand + sender), so two quick texts from one person are handled in order.
 *   outbound.send    one outbound message row through its transport, retried with backoff.
 *   helpdesk.deliver one handoff ticket to the brand's helpdesk. One job per ticket (policy
 *                    "exclusive" on the ticket id), retried with backoff; each attempt is a
 *                    HandoffDelivery row, and after the last one the ticket stays in the inbox.
 */
import { PgBoss, fromPglite } from "pg-boss";
import { env } from "../env";
import { openPglite } from "../db/pglite";

/** pg-boss's default schema, where its job table lives. */
export const BOSS_SCHEMA = "pgboss";

export const QueueName = { inbound: "inbound.process", outbound: "outbound.send", handoff: "helpdesk.deliver" } as const;

/**
 * Helpdesk deliveries: 1 try + 5 retries spread over about ten minutes (20 s, 40 s, 80 s… capped at
 * 5 min), long enough to ride out a helpdesk's brief outage, short enough that a person soon sees
 * a handoff that could not be delivered.
 */
export const HANDOFF_RETRY = { retryLimit: 5, retryDelay: 20, retryBackoff: true, retryDelayMax: 300 } as const;

type Holder = { boss?: PgBoss; starting?: Promise<PgBoss> };
const holder = ((globalThis as Record<string, unknown>).__parleyBoss ??= {}) as Holder;

async function createBoss(): Promise<PgBoss> {
  const e = env();
  // Jobs whose heartbeat stopped (see JOB_HEARTBEAT) are failed, and so retried, within about ten seconds.
  const supervision = { superviseIntervalSeconds: 10, monitorIntervalSeconds: 10 };
  const boss = e.DATABASE_URL
    ? new PgBoss({ connectionString: e.DATABASE_URL, max: 5, useListenNotify: true, ...supervision })
    : new PgBoss({ db: fromPglite(openPglite(e.PGLITE_DATA_DIR)), backend: "pglite", useListenNotify: true, schedule: false, ...supervision });
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
  await ensureQueue(boss, QueueName.handoff, {
    policy: "exclusive",
    notify: true,
    ...HANDOFF_RETRY,
    // A delivery makes a handful of requests of at most 15 s each.
    expireInSeconds: 300,
  });
  return boss;
}

async function ensureQueue(boss: PgBoss, name: string, options: Parameters<PgBoss["createQueue"]>[1]) {
  if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
}

const ensuredQueues = new WeakMap<PgBoss, Set<string>>();

/**
 * Creates a domain's queue once per queue client (a domain's own queue, e.g. campaigns, is created
 * where it is first used: the web process may enqueue before any worker ran).
 */
export async function ensureQueueOnce(boss: PgBoss, name: string, options: Parameters<PgBoss["createQueue"]>[1]): Promise<void> {
  const ensured = ensuredQueues.get(boss) ?? new Set<string>();
  ensuredQueues.set(boss, ensured);
  if (ensured.has(name)) return;
  await ensureQueue(boss, name, options);
  ensured.add(name);
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

/**
 * A job claimed by a worker that then vanished — killed mid-job, or its claim lost with the database
 * connection before the rows reached it — would stay "active" until it expires (minutes), and on the
 * inbound queue hold the shopper's FIFO key that long. With a heartbeat (pg-boss refreshes it while
 * the handler runs) such a job is failed and retried once its heartbeat is this many seconds stale.
 */
const JOB_HEARTBEAT = { heartbeatSeconds: 10 } as const;

/**
 * Queues one inbound text, held back `pauseMs` (the agent's reply pause). Per-shopper order is
 * strict (key_strict_fifo), but pg-boss picks each key's head among the jobs already due, so a text
 * queued with no pause would overtake the shopper's earlier, paused ones: with `flushKey` the
 * shopper's waiting texts are made due now first, and everything runs in the order it arrived.
 */
export async function enqueueInbound(messageId: string, shopperKey: string, opts: { pauseMs?: number; flushKey?: boolean } = {}): Promise<void> {
  const boss = await getBoss();
  if (opts.flushKey) {
    await boss.getDb().executeSql(
      `UPDATE ${BOSS_SCHEMA}.job SET start_after = now() WHERE name = $1 AND singleton_key = $2 AND state = 'created' AND start_after > now()`,
      [QueueName.inbound, shopperKey],
    );
  }
  const startAfter = opts.pauseMs ? new Date(Date.now() + opts.pauseMs) : undefined;
  await boss.send(QueueName.inbound, { messageId }, { singletonKey: shopperKey, ...JOB_HEARTBEAT, ...(startAfter ? { startAfter } : {}) });
}

export async function enqueueOutbound(messageId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(QueueName.outbound, { messageId }, JOB_HEARTBEAT);
}

/**
 * Queues the delivery of a handoff ticket. Keyed by the ticket id on an "exclusive" queue: while a
 * delivery of this ticket is queued, retrying or running, another send is refused (returns null),
 * so a ticket is never delivered by two jobs at once. Retry timing may be overridden per job.
 */
export async function enqueueHandoffDelivery(ticketId: string, retry: Partial<{ retryLimit: number; retryDelay: number; retryBackoff: boolean; retryDelayMax: number }> = {}): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(QueueName.handoff, { ticketId }, { singletonKey: ticketId, ...retry });
}
