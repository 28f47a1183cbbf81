-- Idempotency keys belong to whoever sent them (an API key, imports): the same key from two
-- senders names two events. Keys stored before this had no sender; they keep the empty scope.
ALTER TABLE "Event" ADD COLUMN "idempotencyScope" TEXT NOT NULL DEFAULT '';
DROP INDEX "Event_idempotencyKey_key";
CREATE UNIQUE INDEX "Event_idempotencyScope_idempotencyKey_key" ON "Event"("idempotencyScope", "idempotencyKey");
