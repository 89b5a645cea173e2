-- AlterTable
ALTER TABLE "AgentSettings" ADD COLUMN     "customTone" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "escalationRules" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "styleRules" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Brand" ADD COLUMN     "commercePlatform" TEXT NOT NULL DEFAULT 'builtin',
ADD COLUMN     "shopifyAccessToken" TEXT,
ADD COLUMN     "shopifyDomain" TEXT;

-- CreateTable
CREATE TABLE "KnowledgeArticle" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "url" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeArticle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoffTicket" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "sentiment" TEXT NOT NULL,
    "transcript" JSONB NOT NULL,
    "destination" TEXT NOT NULL DEFAULT 'inbox',
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HandoffTicket_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KnowledgeArticle_brandId_idx" ON "KnowledgeArticle"("brandId");

-- CreateIndex
CREATE UNIQUE INDEX "HandoffTicket_conversationId_key" ON "HandoffTicket"("conversationId");

-- CreateIndex
CREATE INDEX "HandoffTicket_brandId_status_createdAt_idx" ON "HandoffTicket"("brandId", "status", "createdAt");

-- AddForeignKey
ALTER TABLE "KnowledgeArticle" ADD CONSTRAINT "KnowledgeArticle_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoffTicket" ADD CONSTRAINT "HandoffTicket_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoffTicket" ADD CONSTRAINT "HandoffTicket_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
