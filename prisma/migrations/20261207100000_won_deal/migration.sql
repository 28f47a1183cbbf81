-- A win records its deal: the value in cents and the day it closed. Earlier transitions have none.
ALTER TABLE "StageTransition" ADD COLUMN "dealValueCents" BIGINT;
ALTER TABLE "StageTransition" ADD COLUMN "closedAt" DATETIME;
