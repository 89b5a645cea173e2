-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "audienceSnapshot" JSONB,
ADD COLUMN     "stopReason" TEXT;

-- CreateTable
CREATE TABLE "ProfileImport" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "csv" TEXT,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "consentChanges" INTEGER NOT NULL DEFAULT 0,
    "warnings" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ProfileImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProfileImport_brandId_createdAt_idx" ON "ProfileImport"("brandId", "createdAt");

-- AddForeignKey
ALTER TABLE "ProfileImport" ADD CONSTRAINT "ProfileImport_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;
