-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "awaitingPersonSince" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Conversation_brandId_awaitingPersonSince_idx" ON "Conversation"("brandId", "awaitingPersonSince");

-- Conversations already with people: waiting since their latest shopper text when no person has
-- answered it (an escalated or failed one, or a closed-out one the shopper texted again).
UPDATE "Conversation" c SET "awaitingPersonSince" = last_in."createdAt"
FROM (
  SELECT m."conversationId", max(m."createdAt") AS "createdAt" FROM "Message" m
  WHERE m.direction = 'inbound' AND m."conversationId" IS NOT NULL GROUP BY m."conversationId"
) last_in
WHERE last_in."conversationId" = c.id
  AND c.status IN ('escalated', 'failed', 'closed_out')
  AND NOT EXISTS (
    SELECT 1 FROM "Message" r WHERE r."conversationId" = c.id AND r.direction = 'outbound'
      AND r."createdAt" > last_in."createdAt" AND (r.author = 'human' OR c.status = 'closed_out')
  );
