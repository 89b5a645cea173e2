/**
 * The generator: one brand with 1,000,000 profiles and 20,000,000 events, written by PostgreSQL
 * itself in a few `INSERT … SELECT generate_series` statements (no rows travel through Node).
 *
 * What it writes (counts in scale-config.ts; the same random seed gives the same data):
 * - Profile: E.164 numbers (+1, 798 area codes), first/last names from the seed's kind of lists,
 *   an email on 3 in 4, consent 85% subscribed / 5% unsubscribed / 10% never subscribed,
 *   properties { city (10 cities), vip (1 in 6, as the demo seed), signupSource }.
 * - Campaign: one every 15 days over the year (status sent); Message: one outbound row per
 *   recipient (about 23.5% of subscribers each time, 96% delivered), sent over 40 minutes.
 * - Event, with the app's names and properties:
 *   Changed SMS Consent (signup, unsubscribe) · Sent SMS for each delivered campaign text
 *   (author system, messageId = the Message row) · conversations: Received SMS → Started Customer
 *   Agent Conversation → Sent SMS (author agent, 2–10 s later), 1–3 exchanges, then Resolved (70%,
 *   plus expired ones) or Escalated (outcome escalated / closed_out / failed), with skill
 *   order_status / product_recommendation / faq / other / workflow:<name>, and Received Product
 *   Recommendation on recommendation conversations; 3% of campaign recipients reply and start one
 *   (sourceCampaignId) · Placed Order { orderNumber, value, currency, itemCount }, some within a day
 *   of an agent reply (attributed), most not · the rest: other texts (Received SMS, Sent SMS by
 *   system) to reach the event count.
 * - Times spread over a year, denser toward now (age = 365 d × u^1.25: about 13% in the last 30 days);
 *   activity skewed toward some shoppers (profile = 1 + ⌊(N−1)·u^1.5⌋).
 * - Segments: the demo seed's (VIP shoppers, Ordered in the last 30 days, the ready-made examples);
 *   agent settings restricted to two of them (segments_in) so the eligibility stage has work.
 * Not generated: Conversation and Message rows for agent conversations, CampaignRecipient rows —
 * the measured queries read the Event table, and Message only for campaign texts.
 *
 * Loading: secondary indexes of Profile, Message and Event are dropped first and rebuilt after
 * (faster than maintaining them row by row), foreign-key triggers are off for the session
 * (session_replication_role = replica; the rows are consistent by construction), then VACUUM ANALYZE.
 * Before the indexes are rebuilt, the Event table is rewritten in "occurredAt" order (orderEventsByTime:
 * production's table is appended as things happen, the inserts here are kind by kind in random time
 * order); data generated before that step is reordered once by the runner.
 */
import type pg from "pg";
import { EventName } from "../../analytics/event-names";
import { demoSegments as demoSegmentList } from "../../segments/segment-examples";
import { benchBrand, scale } from "./scale-config";

type Log = (line: string) => void;

const LOADED_TABLES = ["Profile", "Message", "Event"] as const;

const firstNames = ["Avery", "Jordan", "Riley", "Morgan", "Casey", "Taylor", "Quinn", "Harper", "Rowan", "Sage", "Emma", "Liam", "Olivia", "Noah", "Ava", "Elijah", "Mia", "Lucas", "Sofia", "Mateo", "Isabella", "Ethan", "Amara", "Kenji", "Priya", "Diego", "Fatima", "Chen", "Aisha", "Luca", "Nora", "Omar", "Zoe", "Ravi", "Lena", "Hugo", "Maya", "Theo", "Ines", "Kai"];
const lastNames = ["Nguyen", "Garcia", "Smith", "Johnson", "Brown", "Okafor", "Kim", "Patel", "Rossi", "Müller", "Silva", "Cohen", "Martin", "Lopez", "Walker", "Young", "Hall", "Allen", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Ramirez", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Flores", "Morris"];
const cities = ["Portland", "Denver", "Austin", "Boston", "Seattle", "Chicago", "Atlanta", "Phoenix", "Miami", "Minneapolis"];
const shopperTexts = ["where is my order?", "Do you have the trail runner in size 9?", "what's your return policy", "can I change my shipping address", "Is the rain shell waterproof?", "I need a gift for my dad who hikes", "when will my package arrive", "do you ship to Canada?"];
const otherTexts = ["Thanks!", "ok", "👍", "STOP", "START", "HELP", "Love it", "lol"];

