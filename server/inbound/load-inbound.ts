import { EventName, newEventId } from "../analytics";
import { Prisma, type AgentSettings, type AgentTurn, type Brand, type Db, type Message, type Profile } from "../db";
import { modelFields, prefixedColumns, rowUnderPrefix } from "../db/joined-row";
import type { ActiveKeyword } from "../keywords";
import { LOOP_REPEAT_WINDOW_MS, type RecentText } from "../sms";

export type LoadedInbound = {
  message: Message;
  brand: Brand;
  settings: AgentSettings | null;
  /** The sender's profile, when the brand knows the number (its Received SMS event is written by the same statement). */
  profile: Profile | null;
  /** The agent turn already stored for this text (the job is re-running after a crash). */
  storedTurn: AgentTurn | null;
  /** The brand's active keyword automations, in keyword order (the keyword and shopper-turn stages match against them). */
  keywords: ActiveKeyword[];
  /** Whether the brand has an active SMS workflow (when not, the workflow stage looks nothing up). */
  hasActiveWorkflows: boolean;
  /** The texts between the brand and this number in the minutes before this one, newest first (bot-loop detection). */
  recentTexts: RecentText[];
};

const cols = (alias: string, fields: Record<string, string>) => Prisma.raw(prefixedColumns(alias, fields));
const asJson = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);

/**
 * Everything the pipeline reads about a text before its stages run, in one statement (one round
 * trip instead of eight): the message, its brand and agent settings, the sender's profile, a turn
 * stored by an earlier run, the brand's active keyword automations, whether it has an active SMS
 * workflow, and the texts of the last few
 * minutes with this number (both ways; campaign texts aside) — and, for a known sender of a text
 * not yet processed, the Received SMS event (a re-run writes nothing new: dedupe key).
 */
export async function loadInbound(db: Db, messageId: string): Promise<LoadedInbound> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    WITH m AS (SELECT * FROM "Message" WHERE "id" = ${messageId}),
    p AS (SELECT pr.* FROM "Profile" pr JOIN m ON pr."brandId" = m."brandId" AND pr."phone" = m."fromNumber"),
    received AS (
      INSERT INTO "Event" ("id", "brandId", "profileId", "name", "properties", "dedupeKey", "occurredAt")
      SELECT ${newEventId()}, p."brandId", p."id", ${EventName.receivedSms}, jsonb_build_object('messageId', m."id", 'body', left(m."body", 320)),
             'received:' || m."id", m."createdAt"
        FROM p JOIN m ON m."processedAt" IS NULL
      ON CONFLICT ("brandId", "dedupeKey") DO NOTHING RETURNING 1)
    SELECT ${cols("m", modelFields.message)}, ${cols("b", modelFields.brand)}, ${cols("s", modelFields.agentSettings)},
           ${cols("t", modelFields.agentTurn)}, ${cols("p", modelFields.profile)},
           (SELECT coalesce(json_agg(json_build_object('keyword', k."keyword", 'reply', k."reply", 'action', k."action",
                      'propertyKey', k."propertyKey", 'propertyValue', k."propertyValue") ORDER BY k."keyword"), '[]'::json)
              FROM "KeywordAutomation" k WHERE k."brandId" = m."brandId" AND k."isActive") AS "keywords",
           EXISTS (SELECT 1 FROM "SmsWorkflow" w WHERE w."brandId" = m."brandId" AND w."isActive") AS "hasActiveWorkflows",
           (SELECT coalesce(json_agg(json_build_object('direction', r."direction", 'body', r."body",
                      'atMs', extract(epoch FROM r."createdAt") * 1000) ORDER BY r."createdAt" DESC), '[]'::json)
              FROM (SELECT x."direction", x."body", x."createdAt" FROM "Message" x
                     WHERE x."brandId" = m."brandId" AND x."id" <> m."id"
                       AND x."createdAt" >= m."createdAt" - ${LOOP_REPEAT_WINDOW_MS}::int * interval '1 millisecond' AND x."createdAt" <= m."createdAt"
                       AND ((x."direction" = 'inbound' AND x."fromNumber" = m."fromNumber")
                         OR (x."direction" = 'outbound' AND x."toNumber" = m."fromNumber" AND x."purpose" <> 'campaign'))
                     ORDER BY x."createdAt" DESC LIMIT 50) r) AS "recentTexts"
      FROM m
      JOIN "Brand" b ON b."id" = m."brandId"
      LEFT JOIN p ON true
      LEFT JOIN "AgentSettings" s ON s."brandId" = m."brandId"
      LEFT JOIN "AgentTurn" t ON t."inboundMessageId" = m."id"`);
  const row = rows[0];
  if (!row) throw new Error(`inbound message ${messageId} not found`);
  const recent = asJson(row.recentTexts) as { direction: "inbound" | "outbound"; body: string; atMs: number }[];
  return {
    message: rowUnderPrefix<Message>(row, modelFields.message, "m")!,
    brand: rowUnderPrefix<Brand>(row, modelFields.brand, "b")!,
    settings: rowUnderPrefix<AgentSettings>(row, modelFields.agentSettings, "s"),
    profile: rowUnderPrefix<Profile>(row, modelFields.profile, "p"),
    storedTurn: rowUnderPrefix<AgentTurn>(row, modelFields.agentTurn, "t"),
    keywords: asJson(row.keywords) as ActiveKeyword[],
    hasActiveWorkflows: row.hasActiveWorkflows === true,
    recentTexts: recent.map((r) => ({ direction: r.direction, body: r.body, at: new Date(Math.round(Number(r.atMs))) })),
  };
}
