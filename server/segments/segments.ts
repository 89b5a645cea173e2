/** Saved segments: create, rename, redefine, delete, and which ones a profile is in. */
import { AppError, invalidFields } from "../errors";
import { Prisma, type Db } from "../db";
import { segmentDefinitionSchema, type SegmentNode } from "./definition";
import { countSegmentMembers } from "./compile-segment-sql";
import { loadSegmentSubject } from "./is-profile-in-segment";
import { evaluateSegment } from "./evaluate-segment";

export type SegmentInput = { name: string; description: string; definition: unknown };

export type SavedSegment = { id: string; name: string; description: string; definition: SegmentNode; createdAt: Date; updatedAt: Date };

/** Validates a definition from the builder or the database; field errors name the condition that is wrong. */
export function parseSegmentDefinition(definition: unknown): SegmentNode {
  const parsed = segmentDefinitionSchema.safeParse(definition);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = ["definition", ...issue.path].join(".");
    fields[key] ??= issue.message;
  }
  throw invalidFields(fields);
}

function validateSegmentInput(input: SegmentInput): { name: string; description: string; definition: SegmentNode } {
  const errors: Record<string, string> = {};
  const name = input.name.trim();
  if (!name) errors.name = "Name the segment.";
  else if (name.length > 100) errors.name = `A segment name can be at most 100 characters; it is ${name.length}.`;
  if (input.description.length > 500) errors.description = "The description can be at most 500 characters.";
  let definition: SegmentNode | undefined;
  try {
    definition = parseSegmentDefinition(input.definition);
  } catch (e) {
    if (e instanceof AppError && e.fields) Object.assign(errors, e.fields);
    else throw e;
  }
  if (Object.keys(errors).length || !definition) throw invalidFields(errors);
  return { name, description: input.description.trim(), definition };
}

function toSaved(row: { id: string; name: string; description: string; definition: Prisma.JsonValue; createdAt: Date; updatedAt: Date }): SavedSegment {
  return { ...row, definition: row.definition as unknown as SegmentNode };
}

const duplicateName = (name: string) => invalidFields({ name: `A segment named "${name}" already exists; choose another name.` });

/** The brand's segments by name, without member counts: it answers at once however large the brand is. */
export async function listSegments(db: Db, brandId: string): Promise<SavedSegment[]> {
  const rows = await db.segment.findMany({ where: { brandId }, orderBy: { name: "asc" } });
  return rows.map(toSaved);
}

export type SegmentMemberCounts = { counts: Record<string, number>; countedAt: Date };

/**
 * How many profiles are in each saved segment now. Separate from the list because counting a
 * million profiles takes a noticeable moment per segment: pages show the names first and fill the
 * counts in when this answers.
 */
export async function countSegmentsMembers(db: Db, brandId: string, now = new Date()): Promise<SegmentMemberCounts> {
  const segments = await listSegments(db, brandId);
  const counts = await Promise.all(segments.map(async (s) => [s.id, await countSegmentMembers(db, brandId, s.definition, now)] as const));
  return { counts: Object.fromEntries(counts), countedAt: now };
}

export async function getSegment(db: Db, brandId: string, id: string): Promise<SavedSegment> {
  const row = await db.segment.findFirst({ where: { id, brandId } });
  if (!row) throw new AppError("NOT_FOUND", { userMessage: "That segment doesn't exist (it may have been deleted)." });
  return toSaved(row);
}

/** Segments per brand: every page that lists them, and every member count, reads them all. */
export const MAX_SEGMENTS_PER_BRAND = 500;

export async function createSegment(db: Db, brandId: string, input: SegmentInput): Promise<SavedSegment> {
  const data = validateSegmentInput(input);
  if ((await db.segment.count({ where: { brandId } })) >= MAX_SEGMENTS_PER_BRAND) {
    throw new AppError("CONFLICT", { userMessage: `A brand can have at most ${MAX_SEGMENTS_PER_BRAND} segments. Delete segments you no longer use to make room.` });
  }
  if (await db.segment.findFirst({ where: { brandId, name: data.name } })) throw duplicateName(data.name);
  const row = await db.segment.create({ data: { brandId, ...data, definition: data.definition as unknown as Prisma.InputJsonValue } });
  return toSaved(row);
}

export async function updateSegment(db: Db, brandId: string, id: string, input: SegmentInput): Promise<SavedSegment> {
  const data = validateSegmentInput(input);
  await getSegment(db, brandId, id);
  if (await db.segment.findFirst({ where: { brandId, name: data.name, NOT: { id } } })) throw duplicateName(data.name);
  const row = await db.segment.update({ where: { id }, data: { ...data, definition: data.definition as unknown as Prisma.InputJsonValue } });
  return toSaved(row);
}

/**
 * Who depends on a segment now: scheduled or sending campaigns (included or excluded) and the agent's
 * eligibility rules. Phrases for a message, e.g. `campaign "Spring sale" (scheduled)`.
 */
async function segmentUsers(db: Db, brandId: string, id: string): Promise<string[]> {
  const campaigns = await db.campaign.findMany({
    where: { brandId, status: { in: ["scheduled", "sending"] }, OR: [{ segmentIds: { has: id } }, { excludedSegmentIds: { has: id } }] },
    select: { name: true, status: true },
    orderBy: { createdAt: "asc" },
  });
  const settings = await db.agentSettings.findUnique({ where: { brandId }, select: { eligibilityRules: true } });
  const rules = (settings?.eligibilityRules ?? {}) as { segmentIds?: unknown };
  const isEligibilityRule = Array.isArray(rules.segmentIds) && rules.segmentIds.includes(id);
  return [...campaigns.map((c) => `campaign "${c.name}" (${c.status})`), ...(isEligibilityRule ? ["agent eligibility (Settings → Customer agent → Who can chat)"] : [])];
}

const joinAnd = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/**
 * A segment something depends on can't be deleted: a scheduled campaign would lose an exclusion (and
 * text the people it left out), the eligibility rules a restriction. The refusal names each user.
 */
export async function deleteSegment(db: Db, brandId: string, id: string): Promise<void> {
  const segment = await getSegment(db, brandId, id);
  const users = await segmentUsers(db, brandId, id);
  if (users.length > 0) {
    throw new AppError("CONFLICT", {
      userMessage: `"${segment.name}" can't be deleted. Used by ${joinAnd(users.map((u, i) => (i === 0 ? u : `by ${u}`)))}.`,
    });
  }
  await db.segment.delete({ where: { id } });
}

/** The brand's segments this profile is in now (for the profile page). */
export async function segmentsContainingProfile(db: Db, brandId: string, profileId: string, now = new Date()) {
  const segments = (await db.segment.findMany({ where: { brandId }, orderBy: { name: "asc" } })).map(toSaved);
  const subject = await loadSegmentSubject(db, brandId, profileId, segments.map((s) => s.definition), now);
  if (!subject) return [];
  return segments.filter((s) => evaluateSegment(s.definition, subject, now)).map((s) => ({ id: s.id, name: s.name }));
}
