import "server-only";
import type Database from "better-sqlite3";
import { writeConnection } from "./sqlite-store";

/* Writes of a history import: a lead's past, stored as it happened (SQLite dialect). */

export type ImportedTransitionRow = { id: string; leadId: string; fromStage: string; toStage: string; move: string; reason: string; at: number };

function prepare(connection: Database.Database) {
  return {
    transitionsOf: connection.prepare<[string], { toStage: string; createdAt: number }>(`SELECT toStage, createdAt FROM "StageTransition" WHERE leadId = ?`),
    insertTransition: connection.prepare<ImportedTransitionRow>(
      `INSERT INTO "StageTransition" (id, leadId, fromStage, toStage, move, actorId, reason, imported, createdAt)
       VALUES (@id, @leadId, @fromStage, @toStage, @move, NULL, @reason, 1, @at)`,
    ),
    backdate: connection.prepare<{ id: string; createdAt: number }>(
      `UPDATE "Lead" SET createdAt = MIN(createdAt, @createdAt),
         stageEnteredAt = CASE WHEN stage = 'LEAD' AND NOT EXISTS (SELECT 1 FROM "StageTransition" t WHERE t.leadId = "Lead".id)
                          THEN MIN(stageEnteredAt, @createdAt) ELSE stageEnteredAt END
       WHERE id = @id`,
    ),
    // Only a history newer than what the lead's stage already says moves it; the same one again changes nothing.
    setStage: connection.prepare<{ id: string; stage: string; at: number; now: number }>(
      `UPDATE "Lead" SET stage = @stage, stageEnteredAt = @at, updatedAt = @now, version = version + 1
       WHERE id = @id AND (stageEnteredAt < @at OR (stageEnteredAt = @at AND stage <> @stage))`,
    ),
  };
}

let cached: { connection: Database.Database; statements: ReturnType<typeof prepare> } | undefined;

function statements() {
  const connection = writeConnection();
  if (cached?.connection !== connection) cached = { connection, statements: prepare(connection) };
  return cached.statements;
}

/** The stage entries a lead already has, to store each imported one once. */
export function transitionKeys(leadId: string): Set<string> {
  return new Set(statements().transitionsOf.all(leadId).map((row) => transitionKey(row.toStage, row.createdAt)));
}

export function transitionKey(toStage: string, at: number): string {
  return `${toStage}@${at}`;
}

export function insertImportedTransition(row: ImportedTransitionRow): void {
  statements().insertTransition.run(row);
}

/** Dates the lead's creation back to its history's (never forward); a lead with no stage history entered LEAD then too. */
export function backdateLead(leadId: string, createdAt: number): void {
  statements().backdate.run({ id: leadId, createdAt });
}

/** Puts the lead in the stage its history ends in, unless what is known of it already is newer. */
export function moveToImportedStage(input: { leadId: string; stage: string; at: number; now: number }): boolean {
  return statements().setStage.run({ id: input.leadId, stage: input.stage, at: input.at, now: input.now }).changes === 1;
}

/** Runs `work` as a savepoint inside the current transaction: a failing record leaves nothing behind. */
export function inSavepoint<T>(work: () => T): T {
  return writeConnection().transaction(work)();
}
