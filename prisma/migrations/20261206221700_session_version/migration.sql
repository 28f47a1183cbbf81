-- Bumped to end every session of a user (sign-out, deactivation, "End sessions").
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
