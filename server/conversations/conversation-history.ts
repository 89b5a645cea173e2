import { Prisma, type Db } from "../db";

export type HistoryTurn = { role: "shopper" | "brand"; text: string };
type HistoryText = { direction: string; body: string };

/**
 * The conversation's texts the agent sees (shopper and brand only), newest first, as SQL: the
 * pipeline reads them with other rows in one statement (server/inbound/stages/shopper-turn.ts).
 */
export function historyTextsSql(conversationId: string, limit = 20): Prisma.Sql {
  return Prisma.sql`SELECT "body", "direction"::text AS "direction", "createdAt" FROM "Message"
     WHERE "conversationId" = ${conversationId} AND ("direction" = 'inbound' OR "author" IN ('agent', 'human'))
     ORDER BY "createdAt" DESC LIMIT ${limit}`;
}

/**
 * The texts as the agent sees them, oldest first. Shopper texts in a row with no brand text between
 * them are one turn: someone who sends "hi", "my order 1004", "when does it come" in quick
 * succession asked one thing, and is answered once.
 */
export function historyTurns(newestFirst: readonly HistoryText[]): HistoryTurn[] {
  const turns: HistoryTurn[] = [];
  for (const m of [...newestFirst].reverse()) {
    const role = m.direction === "inbound" ? ("shopper" as const) : ("brand" as const);
    const last = turns[turns.length - 1];
    if (role === "shopper" && last?.role === "shopper") last.text = `${last.text}\n${m.body}`;
    else turns.push({ role, text: m.body });
  }
  return turns;
}

/** The conversation's history as the agent sees it (see historyTurns). */
export async function conversationHistory(db: Db, conversationId: string, limit = 20): Promise<HistoryTurn[]> {
  return historyTurns(await db.$queryRaw<HistoryText[]>(historyTextsSql(conversationId, limit)));
}
