/**
 * Reply attribution: which campaign a shopper is answering. The most recent campaign text sent to
 * the profile within the brand's attribution window (Brand.attributionWindowHours, 24 h by default)
 * before `now`. Texts that failed or were refused don't count: the shopper never saw them.
 */
import { Prisma, type Db } from "../db";

export const DEFAULT_ATTRIBUTION_WINDOW_HOURS = 24;

export async function campaignForReply(
  db: Db,
  input: { brandId: string; profileId: string; now: Date; /** The brand's, when the caller holds the brand row (saves a query). */ attributionWindowHours?: number },
): Promise<{ campaignId: string } | null> {
  const brand =
    input.attributionWindowHours !== undefined
      ? { attributionWindowHours: input.attributionWindowHours }
      : await db.brand.findUnique({ where: { id: input.brandId }, select: { attributionWindowHours: true } });
  if (!brand) return null;
  const hours = brand.attributionWindowHours > 0 ? brand.attributionWindowHours : DEFAULT_ATTRIBUTION_WINDOW_HOURS;
  const since = new Date(input.now.getTime() - hours * 3_600_000);
  const message = await db.message.findFirst({
    where: {
      brandId: input.brandId,
      profileId: input.profileId,
      direction: "outbound",
      campaignId: { not: null },
      status: { in: ["sent", "delivered"] },
      createdAt: { gte: since, lte: input.now },
    },
    orderBy: { createdAt: "desc" },
    select: { campaignId: true },
  });
  return message?.campaignId ? { campaignId: message.campaignId } : null;
}

/**
 * The same look-up as a scalar subquery, for a caller that reads it with other rows in one
 * statement (the pipeline's conversation stage): the campaign id, or NULL.
 */
export function campaignForReplySql(input: { brandId: string; profileId: string; now: Date; attributionWindowHours: number }): Prisma.Sql {
  const hours = input.attributionWindowHours > 0 ? input.attributionWindowHours : DEFAULT_ATTRIBUTION_WINDOW_HOURS;
  const since = new Date(input.now.getTime() - hours * 3_600_000);
  return Prisma.sql`(SELECT "campaignId" FROM "Message"
      WHERE "brandId" = ${input.brandId} AND "profileId" = ${input.profileId} AND "direction" = 'outbound' AND "campaignId" IS NOT NULL
        AND "status" IN ('sent', 'delivered') AND "createdAt" >= ${since}::timestamp(3) AND "createdAt" <= ${input.now}::timestamp(3)
      ORDER BY "createdAt" DESC LIMIT 1)`;
}
