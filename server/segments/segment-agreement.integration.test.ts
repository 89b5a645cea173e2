/**
 * The compiler (SQL) and the evaluator (per profile) must agree: generated profiles with tricky
 * values (case, non-ASCII, numbers vs strings, nulls, window boundaries) and generated definitions,
 * every profile × definition compared. A failure prints the seed and the definition.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, Prisma, type SmsConsent } from "../db";
import { createBrand } from "../testing/fixtures";
import { Rng } from "../testing/rng";
import { consentStatuses, segmentDefinitionSchema, valueOperators, type SegmentNode, type ValueCondition } from "./definition";
import { listSegmentMembers, countSegmentMembers } from "./compile-segment-sql";
import { evaluateSegment, type SegmentSubject } from "./evaluate-segment";

const SEED = Number(process.env.SEGMENT_SEED ?? 20261121);
const PROFILES = 60;
const DEFINITIONS = 1200;
const DAY = 86_400_000;
const NOW = new Date("2026-11-21T12:00:00.000Z");

/** The seeded generator, shaped for this test: int(n) is in [0, n). */
function rng(seed: number) {
  const r = new Rng(seed);
  return { next: () => r.next(), int: (n: number) => r.below(n), pick: <T,>(xs: readonly T[]): T => r.pick(xs), chance: (p: number) => r.chance(p) };
}

const KEYS = ["tier", "city", "score", "vip", "note"] as const;
const STRINGS = ["gold", "Gold", "GOLD", "silver", "", "Zürich", "zürich", "ÄBC", "äbc", "new york", "New York City", "5"] as const;
const NUMBERS = [0, 1, -1, 2.5, 5, 10, 100] as const;
const EVENT_NAMES = ["Placed Order", "Escalated Customer Agent Conversation", "Viewed Product"] as const;
const REASONS = ["shopper_asked", "Refund", "refund request", "legal"] as const;

type R = ReturnType<typeof rng>;

function randomScalar(r: R): unknown {
  const k = r.int(10);
  if (k < 5) return r.pick(STRINGS);
  if (k < 8) return r.pick(NUMBERS);
  if (k < 9) return r.chance(0.5);
  return null;
}

function randomProperties(r: R, keys: readonly string[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const key of keys) if (r.chance(0.6)) props[key] = randomScalar(r);
  return props;
}

function randomCondition(r: R): ValueCondition {
  const operator = r.pick(valueOperators);
  switch (operator) {
    case "exists":
    case "not_exists":
      return { operator };
    case "contains":
    case "not_contains":
      return { operator, value: r.pick([...STRINGS, "o", "ZÜ", "york", "GOL"]) };
    case "greater_than":
    case "less_than":
      return { operator, value: r.pick([...NUMBERS, -5, 3]) };
    case "equals":
    case "not_equals": {
      const value = r.pick([r.pick(STRINGS), r.pick(NUMBERS), r.chance(0.5)] as (string | number | boolean)[]);
      return { operator, value };
    }
  }
}

function randomLeaf(r: R): SegmentNode {
  const k = r.int(10);
  if (k < 4) {
    const key = r.chance(0.25) ? r.pick(["$first_name", "$email", "$phone", "$last_name"]) : r.pick(KEYS);
    return { type: "property", key, ...randomCondition(r) } as SegmentNode;
  }
  if (k < 5) return { type: "consent", operator: r.pick(["is", "is_not"] as const), status: r.pick(consentStatuses) };
  const frequency = r.pick(["at_least", "exactly", "zero"] as const);
  return {
    type: "event",
    name: r.pick(EVENT_NAMES),
    frequency,
    count: frequency === "at_least" ? 1 + r.int(3) : frequency === "exactly" ? r.int(3) : 0,
    window: r.chance(0.4) ? { kind: "ever" } : { kind: "last_days", days: r.pick([1, 7, 30]) },
    where: r.chance(0.3) ? [{ key: r.pick(["reason", "total"]), ...randomCondition(r) }] : [],
  } as SegmentNode;
}

function randomDefinition(r: R, depth = 0): SegmentNode {
  if (depth >= 3 || r.chance(depth === 0 ? 0.3 : 0.55)) return randomLeaf(r);
  const k = r.int(5);
  if (k === 0) return { type: "not", child: randomDefinition(r, depth + 1) };
  const children = Array.from({ length: r.int(4) }, () => randomDefinition(r, depth + 1));
  return { type: k % 2 ? "and" : "or", children };
}

