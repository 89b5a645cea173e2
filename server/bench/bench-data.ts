/**
 * Data the benchmarks need beside what `npm start` seeds (the demo brand with Twilio credentials):
 * subscribed shoppers in bulk (one INSERT … SELECT generate_series), and progress counters read
 * straight from the tables.
 */
import pg from "pg";

/** Questions the built-in model answers from the demo store's catalogue and help center. */
export const ANSWERABLE_TEXTS = [
  "do you have a waterproof rain jacket?",
  "what's your return policy?",
  "do you ship to Canada",
  "store hours?",
  "recommend a gift under $50",
  "looking for a warm fleece",
  "how long does shipping take?",
  "do you sell hiking boots?",
] as const;

export function answerableText(i: number): string {
  return ANSWERABLE_TEXTS[i % ANSWERABLE_TEXTS.length]!;
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function demoBrand(url: string): Promise<{ id: string; smsNumber: string }> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ id: string; smsNumber: string }>(`SELECT id, "smsNumber" FROM "Brand" WHERE slug = 'juniper-outdoor'`);
    if (!rows[0]) throw new Error("the demo brand was not seeded");
    return rows[0];
  });
}

/** Shoppers benchShopperPhone(from) (signed-webhook.ts numbers them the same way) … benchShopperPhone(from + count - 1), subscribed to SMS. */
export async function seedSubscribedShoppers(url: string, brandId: string, from: number, count: number): Promise<void> {
  await withClient(url, (c) =>
    c.query(
      `INSERT INTO "Profile" (id, "brandId", phone, "firstName", "smsConsent", "updatedAt")
       SELECT 'bench' || i, $1, '+1720' || lpad(i::text, 7, '0'), 'Sam', 'subscribed', now()
       FROM generate_series($2::int, $3::int) AS i`,
      [brandId, from, from + count - 1],
    ),
  );
}

export type InboundProgress = { stored: number; processed: number; dispositions: Record<string, number> };

export async function inboundProgress(c: pg.Client | pg.Pool, since: Date): Promise<InboundProgress> {
  const { rows } = await c.query<{ disposition: string | null; n: string; processed: string }>(
    `SELECT disposition, count(*) AS n, count("processedAt") AS processed FROM "Message"
     WHERE direction = 'inbound' AND "createdAt" >= $1 GROUP BY disposition`,
    [since],
  );
  const dispositions: Record<string, number> = {};
  let stored = 0;
  let processed = 0;
  for (const r of rows) {
    stored += Number(r.n);
    processed += Number(r.processed);
    if (r.disposition) dispositions[r.disposition] = Number(r.n);
  }
  return { stored, processed, dispositions };
}

/** Jobs waiting (created or retry) per queue: the queue depth. */
export async function queueDepth(c: pg.Client | pg.Pool): Promise<Record<string, number>> {
  const { rows } = await c.query<{ name: string; n: string }>(
    `SELECT name, count(*) AS n FROM pgboss.job WHERE state IN ('created', 'retry') GROUP BY name`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}