const sqlList = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")}]`;
/** A profile's id and number from its ordinal n (the generator's only key). */
const profileId = (n: string) => `('cbp' || lpad((${n})::text, 22, '0'))`;
const phoneOf = (n: string) => `('+1' || (201 + (${n}) % 798)::text || (2000000 + (${n}) / 798)::text)`;
/** A skewed pick of an active shopper: a few profiles text a lot, most rarely. */
const skewedProfileOf = (profiles: number) => `(1 + floor(${profiles - 1} * power(random(), 1.5))::int)`;
/** An instant in the last year, denser toward now. */
const spreadAtOf = (days: number) => (now: string) => `(${now} - make_interval(secs => ${days * 86400} * power(random(), 1.25)))`;
const eventId = `('cbe' || lpad(nextval('bench_event_id')::text, 22, '0'))`;
const EVENT_COLUMNS = `(id, "brandId", "profileId", name, properties, "dedupeKey", "occurredAt")`;

export type GenerationReport = { seconds: number; steps: { step: string; seconds: number; rows: number }[] };

export type ScaleSize = { [K in keyof typeof scale]: number };

/** Another session may end ours (an administrator's pg_terminate_backend); each statement is all-or-nothing, so it is repeated. */
function isConnectionLost(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "57P01" || /Connection terminated|ECONNRESET|not queryable/i.test(e?.message ?? "");
}

/** Session settings for a bulk load only; the server's configuration is left alone. */
const LOAD_SETTINGS = ["SET session_replication_role = replica", "SET maintenance_work_mem = '512MB'", "SET work_mem = '256MB'", "SET synchronous_commit = off"];

