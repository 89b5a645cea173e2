-- AlterEnum
ALTER TYPE "ConversationStatus" ADD VALUE 'closed';

-- AlterTable
ALTER TABLE "Brand" ADD COLUMN     "hasSmsPlan" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "smsWorkflowsEnabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "closedById" TEXT,
ADD COLUMN     "lastReadAt" TIMESTAMP(3),
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "workflowId" TEXT,
ADD COLUMN     "workflowState" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "workflowStepIndex" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "HandoffTicket" ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "deliveryStatus" TEXT NOT NULL DEFAULT 'inbox',
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "lastError" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "authorName" TEXT;

-- CreateTable
CREATE TABLE "ConversationNote" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpdeskConnection" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'none',
    "config" JSONB NOT NULL DEFAULT '{}',
    "secrets" TEXT,
    "apiKeyHash" TEXT,
    "apiKeyLast4" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HelpdeskConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoffDelivery" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "ticketId" TEXT,
    "connector" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "error" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HandoffDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assistant" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "model" TEXT NOT NULL DEFAULT 'builtin',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assistant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsWorkflow" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "goal" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "context" TEXT NOT NULL DEFAULT '',
    "responseTemplate" TEXT NOT NULL DEFAULT '',
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "priority" INTEGER NOT NULL DEFAULT 0,
    "isActive" BOOLEAN NOT NULL DEFAULT false,
    "assistantId" TEXT,
    "steps" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmsWorkflow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowRecord" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "workflowId" TEXT,
    "collection" TEXT NOT NULL,
    "profileId" TEXT,
    "conversationId" TEXT,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConversationNote_conversationId_createdAt_idx" ON "ConversationNote"("conversationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HelpdeskConnection_brandId_key" ON "HelpdeskConnection"("brandId");

-- CreateIndex
CREATE UNIQUE INDEX "HelpdeskConnection_apiKeyHash_key" ON "HelpdeskConnection"("apiKeyHash");

-- CreateIndex
CREATE INDEX "HandoffDelivery_brandId_createdAt_idx" ON "HandoffDelivery"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "HandoffDelivery_ticketId_createdAt_idx" ON "HandoffDelivery"("ticketId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Assistant_brandId_name_key" ON "Assistant"("brandId", "name");

-- CreateIndex
CREATE INDEX "SmsWorkflow_brandId_isActive_priority_idx" ON "SmsWorkflow"("brandId", "isActive", "priority");

-- CreateIndex
CREATE INDEX "WorkflowRecord_brandId_collection_createdAt_idx" ON "WorkflowRecord"("brandId", "collection", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowRecord_conversationId_collection_key" ON "WorkflowRecord"("conversationId", "collection");

-- CreateIndex
CREATE INDEX "Conversation_brandId_status_lastMessageAt_idx" ON "Conversation"("brandId", "status", "lastMessageAt");

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "SmsWorkflow"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNote" ADD CONSTRAINT "ConversationNote_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNote" ADD CONSTRAINT "ConversationNote_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpdeskConnection" ADD CONSTRAINT "HelpdeskConnection_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoffDelivery" ADD CONSTRAINT "HandoffDelivery_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoffDelivery" ADD CONSTRAINT "HandoffDelivery_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "HandoffTicket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assistant" ADD CONSTRAINT "Assistant_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsWorkflow" ADD CONSTRAINT "SmsWorkflow_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsWorkflow" ADD CONSTRAINT "SmsWorkflow_assistantId_fkey" FOREIGN KEY ("assistantId") REFERENCES "Assistant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowRecord" ADD CONSTRAINT "WorkflowRecord_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowRecord" ADD CONSTRAINT "WorkflowRecord_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "SmsWorkflow"("id") ON DELETE SET NULL ON UPDATE CASCADE;
