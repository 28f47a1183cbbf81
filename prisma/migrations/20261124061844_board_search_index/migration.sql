-- DropIndex
DROP INDEX "Lead_stage_ownerId_totalScore_id_idx";

-- DropIndex
DROP INDEX "Lead_stage_totalScore_id_idx";

-- CreateIndex
CREATE INDEX "Lead_stage_totalScore_id_searchText_idx" ON "Lead"("stage", "totalScore", "id", "searchText");

-- CreateIndex
CREATE INDEX "Lead_stage_ownerId_totalScore_id_searchText_idx" ON "Lead"("stage", "ownerId", "totalScore", "id", "searchText");
