import type { Db, Prisma } from "../db";
import { EventName } from "../analytics";

// These events mirror a text that the timeline already shows as a message.
const EVENTS_SHOWN_AS_MESSAGES = [EventName.receivedSms, EventName.sentSms];
export const MAX_TIMELINE_PAGE = 100;

const messageSelect = {
  id: true,
  direction: true,
  author: true,
  body: true,
  encoding: true,
  segments: true,
  status: true,
  disposition: true,
  conversationId: true,
  createdAt: true,
} satisfies Prisma.MessageSelect;

export type TimelineEntry =
  | { kind: "message"; id: string; at: Date; message: Prisma.MessageGetPayload<{ select: typeof messageSelect }> }
  | { kind: "event"; id: string; at: Date; event: { name: string; properties: Prisma.JsonValue } };

/** "2026-11-21T15:04:05.000Z_<id>": the last entry of a page; the next page starts strictly after it. */
type Cursor = { at: Date; id: string };

export function encodeTimelineCursor(entry: { at: Date; id: string }): string {
  return `${entry.at.toISOString()}_${entry.id}`;
}

export function decodeTimelineCursor(cursor: string): Cursor | null {
  const split = cursor.indexOf("_");
  if (split < 0) return null;
  const at = new Date(cursor.slice(0, split));
  const id = cursor.slice(split + 1);
  return Number.isNaN(at.getTime()) || id === "" ? null : { at, id };
}

/** Newest first by (time, id), the one order both tables share, so pages never skip or repeat. */
function isNewerFirst(a: { at: Date; id: string }, b: { at: Date; id: string }): number {
  const byTime = b.at.getTime() - a.at.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * A profile's texts and events merged by time, newest first, a page at a time. Null when the
 * profile is not this brand's.
 */
export async function profileTimeline(db: Db, brandId: string, profileId: string, opts: { cursor?: string | null; limit: number }) {
  const profile = await db.profile.findFirst({ where: { id: profileId, brandId }, select: { id: true } });
  if (!profile) return null;
  const limit = Math.min(Math.max(1, opts.limit), MAX_TIMELINE_PAGE);
  const cursor = opts.cursor ? decodeTimelineCursor(opts.cursor) : null;

  const [messages, events] = await Promise.all([
    db.message.findMany({
      where: { brandId, profileId, ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: messageSelect,
    }),
    db.event.findMany({
      where: {
        brandId,
        profileId,
        name: { notIn: EVENTS_SHOWN_AS_MESSAGES },
        ...(cursor ? { OR: [{ occurredAt: { lt: cursor.at } }, { occurredAt: cursor.at, id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: { id: true, name: true, properties: true, occurredAt: true },
    }),
  ]);

  const merged: TimelineEntry[] = [
    ...messages.map((message): TimelineEntry => ({ kind: "message", id: message.id, at: message.createdAt, message })),
    ...events.map((e): TimelineEntry => ({ kind: "event", id: e.id, at: e.occurredAt, event: { name: e.name, properties: e.properties } })),
  ].sort(isNewerFirst);

  const items = merged.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: merged.length > limit && last ? encodeTimelineCursor(last) : null };
}