let brandId: string;
const subjects = new Map<string, SegmentSubject>();

beforeAll(async () => {
  const db = getDb();
  brandId = (await createBrand(db)).id;
  const r = rng(SEED);
  for (let i = 0; i < PROFILES; i++) {
    const profile = await db.profile.create({
      data: {
        brandId,
        phone: `+1555${String(3_000_000 + i)}`,
        firstName: r.chance(0.7) ? r.pick(STRINGS) : null,
        lastName: r.chance(0.5) ? r.pick(["Doe", "doe", "Müller"]) : null,
        email: r.chance(0.5) ? r.pick(["gold@example.com", "Silver@Example.com"]) : null,
        smsConsent: r.pick(consentStatuses) as SmsConsent,
        properties: randomProperties(r, KEYS) as Prisma.InputJsonValue,
      },
    });
    const events: SegmentSubject["events"] = [];
    const eventCount = r.int(7);
    for (let j = 0; j < eventCount; j++) {
      // Some events sit exactly on (or 1 ms either side of) a window's edge.
      const edge = r.pick([1, 7, 30]) * DAY;
      const ago = r.chance(0.3) ? edge + r.pick([-1, 0, 1]) : r.int(60 * DAY);
      const occurredAt = new Date(NOW.getTime() - ago);
      const properties = r.chance(0.2) ? {} : { reason: r.chance(0.8) ? r.pick(REASONS) : null, total: r.pick(NUMBERS) };
      const name = r.pick(EVENT_NAMES);
      await db.event.create({ data: { brandId, profileId: profile.id, name, properties, occurredAt } });
      events.push({ name, properties, occurredAt });
    }
    subjects.set(profile.id, { profile, events });
  }
  // Another brand's look-alike data must never leak into this brand's answers.
  const other = await createBrand(db);
  const stranger = await db.profile.create({ data: { brandId: other.id, phone: "+15553999999", properties: { tier: "gold" } } });
  await db.event.create({ data: { brandId: other.id, profileId: stranger.id, name: "Placed Order", occurredAt: NOW } });
}, 120_000);

describe("segment compiler and evaluator", () => {
  it(`agree on ${DEFINITIONS} generated definitions × ${PROFILES} profiles (seed ${SEED})`, async () => {
    const db = getDb();
    const r = rng(SEED + 1);
    let partial = 0;
    let compared = 0;
    for (let i = 0; i < DEFINITIONS; i++) {
      const definition = segmentDefinitionSchema.parse(randomDefinition(r));
      const fromSql = new Set((await listSegmentMembers(db, brandId, definition, { now: NOW, limit: 10_000 })).map((m) => m.id));
      const fromEvaluator = new Set([...subjects].filter(([, s]) => evaluateSegment(definition, s, NOW)).map(([id]) => id));
      const disagreeing = [...subjects.keys()].filter((id) => fromSql.has(id) !== fromEvaluator.has(id));
      if (disagreeing.length) {
        const s = subjects.get(disagreeing[0]!)!;
        expect.fail(`seed ${SEED}, case ${i}: ${JSON.stringify(definition)}\nprofile ${JSON.stringify(s.profile)}\nevents ${JSON.stringify(s.events)}\nSQL says ${fromSql.has(disagreeing[0]!)}`);
      }
      if (fromSql.size > 0 && fromSql.size < PROFILES) partial++;
      compared += PROFILES;
      // Counts take another path (one aggregate per event condition): they must agree too.
      expect(await countSegmentMembers(db, brandId, definition, NOW)).toBe(fromSql.size);
    }
    expect(compared).toBe(DEFINITIONS * PROFILES);
    // The generated cases must actually split the audience, or agreement would prove little.
    expect(partial).toBeGreaterThan(DEFINITIONS / 3);
  }, 600_000);

  it("counts the examples the analysts start from", async () => {
    const db = getDb();
    const escalatedIn30: SegmentNode = { type: "event", name: "Escalated Customer Agent Conversation", frequency: "at_least", count: 1, window: { kind: "last_days", days: 30 }, where: [] };
    const expected = [...subjects.values()].filter((s) =>
      s.events.some((e) => e.name === "Escalated Customer Agent Conversation" && e.occurredAt.getTime() >= NOW.getTime() - 30 * DAY),
    ).length;
    expect(expected).toBeGreaterThan(0);
    expect(await countSegmentMembers(db, brandId, escalatedIn30, NOW)).toBe(expected);
  });
});
