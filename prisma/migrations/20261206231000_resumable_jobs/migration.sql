-- A job interrupted by a restart carries on from its last committed step: the step is recorded
-- with the work it finished, an import keeps its file until it is done, and the job says how
-- often and when it was resumed.
ALTER TABLE "BackgroundJob" ADD COLUMN "checkpoint" TEXT;
ALTER TABLE "BackgroundJob" ADD COLUMN "input" TEXT;
ALTER TABLE "BackgroundJob" ADD COLUMN "resumes" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BackgroundJob" ADD COLUMN "resumedAt" DATETIME;
