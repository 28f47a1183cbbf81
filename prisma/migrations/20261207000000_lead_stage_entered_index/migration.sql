-- The navigation counts a manager's overdue MQLs on every page: a range of this index instead of
-- reading every MQL row.
CREATE INDEX "Lead_stage_stageEnteredAt_idx" ON "Lead"("stage", "stageEnteredAt");
