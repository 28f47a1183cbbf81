-- AlterTable
ALTER TABLE "Lead" ADD COLUMN "firstEventAt" DATETIME;

-- Existing leads get it from their events now, rather than at their next scoring.
UPDATE "Lead" SET "firstEventAt" = (SELECT MIN("occurredAt") FROM "Event" WHERE "Event"."leadId" = "Lead"."id");
