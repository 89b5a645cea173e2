-- AlterTable
ALTER TABLE "Brand" ADD COLUMN     "restrictedGoods" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "ComplianceSettings" ADD COLUMN     "quietHoursEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "quietHoursEnd" INTEGER NOT NULL DEFAULT 21,
ADD COLUMN     "quietHoursStart" INTEGER NOT NULL DEFAULT 8;

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "definition" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Segment_brandId_name_key" ON "Segment"("brandId", "name");

-- AddForeignKey
ALTER TABLE "Segment" ADD CONSTRAINT "Segment_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;
