-- AlterTable
ALTER TABLE "BackgroundJob" ADD COLUMN "leaseUntil" DATETIME;
ALTER TABLE "BackgroundJob" ADD COLUMN "runner" TEXT;

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "tokens" REAL NOT NULL,
    "refilledAt" REAL NOT NULL
);

-- CreateIndex
CREATE INDEX "BackgroundJob_status_leaseUntil_idx" ON "BackgroundJob"("status", "leaseUntil");
