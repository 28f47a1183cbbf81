-- AlterTable
ALTER TABLE "BackgroundJob" ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "runner" TEXT;

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilledAt" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "BackgroundJob_status_leaseUntil_idx" ON "BackgroundJob"("status", "leaseUntil");