export async function generateScaleData(connect: () => Promise<pg.Client>, log: Log, opts: { now?: Date; size?: ScaleSize } = {}): Promise<GenerationReport> {
  const now = opts.now ?? new Date();
  const size = opts.size ?? scale;
  const skewedProfile = skewedProfileOf(size.profiles);
  const spreadAt = spreadAtOf(size.days);
  const started = Date.now();
  let client = await connect();
  for (const setting of LOAD_SETTINGS) await client.query(setting);
  async function run(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await client.query(sql, params);
      } catch (error) {
        if (!isConnectionLost(error) || attempt >= 5) throw error;
        log(`  connection lost (${(error as Error).message}); reconnecting and repeating the statement`);
        await client.end().catch(() => undefined);
        client = await connect();
        for (const setting of LOAD_SETTINGS) await client.query(setting);
      }
    }
  }
  const steps: GenerationReport["steps"] = [];
  let events = 0;
  const nowSql = `'${now.toISOString().replace("Z", "")}'::timestamp`;
  const brand = benchBrand.id;

  async function step(name: string, sql: string, params: unknown[] = []): Promise<number> {
    const t = Date.now();
    log(`  ${name}…`);
    const result = await run(sql, params);
    const seconds = (Date.now() - t) / 1000;
    const rows = result.rowCount ?? 0;
    steps.push({ step: name, seconds, rows });
    if (/events|texts|lifecycle|orders/i.test(name) && !name.includes("(temp)")) events += rows;
    log(`  ${name}: ${rows.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s (${((Date.now() - started) / 1000).toFixed(0)} s so far)`);
    return rows;
  }

  const indexes = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype = 'p')`,
    [LOADED_TABLES],
  );
  for (const index of indexes.rows) await run(`DROP INDEX IF EXISTS "${index.indexname}"`);
  log(`  dropped ${indexes.rowCount} secondary indexes on ${LOADED_TABLES.join(", ")} for the load`);

  await run(`DROP TABLE IF EXISTS bench_sub, bench_campaign, bench_send, bench_conv`);
  await run(`DROP SEQUENCE IF EXISTS bench_event_id`);
  await run(`CREATE SEQUENCE bench_event_id CACHE 1000`);
  await run("SELECT setseed(0.4242)");

  await step(
    "brand",
    `INSERT INTO "Brand" (id, name, slug, "timeZone", industry, "smsNumber", "senderType", "messagesPerSecond", "updatedAt")
     VALUES ($1, $2, $3, $4, 'outdoor', $5, 'short_code', 100, ${nowSql})`,
    [brand, benchBrand.name, benchBrand.slug, benchBrand.timeZone, benchBrand.smsNumber],
  );

  await step(
    "profiles",
    `INSERT INTO "Profile" (id, "brandId", phone, "firstName", "lastName", email, properties, "smsConsent", "createdAt", "updatedAt")
     SELECT ${profileId("n")}, $1, ${phoneOf("n")}, f, l,
       CASE WHEN e < 0.75 THEN lower(f || '.' || l || n::text || '@example.com') END,
       jsonb_build_object('city', (${sqlList(cities)})[1 + (n * 7) % 10], 'vip', n % 6 = 0,
         'signupSource', (ARRAY['checkout', 'popup', 'keyword', 'import'])[1 + floor(s * 4)::int]),
       (CASE WHEN c < 0.85 THEN 'subscribed' WHEN c < 0.90 THEN 'unsubscribed' ELSE 'never_subscribed' END)::"SmsConsent",
       created, created
     FROM (
       SELECT n, random() AS e, random() AS s, random() AS c,
         (${sqlList(firstNames)})[1 + floor(random() * ${firstNames.length})::int] AS f,
         (${sqlList(lastNames)})[1 + floor(random() * ${lastNames.length})::int] AS l,
         ${nowSql} - make_interval(secs => 2 * 365 * 86400 * random()) AS created
       FROM generate_series(1, $2::int) n
     ) r`,
    [brand, size.profiles],
  );

  await step(
    "consent events",
    `INSERT INTO "Event" ${EVENT_COLUMNS}
     SELECT ${eventId}, $1, p.id, '${EventName.consentChanged}', v.props, v.dedupe, v.at
     FROM "Profile" p
     CROSS JOIN LATERAL (VALUES
       (jsonb_build_object('from', 'never_subscribed', 'to', 'subscribed', 'source', p.properties->>'signupSource'), 'consent:' || p.id || ':in', p."createdAt"),
       (CASE WHEN p."smsConsent" = 'unsubscribed' THEN jsonb_build_object('from', 'subscribed', 'to', 'unsubscribed', 'source', 'keyword') END,
        'consent:' || p.id || ':out', p."createdAt" + (${nowSql} - p."createdAt") * 0.7)
     ) v(props, dedupe, at)
     WHERE p."brandId" = $1 AND p."smsConsent" <> 'never_subscribed' AND v.props IS NOT NULL`,
    [brand],
  );

  await run(
    `CREATE UNLOGGED TABLE bench_sub AS SELECT substr(id, 4)::int AS n FROM "Profile" WHERE "brandId" = $1 AND "smsConsent" = 'subscribed'`,
    [brand],
  );
  await run(
    `CREATE UNLOGGED TABLE bench_campaign AS
     SELECT k, 'cbc' || lpad(k::text, 22, '0') AS id,
       date_trunc('day', ${nowSql}) - make_interval(days => 358 - 15 * k) + interval '17 hours' AS at
     FROM generate_series(0, ${size.campaigns - 1}) k`,
  );
  await step(
    "campaigns",
    `INSERT INTO "Campaign" (id, "brandId", name, body, status, "scheduledAt", "startedAt", "finishedAt", "createdAt", "updatedAt")
     SELECT id, $1, 'Drop ' || (k + 1) || ': ' || (ARRAY['New trail runners', 'Weekend sale', 'Rain gear restock', 'Gift guide', 'Members early access', 'Camp kitchen'])[1 + k % 6],
       'Summit Supply: {{ first_name | default: "hey" }}, ' || (ARRAY['new trail runners just dropped', '20% off this weekend', 'rain shells are back', 'gifts for hikers'])[1 + k % 4] || '. Reply to chat. STOP to opt out',
       'sent', at, at, at + interval '40 minutes', at - interval '2 days', at + interval '40 minutes'
     FROM bench_campaign`,
    [brand],
  );
  await step(
    "campaign sends (temp)",
    `CREATE UNLOGGED TABLE bench_send AS
     SELECT row_number() OVER () AS s, c.id AS campaign, c.k, b.n, c.at + make_interval(secs => 2400 * random()) AS at,
       (CASE WHEN random() < 0.96 THEN 'delivered' WHEN random() < 0.5 THEN 'sent' ELSE 'undelivered' END)::"MessageStatus" AS status
     FROM bench_campaign c CROSS JOIN bench_sub b
     WHERE random() < ${size.campaignReach}`,
  );
  await step(
    "campaign messages",
    `INSERT INTO "Message" (id, "brandId", "profileId", direction, author, body, encoding, segments, status, "providerSid", "idempotencyKey",
       "fromNumber", "toNumber", purpose, "campaignId", "createdAt", "updatedAt")
     SELECT 'cbm' || lpad(s::text, 22, '0'), $1, ${profileId("n")}, 'outbound', 'system',
       'Summit Supply: new gear just dropped, 20% off this weekend. Reply to chat. STOP to opt out', 'GSM-7', 1, status,
       'SM' || md5(s::text), 'campaign:' || campaign || ':' || ${profileId("n")}, $2, ${phoneOf("n")}, 'campaign', campaign, at, at
     FROM bench_send`,
    [brand, benchBrand.smsNumber],
  );
  await step(
    "campaign Sent SMS events",
    `INSERT INTO "Event" ${EVENT_COLUMNS}
     SELECT ${eventId}, $1, ${profileId("n")}, '${EventName.sentSms}',
       jsonb_build_object('messageId', 'cbm' || lpad(s::text, 22, '0'), 'author', 'system', 'segments', 1, 'transport', 'twilio'),
       'sent:cbm' || lpad(s::text, 22, '0'), at + interval '1 second'
     FROM bench_send WHERE status IN ('sent', 'delivered')`,
    [brand],
  );

  await step(
    "conversations (temp)",
    `CREATE UNLOGGED TABLE bench_conv AS
     SELECT row_number() OVER () AS c, n, t0, source, random() AS ro, random() AS rs, 1 + floor(3 * random() * random())::int AS k
     FROM (
       SELECT ${skewedProfile} AS n, ${spreadAt(nowSql)} AS t0, NULL::text AS source FROM generate_series(1, ${size.organicConversations})
       UNION ALL
       SELECT n, at + make_interval(secs => 6 * 3600 * random()), campaign FROM bench_send
       WHERE status = 'delivered' AND random() < ${size.campaignReplyRate}
     ) x
     WHERE t0 < ${nowSql} - interval '10 minutes'`,
  );
  await run(`ALTER TABLE bench_conv ADD COLUMN outcome text, ADD COLUMN skill text`);
  await run(
    `UPDATE bench_conv SET
       outcome = CASE WHEN ro < 0.70 THEN 'resolved' WHEN ro < 0.85 THEN 'escalated' WHEN ro < 0.90 THEN 'closed_out' WHEN ro < 0.92 THEN 'failed'
                      WHEN t0 > ${nowSql} - interval '1 day' THEN NULL ELSE 'expired' END,
       skill = CASE WHEN rs < 0.40 THEN 'order_status' WHEN rs < 0.65 THEN 'product_recommendation' WHEN rs < 0.90 THEN 'faq'
                    WHEN rs < 0.95 THEN 'small_talk' ELSE 'workflow:Team and group orders' END`,
  );

  await step(
    "conversation texts (Received SMS, agent Sent SMS)",
    `INSERT INTO "Event" ${EVENT_COLUMNS}
     SELECT ${eventId}, $1, ${profileId("c.n")}, v.name, v.props, v.dedupe, v.at
     FROM bench_conv c
     CROSS JOIN LATERAL generate_series(1, c.k) i
     CROSS JOIN LATERAL (VALUES
       ('${EventName.receivedSms}', jsonb_build_object('messageId', 'cbi' || c.c || '_' || i, 'body', (${sqlList(shopperTexts)})[1 + (c.c + i) % ${shopperTexts.length}]),
        'received:cbi' || c.c || '_' || i, c.t0 + make_interval(secs => 90 * (i - 1))),
       ('${EventName.sentSms}', jsonb_build_object('messageId', 'cbo' || c.c || '_' || i, 'author', 'agent', 'segments', CASE WHEN c.c % 10 = 0 THEN 2 ELSE 1 END, 'transport', 'twilio'),
        'sent:cbo' || c.c || '_' || i, c.t0 + make_interval(secs => 90 * (i - 1) + 2 + (c.c * 7 + i) % 9))
     ) v(name, props, dedupe, at)`,
    [brand],
  );
  await step(
    "conversation lifecycle (Started, Resolved/Escalated, Product Recommendation)",
    `INSERT INTO "Event" ${EVENT_COLUMNS}
     SELECT ${eventId}, $1, ${profileId("c.n")}, v.name, v.props, v.dedupe, v.at
     FROM (SELECT *, 'cbv' || lpad(c::text, 22, '0') AS conv, least(t0 + make_interval(secs => 90 * k + 300), ${nowSql}) AS ended FROM bench_conv) c
     CROSS JOIN LATERAL (VALUES
       ('${EventName.conversationStarted}', jsonb_build_object('conversationId', c.conv, 'channel', 'sms', 'firstMessage', (${sqlList(shopperTexts)})[1 + (c.c + 1) % ${shopperTexts.length}], 'sourceCampaignId', c.source),
        'started:' || c.conv, c.t0 + interval '200 milliseconds'),
       (CASE WHEN c.outcome IN ('resolved', 'expired') THEN '${EventName.conversationResolved}' WHEN c.outcome IS NOT NULL THEN '${EventName.conversationEscalated}' END,
        CASE WHEN c.outcome IN ('resolved', 'expired')
          THEN jsonb_build_object('conversationId', c.conv, 'channel', 'sms', 'skill', c.skill, 'resolutionSeconds', 90 * c.k + 300)
            || CASE WHEN c.outcome = 'expired' THEN '{"resolution": "no_reply_after_answer"}'::jsonb ELSE '{}'::jsonb END
          ELSE jsonb_build_object('conversationId', c.conv, 'channel', 'sms', 'skill', c.skill, 'outcome', c.outcome,
            'reason', CASE c.outcome WHEN 'failed' THEN 'agent_error' WHEN 'closed_out' THEN 'handoff_closeout' ELSE 'shopper_asked_for_human' END) END,
        CASE WHEN c.outcome IN ('resolved', 'expired') THEN 'resolved:' ELSE 'escalated:' END || c.conv, c.ended),
       (CASE WHEN c.skill = 'product_recommendation' THEN '${EventName.productRecommended}' END,
        jsonb_build_object('conversationId', c.conv, 'productIds', jsonb_build_array('cbprod' || (c.c % 40)), 'query', 'trail runners', 'channel', 'sms'),
        'recommended:cbi' || c.c || '_1', c.t0 + interval '5 seconds')
     ) v(name, props, dedupe, at)
     WHERE v.name IS NOT NULL`,
    [brand],
  );

  await run(`CREATE SEQUENCE IF NOT EXISTS bench_order_number START 100001`);
  const attributedOrders = await step(
    "orders after an agent reply",
    `INSERT INTO "Event" ${EVENT_COLUMNS}
     SELECT ${eventId}, $1, ${profileId("n")}, '${EventName.placedOrder}', jsonb_build_object('orderNumber', num::text, 'value', value, 'currency', 'USD', 'itemCount', items, 'source', 'shopify'),
       'order:' || num, at
     FROM (
       SELECT n, nextval('bench_order_number') AS num, round((15 + 185 * random())::numeric, 2) AS value, 1 + floor(3 * random())::int AS items,
         t0 + make_interval(secs => 60 + 20 * 3600 * random()) AS at
       FROM bench_conv
       WHERE random() < CASE WHEN skill = 'product_recommendation' THEN 0.35 ELSE 0.05 END
     ) o WHERE at < ${nowSql}`,
    [brand],
  );
  await step(
    "other orders",
    `INSERT INTO "Event" ${EVENT_COLUMNS}
     SELECT ${eventId}, $1, ${profileId("n")}, '${EventName.placedOrder}', jsonb_build_object('orderNumber', num::text, 'value', value, 'currency', 'USD', 'itemCount', items, 'source', 'shopify'),
       'order:' || num, at
     FROM (
       SELECT ${skewedProfile} AS n, nextval('bench_order_number') AS num, round((15 + 185 * random())::numeric, 2) AS value,
         1 + floor(3 * random())::int AS items, ${spreadAt(nowSql)} AS at
       FROM generate_series(1, $2::int)
     ) o`,
    [brand, Math.max(0, size.orders - attributedOrders)],
  );

  await step(
    "other texts (Received SMS, system Sent SMS) up to the event count",
    `INSERT INTO "Event" ${EVENT_COLUMNS}
     SELECT ${eventId}, $1, ${profileId("n")}, CASE WHEN m % 2 = 0 THEN '${EventName.receivedSms}' ELSE '${EventName.sentSms}' END,
       CASE WHEN m % 2 = 0 THEN jsonb_build_object('messageId', 'cbx' || m, 'body', (${sqlList(otherTexts)})[1 + m % ${otherTexts.length}])
            ELSE jsonb_build_object('messageId', 'cbx' || m, 'author', 'system', 'segments', 1, 'transport', 'twilio') END,
       CASE WHEN m % 2 = 0 THEN 'received:cbx' ELSE 'sent:cbx' END || m, at
     FROM (SELECT m, ${skewedProfile} AS n, ${spreadAt(nowSql)} AS at FROM generate_series(1, $2::int) m) x`,
    [brand, Math.max(0, size.events - events)],
  );

  const demoSegments = demoSegmentList();
  await step(
    "segments (the demo seed's)",
    `INSERT INTO "Segment" (id, "brandId", name, description, definition, "createdAt", "updatedAt")
     SELECT 'cbs' || lpad(ord::text, 22, '0'), $1, s->>'name', s->>'description', s->'definition', ${nowSql}, ${nowSql}
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(s, ord)`,
    [brand, JSON.stringify(demoSegments)],
  );
  await step(
    "agent settings (segments_in: VIP shoppers or Ordered in the last 30 days)",
    `INSERT INTO "AgentSettings" (id, "brandId", "eligibilityMode", "eligibilityRules", "updatedAt")
     VALUES ('cbagentsettings', $1, 'segments_in', jsonb_build_object('segmentIds', jsonb_build_array('cbs' || lpad('1', 22, '0'), 'cbs' || lpad('2', 22, '0'))), ${nowSql})`,
    [brand],
  );

  await run(`DROP TABLE IF EXISTS bench_sub, bench_campaign, bench_send, bench_conv`);
  // Before the secondary indexes are built: CLUSTER then rebuilds only the primary key (and its temporary index) with the heap.
  const timeOrder = await orderEventsByTime(run, log, { vacuum: false });
  steps.push(...timeOrder.steps);
  for (const index of indexes.rows) await step(`index ${index.indexname}`, index.indexdef);
  for (const table of [...LOADED_TABLES, "Campaign", "Segment", "Brand", "AgentSettings"]) await step(`VACUUM ANALYZE "${table}"`, `VACUUM (ANALYZE) "${table}"`);

  const seconds = (Date.now() - started) / 1000;
  await run(`CREATE TABLE IF NOT EXISTS bench_scale_meta (generated_at timestamptz NOT NULL, seconds float8 NOT NULL, steps jsonb NOT NULL)`);
  await run(`DELETE FROM bench_scale_meta`);
  await run(`INSERT INTO bench_scale_meta VALUES ($1, $2, $3)`, [now, seconds, JSON.stringify(steps)]);
  await recordTimeOrder(run, timeOrder);
  await client.end();
  return { seconds, steps };
}

/** Is the brand's generated data there (the meta row is written last)? */
export async function isScaleDataPresent(client: pg.Client): Promise<boolean> {
  const table = await client.query(`SELECT to_regclass('bench_scale_meta') AS t`);
  if (!table.rows[0].t) return false;
  const rows = await client.query(`SELECT 1 FROM bench_scale_meta`);
  return (rows.rowCount ?? 0) > 0;
}

/**
 * Production's Event table is append-only and written as things happen, so a month's events sit
 * together on disk; the generator inserts them kind by kind in random time order, which scatters a
 * month over the whole table (about one heap page read per row for a time-window query). This
 * rewrites the table in "occurredAt" order: a temporary index on the time, CLUSTER (PostgreSQL reads
 * the table once, sorts it and writes it again, then rebuilds every index), the temporary index dropped
 * (so the planner sees only the app's indexes), VACUUM ANALYZE. About 10 min on 2 cores for 20M events.
 */
export type TimeOrder = { orderedBy: "occurredAt"; orderedAt: string; seconds: number; steps: GenerationReport["steps"] };

const TIME_ORDER_INDEX = "bench_event_occurred_at_tmp";

export async function orderEventsByTime(run: (sql: string) => Promise<pg.QueryResult>, log: Log, opts: { vacuum: boolean }): Promise<TimeOrder> {
  const started = Date.now();
  const steps: GenerationReport["steps"] = [];
  const step = async (name: string, sql: string) => {
    const t = Date.now();
    log(`  ${name}…`);
    await run(sql);
    const seconds = (Date.now() - t) / 1000;
    steps.push({ step: name, seconds, rows: 0 });
    log(`  ${name}: ${seconds.toFixed(1)} s (${((Date.now() - started) / 1000).toFixed(0)} s so far)`);
  };
  log(`Writing the Event table in time order (as production's append-only table is)…`);
  await run(`SET maintenance_work_mem = '1GB'`);
  await run(`DROP INDEX IF EXISTS "${TIME_ORDER_INDEX}"`);
  await step(`time order: index "occurredAt" (temporary)`, `CREATE INDEX "${TIME_ORDER_INDEX}" ON "Event" ("occurredAt")`);
  await step(`time order: CLUSTER "Event" (rewrite sorted by "occurredAt", rebuild its indexes)`, `CLUSTER "Event" USING "${TIME_ORDER_INDEX}"`);
  await step(`time order: drop the temporary index`, `DROP INDEX "${TIME_ORDER_INDEX}"`);
  if (opts.vacuum) await step(`time order: VACUUM ANALYZE "Event"`, `VACUUM (ANALYZE) "Event"`);
  const seconds = (Date.now() - started) / 1000;
  log(`Event table in time order in ${seconds.toFixed(0)} s.`);
  return { orderedBy: "occurredAt", orderedAt: new Date().toISOString(), seconds, steps };
}

/** Kept with the generation's record, so a re-run does not order the table again. */
export async function recordTimeOrder(run: (sql: string, params?: unknown[]) => Promise<pg.QueryResult>, order: TimeOrder): Promise<void> {
  await run(`ALTER TABLE bench_scale_meta ADD COLUMN IF NOT EXISTS events_time_order jsonb`);
  await run(`UPDATE bench_scale_meta SET events_time_order = $1`, [JSON.stringify(order)]);
}

/** Was the Event table written in time order (data generated before this step existed was not)? */
export async function isEventTableTimeOrdered(client: pg.Client): Promise<boolean> {
  await client.query(`ALTER TABLE bench_scale_meta ADD COLUMN IF NOT EXISTS events_time_order jsonb`);
  const rows = await client.query(`SELECT 1 FROM bench_scale_meta WHERE events_time_order IS NOT NULL`);
  return (rows.rowCount ?? 0) > 0;
}
