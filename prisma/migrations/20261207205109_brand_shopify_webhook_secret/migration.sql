-- AlterTable
ALTER TABLE "Brand" ADD COLUMN     "shopifyWebhookSecret" TEXT;
