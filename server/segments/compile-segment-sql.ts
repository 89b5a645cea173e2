/**
 * The compiler: a segment definition → a SQL condition over `"Profile" p`, for counts, audiences and
 * member previews. Same semantics as evaluate-segment.ts (see definition.ts); the agreement test holds them equal.
 * Every value travels as a bind parameter; only fixed column names are written into the SQL.
 */
import { Prisma, type Db } from "../db";
import { assertNever, isStandardProfileField, standardProfileFields, type EventNode, type SegmentNode, type ValueCondition } from "./definition";
import { windowStart } from "./evaluate-segment";

const sql = Prisma.sql;
const TRUE = sql`TRUE`;
const FALSE = sql`FALSE`;

/** ASCII-only lower-casing, the same in every database locale (JS side: lowerAscii). */
function lowerAsciiSql(text: Prisma.Sql): Prisma.Sql {
  return sql`translate(${text}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
}

/** Timestamps are stored as UTC wall time without zone; compare with the same. */
function utcTimestamp(date: Date): Prisma.Sql {
  return sql`${date.toISOString().replace("Z", "")}::timestamp`;
}

/** A jsonb-valued expression for a profile property (standard fields become JSON strings or NULL). */
function profileValueSql(key: string): Prisma.Sql {
  if (isStandardProfileField(key)) {
    const column = standardProfileFields[key];
    return sql`to_jsonb(p.${Prisma.raw(`"${column}"`)})`;
  }
  return sql`(p.properties -> ${key}::text)`;
}

/** A boolean condition on a jsonb value (SQL NULL counts as absent); never NULL itself. */
export function valueConditionSql(value: Prisma.Sql, condition: ValueCondition): Prisma.Sql {
  switch (condition.operator) {
    case "exists":
      return sql`(${value} IS NOT NULL AND jsonb_typeof(${value}) <> 'null')`;
    case "not_exists":
      return sql`NOT ${valueConditionSql(value, { operator: "exists" })}`;
    case "equals": {
      const expected = condition.value;
      if (typeof expected === "string") {
        return sql`COALESCE(jsonb_typeof(${value}) = 'string' AND ${lowerAsciiSql(sql`(${value} #>> '{}')`)} = ${lowerAsciiSql(sql`${expected}::text`)}, FALSE)`;
      }
      if (typeof expected === "number") {
        return sql`COALESCE(CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${value} #>> '{}')::float8 = ${expected}::float8 ELSE FALSE END, FALSE)`;
      }
      return sql`COALESCE(${value} = ${JSON.stringify(expected)}::jsonb, FALSE)`;
    }
    case "not_equals":
      return sql`NOT ${valueConditionSql(value, { operator: "equals", value: condition.value })}`;
    case "contains":
      return sql`COALESCE(jsonb_typeof(${value}) = 'string' AND strpos(${lowerAsciiSql(sql`(${value} #>> '{}')`)}, ${lowerAsciiSql(sql`${condition.value}::text`)}) > 0, FALSE)`;
    case "not_contains":
      return sql`NOT ${valueConditionSql(value, { operator: "contains", value: condition.value })}`;
    case "greater_than":
      return sql`COALESCE(CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${value} #>> '{}')::float8 > ${condition.value}::float8 ELSE FALSE END, FALSE)`;
    case "less_than":
      return sql`COALESCE(CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${value} #>> '{}')::float8 < ${condition.value}::float8 ELSE FALSE END, FALSE)`;
    default:
      return assertNever(condition);
  }
}

/** The filters an event must pass to count for an event condition (name, window, property filters). */
function eventFiltersSql(node: EventNode, now: Date): Prisma.Sql {
  const since = windowStart(node, now);
  const filters = [
    sql`e.name = ${node.name}::text`,
    ...(since ? [sql`e."occurredAt" >= ${utcTimestamp(since)}`] : []),
    ...node.where.map((f) => valueConditionSql(sql`(e.properties -> ${f.key}::text)`, f)),
  ];
  return Prisma.join(filters, " AND ");
}

/** How many matching events an event condition needs to see to decide: "at least 3" never counts past 3. */
function countLimit(node: EventNode): number {
  switch (node.frequency) {
    case "zero":
      return 1;
    case "exactly":
      return node.count + 1;
    case "at_least":
      return node.count;
    default:
      return assertNever(node.frequency);
  }
}

/**
 * How the condition learns an event node's count for the profile `p`: member lists look each
 * profile up (correlated, stopping after a few events: cheap when a page of 50 is wanted); counts
 * over the whole brand join one aggregate per event node instead (see countSegmentMembers).
 */
type EventCountSql = (node: EventNode, isPositive: boolean) => Prisma.Sql;

/**
 * The profile's matching events, stopping after the limit (index brandId, profileId, name, occurredAt),
 * so membership stays cheap with millions of events.
 */
