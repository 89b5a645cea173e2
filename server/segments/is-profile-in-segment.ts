import { Prisma, type Db } from "../db";
import { eventConditionsIn, type EventNode, type SegmentNode } from "./definition";
import { evaluateSegment, windowStart, type SegmentSubject } from "./evaluate-segment";

/** Every event condition in the definitions (the evaluator only looks at these). */
function eventNodesIn(nodes: SegmentNode[]): EventNode[] {
  return nodes.flatMap(eventConditionsIn);
}

/**
 * Which of the profile's events to load: per event name the definitions mention, from the earliest
 * window start among its conditions (all of them when one says "ever"). A regular shopper's
 * "ordered in the last 30 days" then reads a month of orders, not years of them.
 */
function eventsToLoad(nodes: SegmentNode[], now: Date): Prisma.Sql[] {
  const since = new Map<string, Date | null>();
  for (const node of eventNodesIn(nodes)) {
    const start = windowStart(node, now);
    const known = since.get(node.name);
    if (known === undefined) since.set(node.name, start);
    else if (known !== null) since.set(node.name, start === null || start < known ? start : known);
  }
  return [...since].map(([name, start]) =>
    start ? Prisma.sql`(name = ${name}::text AND "occurredAt" >= ${start.toISOString().replace("Z", "")}::timestamp)` : Prisma.sql`name = ${name}::text`,
  );
}

/**
 * Loads what the definitions need about one profile: the profile and only the events they can
 * count (by name and window; index brandId, profileId, name, occurredAt), so membership stays fast.
 */
export async function loadSegmentSubject(db: Db, brandId: string, profileId: string, nodes: SegmentNode[], now = new Date()): Promise<SegmentSubject | null> {
  const profile = await db.profile.findFirst({
    where: { id: profileId, brandId },
    select: { firstName: true, lastName: true, email: true, phone: true, properties: true, smsConsent: true },
  });
  if (!profile) return null;
  const wanted = eventsToLoad(nodes, now);
  if (wanted.length === 0) return { profile, events: [] };
  // Without event property filters, name and time are all the evaluator reads: PostgreSQL answers
  // from the index alone instead of visiting one table page per event (a shopper's year of events
  // is spread over as many pages). Raw SQL because Prisma would add the id column.
  const needsProperties = eventNodesIn(nodes).some((n) => n.where.length > 0);
  const events = await db.$queryRaw<SegmentSubject["events"]>(Prisma.sql`
    SELECT name, ${needsProperties ? Prisma.sql`properties` : Prisma.sql`NULL::jsonb AS properties`}, "occurredAt"
    FROM "Event"
    WHERE "brandId" = ${brandId} AND "profileId" = ${profileId} AND (${Prisma.join(wanted, " OR ")})`);
  return { profile, events };
}

/** Is this profile in the segment right now? */
export async function isProfileInSegment(db: Db, brandId: string, profileId: string, node: SegmentNode, now = new Date()): Promise<boolean> {
  const subject = await loadSegmentSubject(db, brandId, profileId, [node], now);
  return subject !== null && evaluateSegment(node, subject, now);
}

/** Is this profile in any of the segments right now? One load for all of them (the eligibility stage asks this for every text). */
export async function isProfileInAnySegment(db: Db, brandId: string, profileId: string, nodes: SegmentNode[], now = new Date()): Promise<boolean> {
  if (nodes.length === 0) return false;
  const subject = await loadSegmentSubject(db, brandId, profileId, nodes, now);
  return subject !== null && nodes.some((node) => evaluateSegment(node, subject, now));
}
