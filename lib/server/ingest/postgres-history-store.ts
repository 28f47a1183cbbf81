import "server-only";
import { msToTimestamp, postgresRows, postgresRun } from "../store/postgres-sql";
import type { HistoryStore } from "./history-store";

/* HistoryStore on PostgreSQL: the SQLite store's statements in this dialect, named so each is prepared once per connection. */

export const postgresHistoryStore: HistoryStore = {
  async transitionKeys(q, leadId) {
    const rows = await postgresRows<{ toStage: string; createdAt: number }>(q, {
      name: "history_transitions_of",
      text: `SELECT "toStage", "createdAt" FROM "StageTransition" WHERE "leadId" = $1`,
      values: [leadId],
    });
    // transitionKey's format, written out: history-store.ts imports this module, not the other way round.
    return new Set(rows.map((row) => `${row.toStage}@${row.createdAt}`));
  },
  async insertTransition(tx, row) {
    await postgresRun(tx, {
      name: "history_insert_transition",
      text: `INSERT INTO "StageTransition" (id, "leadId", "fromStage", "toStage", move, "actorId", reason, imported, "createdAt")
        VALUES ($1, $2, $3, $4, $5, NULL, $6, true, ${msToTimestamp("$7")})`,
      values: [row.id, row.leadId, row.fromStage, row.toStage, row.move, row.reason, row.at],
    });
  },
  async backdateLead(tx, leadId, createdAt) {
    await postgresRun(tx, {
      name: "history_backdate_lead",
      text: `UPDATE "Lead" SET "createdAt" = LEAST("createdAt", ${msToTimestamp("$2")}),
          "stageEnteredAt" = CASE WHEN stage = 'LEAD' AND NOT EXISTS (SELECT 1 FROM "StageTransition" t WHERE t."leadId" = "Lead".id)
                             THEN LEAST("stageEnteredAt", ${msToTimestamp("$2")}) ELSE "stageEnteredAt" END
        WHERE id = $1`,
      values: [leadId, createdAt],
    });
  },
  // A conditional UPDATE: a concurrent move of the same lead is waited for and the condition read again after it.
  moveToImportedStage: async (tx, input) =>
    (await postgresRun(tx, {
      name: "history_move_to_imported_stage",
      text: `UPDATE "Lead" SET stage = $2, "stageEnteredAt" = ${msToTimestamp("$3")}, "updatedAt" = ${msToTimestamp("$4")}, version = version + 1
        WHERE id = $1 AND ("stageEnteredAt" < ${msToTimestamp("$3")} OR ("stageEnteredAt" = ${msToTimestamp("$3")} AND stage <> $2))`,
      values: [input.leadId, input.stage, input.at, input.now],
    })) === 1,
};
