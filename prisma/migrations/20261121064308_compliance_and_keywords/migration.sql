-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "purpose" TEXT;

-- CreateTable
CREATE TABLE "ComplianceSettings" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "helpReply" TEXT,
    "optOutReply" TEXT,
    "optInReply" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplianceSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeywordAutomation" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "keyword" TEXT NOT NULL,
    "reply" TEXT NOT NULL,
    "action" TEXT NOT NULL DEFAULT 'none',
    "propertyKey" TEXT,
    "propertyValue" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeywordAutomation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceSettings_brandId_key" ON "ComplianceSettings"("brandId");

-- CreateIndex
CREATE UNIQUE INDEX "KeywordAutomation_brandId_keyword_key" ON "KeywordAutomation"("brandId", "keyword");

-- AddForeignKey
ALTER TABLE "ComplianceSettings" ADD CONSTRAINT "ComplianceSettings_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeywordAutomation" ADD CONSTRAINT "KeywordAutomation_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;
