import { insertEventsSql, type EmitEventInput } from "../analytics";
import { Prisma, type Db, type Message } from "../db";

export type TextPatch = { profileId?: string; conversationId?: string; disposition?: string; processedAt?: Date };

const column = { profileId: "profileId", conversationId: "conversationId", disposition: "disposition", processedAt: "processedAt" } as const;

/**
 * One write to the inbound text's row with the events it records, in one statement (data-modifying
 * CTEs): the pipeline's link to the conversation with Started, its disposition with the turn's
 * events and its last writes (the reply's conversation update). Without them it is a plain update.
 */
export async function writeText(
  db: Db,
  messageId: string,
  patch: TextPatch,
  events: readonly EmitEventInput[] = [],
  /** Other data-modifying statements of the turn, run in the same statement (each must end in RETURNING). */
  writes: readonly Prisma.Sql[] = [],
): Promise<Message> {
  if (!events.length && !writes.length) return db.message.update({ where: { id: messageId }, data: patch });
  const sets = (Object.keys(column) as (keyof TextPatch)[])
    .filter((k) => patch[k] !== undefined)
    .map((k) => (k === "processedAt" ? Prisma.sql`${Prisma.raw(`"${column[k]}"`)} = ${patch[k]}::timestamp(3)` : Prisma.sql`${Prisma.raw(`"${column[k]}"`)} = ${patch[k]}`));
  const ctes = [
    ...(events.length ? [Prisma.sql`ev AS (${insertEventsSql(events)} RETURNING 1)`] : []),
    ...writes.map((w, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${w})`),
  ];
  const rows = await db.$queryRaw<Message[]>(Prisma.sql`
    WITH ${Prisma.join(ctes, ", ")}
    UPDATE "Message" SET ${Prisma.join([...sets, Prisma.sql`"updatedAt" = ${new Date()}::timestamp(3)`])} WHERE "id" = ${messageId} RETURNING *`);
  const row = rows[0];
  if (!row) throw new Error(`inbound message ${messageId} not found`);
  return row;
}
