-- An admin's password reset makes the user choose a new password at their next sign-in.
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
-- Recorded on each successful sign-in; NULL: never signed in.
ALTER TABLE "User" ADD COLUMN "lastSignInAt" DATETIME;
