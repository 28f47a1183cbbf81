import "server-only";
import type Database from "better-sqlite3";
import type { Queryable, Tx } from "../store/transaction";
import { preparedPerConnection } from "../store/sqlite-transaction";
import { perEngine } from "../store/per-engine";
import { postgresHistoryStore } from "./postgres-history-store";

/* Writes of a history import: a lead's past, stored as it happened (PostgreSQL's in postgres-history-store.ts). */

export type ImportedTransitionRow = { id: string; leadId: string; fromStage: string; toStage: string; move: string; reason: string; at: number };

/** A lead's imported past: its stage entries, its creation date and the stage its history ends in. */
export interface HistoryStore {
  /** The stage entries a lead already has (as transitionKey makes them), to store each imported one once. */
  transitionKeys(q: Queryable, leadId: string): Promise<Set<string>>;
  insertTransition(tx: Tx, row: ImportedTransitionRow): Promise<void>;
  /** Dates the lead's creation back to its history's (never forward); a lead with no stage history entered LEAD then too. */
  backdateLead(tx: Tx, leadId: string, createdAt: number): Promise<void>;
  /** Puts the lead in the stage its history ends in, unless what is known of it already is newer; true: it moved. */
  moveToImportedStage(tx: Tx, input: { leadId: string; stage: string; at: number; now: number }): Promise<boolean>;
}

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

const statements = preparedPerConnection(prepare);

/** How transitionKeys names a stage entry: its stage and the moment the lead entered it (postgres-history-store.ts writes the same). */
export function transitionKey(toStage: string, at: number): string {
  return `${toStage}@${at}`;
}

// SQLite: prepared statements, one history record after another inside the import's transaction.
const sqliteHistoryStore: HistoryStore = {
  transitionKeys: async (q, leadId) => new Set(statements(q).transitionsOf.all(leadId).map((row) => transitionKey(row.toStage, row.createdAt))),
  async insertTransition(tx, row) {
    statements(tx).insertTransition.run(row);
  },
  async backdateLead(tx, leadId, createdAt) {
    statements(tx).backdate.run({ id: leadId, createdAt });
  },
  moveToImportedStage: async (tx, input) => statements(tx).setStage.run({ id: input.leadId, stage: input.stage, at: input.at, now: input.now }).changes === 1,
};

export const historyStore: HistoryStore = perEngine({ sqlite: sqliteHistoryStore, postgres: postgresHistoryStore });
