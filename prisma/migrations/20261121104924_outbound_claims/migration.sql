-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "unconfirmedSendAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Message_status_claimedAt_idx" ON "Message"("status", "claimedAt");
