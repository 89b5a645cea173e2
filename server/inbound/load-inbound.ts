import type { AgentSettings, AgentTurn, Brand, Db, Message } from "../db";
import { modelFields, prefixedColumns, rowUnderPrefix } from "../db/joined-row";
import type { ActiveKeyword } from "../keywords";

export type LoadedInbound = {
  message: Message;
  brand: Brand;
  settings: AgentSettings | null;
  /** The agent turn already stored for this text (the job is re-running after a crash). */
  storedTurn: AgentTurn | null;
  /** The brand's active keyword automations, in keyword order (the keyword and shopper-turn stages match against them). */
  keywords: ActiveKeyword[];
};

/**
 * Everything the pipeline reads about a text before its stages run, in one statement (one round
 * trip instead of five): the message, its brand, the brand's agent settings, a turn stored by an
 * earlier run, and the brand's active keyword automations.
 */
export async function loadInbound(db: Db, messageId: string): Promise<LoadedInbound> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ${prefixedColumns("m", modelFields.message)}, ${prefixedColumns("b", modelFields.brand)},
            ${prefixedColumns("s", modelFields.agentSettings)}, ${prefixedColumns("t", modelFields.agentTurn)},
            (SELECT coalesce(json_agg(json_build_object('keyword', k."keyword", 'reply', k."reply", 'action', k."action",
                       'propertyKey', k."propertyKey", 'propertyValue', k."propertyValue") ORDER BY k."keyword"), '[]'::json)
               FROM "KeywordAutomation" k WHERE k."brandId" = m."brandId" AND k."isActive") AS "keywords"
       FROM "Message" m
       JOIN "Brand" b ON b."id" = m."brandId"
       LEFT JOIN "AgentSettings" s ON s."brandId" = m."brandId"
       LEFT JOIN "AgentTurn" t ON t."inboundMessageId" = m."id"
      WHERE m."id" = $1`,
    messageId,
  );
  const row = rows[0];
  if (!row) throw new Error(`inbound message ${messageId} not found`);
  const keywords = typeof row.keywords === "string" ? JSON.parse(row.keywords) : row.keywords;
  return {
    message: rowUnderPrefix<Message>(row, modelFields.message, "m")!,
    brand: rowUnderPrefix<Brand>(row, modelFields.brand, "b")!,
    settings: rowUnderPrefix<AgentSettings>(row, modelFields.agentSettings, "s"),
    storedTurn: rowUnderPrefix<AgentTurn>(row, modelFields.agentTurn, "t"),
    keywords: keywords as ActiveKeyword[],
  };
}
