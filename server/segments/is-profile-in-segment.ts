import type { Db } from "../db";
import { eventNamesIn, type SegmentNode } from "./definition";
import { evaluateSegment, type SegmentSubject } from "./evaluate-segment";

/**
 * Loads what a definition needs about one profile: the profile and only the events whose names the
 * definition mentions (index brandId, profileId, name, occurredAt), so membership stays fast.
 */
export async function loadSegmentSubject(db: Db, brandId: string, profileId: string, nodes: SegmentNode[]): Promise<SegmentSubject | null> {
  const profile = await db.profile.findFirst({
    where: { id: profileId, brandId },
    select: { firstName: true, lastName: true, email: true, phone: true, properties: true, smsConsent: true },
  });
  if (!profile) return null;
  const names = [...new Set(nodes.flatMap(eventNamesIn))];
  const events = names.length
    ? await db.event.findMany({ where: { brandId, profileId, name: { in: names } }, select: { name: true, properties: true, occurredAt: true } })
    : [];
  return { profile, events };
}

/** Is this profile in the segment right now? (The eligibility stage asks this for every text.) */
export async function isProfileInSegment(db: Db, brandId: string, profileId: string, node: SegmentNode, now = new Date()): Promise<boolean> {
  const subject = await loadSegmentSubject(db, brandId, profileId, [node]);
  return subject !== null && evaluateSegment(node, subject, now);
}
