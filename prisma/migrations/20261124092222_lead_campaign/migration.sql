-- AlterTable
ALTER TABLE "Lead" ADD COLUMN "campaign" TEXT;
