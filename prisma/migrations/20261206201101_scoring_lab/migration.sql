-- Scoring lab: imported history, model probabilities on leads, trained models, API key scopes.
ALTER TABLE "Lead" ADD COLUMN "modelVersion" INTEGER;
ALTER TABLE "Lead" ADD COLUMN "probability" REAL;
ALTER TABLE "StageTransition" ADD COLUMN "imported" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "ApiKey" ADD COLUMN "scopes" TEXT NOT NULL DEFAULT 'ingest,read,scoring';

CREATE TABLE "ScoringModel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'training',
    "active" BOOLEAN NOT NULL DEFAULT false,
    "model" TEXT,
    "evaluation" TEXT,
    "error" TEXT,
    "jobId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ScoringModel_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "ScoringModel_version_key" ON "ScoringModel"("version");
CREATE INDEX "ScoringModel_active_idx" ON "ScoringModel"("active");
CREATE INDEX "Lead_probability_idx" ON "Lead"("probability");
CREATE INDEX "Lead_stage_probability_id_idx" ON "Lead"("stage", "probability", "id");
