-- The new index first, so Event lookups by name and time are never without one.
-- CreateIndex
CREATE INDEX "Event_brandId_name_occurredAt_profileId_idx" ON "Event"("brandId", "name", "occurredAt", "profileId");

-- DropIndex (the new one starts with the same columns)
DROP INDEX "Event_brandId_name_occurredAt_idx";

-- CreateIndex
CREATE INDEX "Message_campaignId_createdAt_idx" ON "Message"("campaignId", "createdAt");
