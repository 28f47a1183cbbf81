/*
  Warnings:

  - You are about to drop the column `scoreExplanation` on the `Lead` table. All the data in the column will be lost.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Lead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "title" TEXT,
    "seniority" TEXT,
    "phone" TEXT,
    "company" TEXT,
    "companySize" INTEGER,
    "annualRevenue" INTEGER,
    "industry" TEXT,
    "country" TEXT,
    "website" TEXT,
    "source" TEXT,
    "customFields" TEXT NOT NULL DEFAULT '{}',
    "searchText" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'LEAD',
    "ownerId" TEXT,
    "fitScore" INTEGER NOT NULL DEFAULT 0,
    "engagementScore" INTEGER NOT NULL DEFAULT 0,
    "totalScore" INTEGER NOT NULL DEFAULT 0,
    "scoreFlags" TEXT NOT NULL DEFAULT '[]',
    "scoredAt" DATETIME,
    "ruleSetVersion" INTEGER,
    "stageEnteredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Lead_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Lead" ("annualRevenue", "company", "companySize", "country", "createdAt", "customFields", "email", "engagementScore", "firstName", "fitScore", "id", "industry", "lastActivityAt", "lastName", "ownerId", "phone", "ruleSetVersion", "scoreFlags", "scoredAt", "searchText", "seniority", "source", "stage", "stageEnteredAt", "title", "totalScore", "updatedAt", "version", "website") SELECT "annualRevenue", "company", "companySize", "country", "createdAt", "customFields", "email", "engagementScore", "firstName", "fitScore", "id", "industry", "lastActivityAt", "lastName", "ownerId", "phone", "ruleSetVersion", "scoreFlags", "scoredAt", "searchText", "seniority", "source", "stage", "stageEnteredAt", "title", "totalScore", "updatedAt", "version", "website" FROM "Lead";
DROP TABLE "Lead";
ALTER TABLE "new_Lead" RENAME TO "Lead";
CREATE UNIQUE INDEX "Lead_email_key" ON "Lead"("email");
CREATE INDEX "Lead_stage_totalScore_id_searchText_idx" ON "Lead"("stage", "totalScore", "id", "searchText");
CREATE INDEX "Lead_stage_ownerId_totalScore_id_searchText_idx" ON "Lead"("stage", "ownerId", "totalScore", "id", "searchText");
CREATE INDEX "Lead_ownerId_idx" ON "Lead"("ownerId");
CREATE INDEX "Lead_updatedAt_idx" ON "Lead"("updatedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