function correlatedEventCount(now: Date): EventCountSql {
  return (node) =>
    sql`(SELECT count(*) FROM (SELECT 1 FROM "Event" e WHERE e."brandId" = p."brandId" AND e."profileId" = p.id AND ${eventFiltersSql(node, now)} LIMIT ${countLimit(node)}::int) matched)`;
}

function eventConditionSql(node: EventNode, count: Prisma.Sql): Prisma.Sql {
  switch (node.frequency) {
    case "zero":
      return sql`${count} = 0`;
    case "exactly":
      return sql`${count} = ${node.count}::int`;
    case "at_least":
      return sql`${count} >= ${node.count}::int`;
    default:
      return assertNever(node.frequency);
  }
}

/** `isPositive`: not under an odd number of `not`s (where an unknown can only mean "not in"). */
function conditionSql(node: SegmentNode, eventCount: EventCountSql, isPositive = true): Prisma.Sql {
  switch (node.type) {
    case "and":
      return node.children.length ? sql`(${Prisma.join(node.children.map((c) => conditionSql(c, eventCount, isPositive)), " AND ")})` : TRUE;
    case "or":
      return node.children.length ? sql`(${Prisma.join(node.children.map((c) => conditionSql(c, eventCount, isPositive)), " OR ")})` : FALSE;
    case "not":
      return sql`(NOT ${conditionSql(node.child, eventCount, !isPositive)})`;
    case "consent":
      return node.operator === "is" ? sql`(p."smsConsent"::text = ${node.status}::text)` : sql`(p."smsConsent"::text <> ${node.status}::text)`;
    case "property":
      return sql`(${valueConditionSql(profileValueSql(node.key), node)})`;
    case "event":
      return sql`(${eventConditionSql(node, eventCount(node, isPositive))})`;
    default:
      return assertNever(node);
  }
}

/** The definition as a boolean SQL condition over `"Profile" p` (each event condition looked up per profile). */
export function segmentConditionSql(node: SegmentNode, now: Date): Prisma.Sql {
  return conditionSql(node, correlatedEventCount(now));
}

/**
 * How many of the brand's profiles are in the segment. Looking events up profile by profile costs
 * one index probe per profile (seconds at a million profiles), so each distinct event condition is
 * counted once for the whole brand — one pass over that event name's rows, grouped by profile
 * (index brandId, name, occurredAt, profileId) — and left-joined; the condition reads the joined
 * count, 0 when the profile has none. Same semantics as segmentConditionSql.
 */
export async function countSegmentMembers(db: Db, brandId: string, node: SegmentNode, now = new Date()): Promise<number> {
  const joined = new Map<string, { alias: Prisma.Sql; node: EventNode }>();
  const condition = conditionSql(node, (event, isPositive) => {
    const key = JSON.stringify([event.name, event.window, event.where]);
    let join = joined.get(key);
    if (!join) {
      join = { alias: Prisma.raw(`ev${joined.size}`), node: event };
      joined.set(key, join);
    }
    // "At least / exactly N ≥ 1" outside a `not` can read the bare count: no row (NULL) fails the
    // test either way, and a test that fails on NULL lets PostgreSQL turn the left join into an
    // inner one when it is a top-level condition — it then reads only the profiles that did it.
    const isBare = isPositive && event.frequency !== "zero" && event.count >= 1;
    return isBare ? sql`${join.alias}.n` : sql`coalesce(${join.alias}.n, 0)`;
  });
  const joins = [...joined.values()].map(
    ({ alias, node: event }) =>
      sql`LEFT JOIN (SELECT e."profileId", count(*) AS n FROM "Event" e WHERE e."brandId" = ${brandId} AND ${eventFiltersSql(event, now)} GROUP BY e."profileId") ${alias} ON ${alias}."profileId" = p.id`,
  );
  const rows = await db.$queryRaw<{ n: bigint | number }[]>(
    sql`SELECT count(*) AS n FROM "Profile" p ${joins.length ? Prisma.join(joins, " ") : sql``} WHERE p."brandId" = ${brandId} AND ${condition}`,
  );
  return Number(rows[0]?.n ?? 0);
}

export type SegmentMember = { id: string; phone: string; firstName: string | null; lastName: string | null; email: string | null; smsConsent: string };

/** Members in a stable order (by id), a page at a time: `afterId` continues where the last page ended. */
export async function listSegmentMembers(
  db: Db,
  brandId: string,
  node: SegmentNode,
  opts: { now?: Date; limit?: number; afterId?: string | null } = {},
): Promise<SegmentMember[]> {
  const now = opts.now ?? new Date();
  const limit = Math.max(1, Math.min(opts.limit ?? 50, 10_000));
  const after = opts.afterId ? sql`AND p.id > ${opts.afterId}` : sql``;
  return db.$queryRaw<SegmentMember[]>(
    sql`SELECT p.id, p.phone, p."firstName", p."lastName", p.email, p."smsConsent"::text AS "smsConsent"
        FROM "Profile" p
        WHERE p."brandId" = ${brandId} ${after} AND ${segmentConditionSql(node, now)}
        ORDER BY p.id LIMIT ${limit}::int`,
  );
}
