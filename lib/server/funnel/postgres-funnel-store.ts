import "server-only";
import { rolesWith } from "@/lib/core/permissions";
import { fieldArrays, msToTimestamp, postgresRow, postgresRows, postgresRun } from "@/lib/server/store/postgres-sql";
import { isPostgresTx } from "@/lib/server/store/postgres-transaction";
import { timeOrderedId } from "@/lib/server/store/time-ordered-id";
import type { FunnelSqlStore, MovableLead } from "./funnel-store";

/*
 * funnel-store.ts's SQL on PostgreSQL. Moves of two people race here for real (several
 * transactions run at once): a move is a conditional UPDATE on the version its mover saw, so of
 * two moves at one version exactly one changes the row and the other finds it changed. A bulk
 * move or assignment writes without a version, so it locks the leads it plans from. Rows of a
 * batch go in one statement each (arrays through unnest), not one round trip per row.
 */

type BulkLeadRow = MovableLead & { firstName: string; lastName: string };

const returnedAt = (now: string, change: string) =>
  `CASE ${change}::text WHEN 'set' THEN ${msToTimestamp(now)} WHEN 'clear' THEN NULL ELSE "returnedAt" END`;

export const postgresFunnelStore: FunnelSqlStore = {
  movableLead: (q, id) =>
    postgresRow<MovableLead>(q, { name: "funnel_movable_lead", text: `SELECT id, stage, "ownerId", version, country FROM "Lead" WHERE id = $1`, values: [id] }),
  async movableLeads(q, ids) {
    // In a transaction the leads stay as planned until it commits; in id order, so two bulk
    // actions over the same leads queue rather than deadlock.
    const lock = isPostgresTx(q) ? " ORDER BY id FOR UPDATE" : "";
    return postgresRows<BulkLeadRow>(q, {
      text: `SELECT id, stage, "ownerId", version, country, "firstName", "lastName" FROM "Lead" WHERE id = ANY($1::text[])${lock}`,
      values: [[...ids]],
    });
  },
  async moveIfUnchanged(tx, move) {
    const changed = await postgresRun(tx, {
      name: "funnel_move_if_unchanged",
      text: `UPDATE "Lead" SET stage = $2, "ownerId" = $3, "stageEnteredAt" = ${msToTimestamp("$5")}, "updatedAt" = ${msToTimestamp("$5")},
               version = version + 1, "returnedAt" = ${returnedAt("$5", "$6")}
             WHERE id = $1 AND version = $4`,
      values: [move.id, move.stage, move.ownerId, move.version, move.now, move.returnedAt],
    });
    return changed === 1;
  },
  async movesIfUnchanged(tx, moves, at) {
    if (moves.length === 0) return new Set();
    const moved = await postgresRows<{ id: string }>(tx, {
      name: "funnel_moves_if_unchanged",
      text: `UPDATE "Lead" l SET stage = m.stage, "ownerId" = m."ownerId", "stageEnteredAt" = ${msToTimestamp("$5")}, "updatedAt" = ${msToTimestamp("$5")},
               version = l.version + 1, "returnedAt" = ${returnedAt("$5", "$6")}
             FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS m(id, version, stage, "ownerId")
             WHERE l.id = m.id AND l.version = m.version
             RETURNING l.id`,
      values: [...fieldArrays(moves, ["id", "version", "stage", "ownerId"]), at.now, at.returnedAt],
    });
    return new Set(moved.map((row) => row.id));
  },
  async moveMany(tx, ids, move) {
    if (ids.length === 0) return;
    await postgresRun(tx, {
      name: "funnel_move_many",
      text: `UPDATE "Lead" SET stage = $2, "stageEnteredAt" = ${msToTimestamp("$3")}, "updatedAt" = ${msToTimestamp("$3")},
               version = version + 1, "returnedAt" = ${returnedAt("$3", "$4")}
             WHERE id = ANY($1::text[])`,
      values: [[...ids], move.stage, move.now, move.returnedAt],
    });
  },
  async setOwner(tx, ids, ownerId, { now, bumpVersion }) {
    if (ids.length === 0) return;
    await postgresRun(tx, {
      name: "funnel_set_owner",
      text: `UPDATE "Lead" SET "ownerId" = $2, "updatedAt" = ${msToTimestamp("$3")}, version = version + $4::int WHERE id = ANY($1::text[])`,
      values: [[...ids], ownerId, now, bumpVersion ? 1 : 0],
    });
  },
  async recordTransitions(tx, records) {
    if (records.length === 0) return;
    await postgresRun(tx, {
      name: "funnel_insert_transitions",
      text: `INSERT INTO "StageTransition" (id, "leadId", "fromStage", "toStage", move, "actorId", reason, "reasonCode", checklist, "dealValueCents", "closedAt", "createdAt")
             SELECT t.id, t."leadId", t."fromStage", t."toStage", t.move, t."actorId", t.reason, t."reasonCode", t.checklist, t."dealValueCents",
                    ${msToTimestamp(`t."closedAt"`)}, ${msToTimestamp(`t."createdAt"`)}
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int8[], $11::int8[], $12::int8[])
               AS t(id, "leadId", "fromStage", "toStage", move, "actorId", reason, "reasonCode", checklist, "dealValueCents", "closedAt", "createdAt")`,
      values: [
        records.map(() => timeOrderedId()),
        ...fieldArrays(records, ["leadId", "fromStage", "toStage", "move", "actorId", "reason", "reasonCode"]),
        records.map((record) => record.checklist ?? null),
        records.map((record) => record.dealValueCents ?? null),
        records.map((record) => record.closedAt?.getTime() ?? null),
        records.map((record) => record.createdAt.getTime()),
      ],
    });
  },
  async recordAssignments(tx, records) {
    if (records.length === 0) return;
    await postgresRun(tx, {
      name: "funnel_insert_assignments",
      text: `INSERT INTO "LeadAssignment" (id, "leadId", "fromOwnerId", "toOwnerId", "actorId", rule, "createdAt")
             SELECT a.id, a."leadId", a."fromOwnerId", a."toOwnerId", a."actorId", a.rule, ${msToTimestamp(`a."createdAt"`)}
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int8[])
               AS a(id, "leadId", "fromOwnerId", "toOwnerId", "actorId", rule, "createdAt")`,
      values: [
        records.map(() => timeOrderedId()),
        ...fieldArrays(records, ["leadId", "fromOwnerId", "toOwnerId", "actorId", "rule"]),
        records.map((record) => record.createdAt.getTime()),
      ],
    });
  },
  repLoads: (q) =>
    postgresRows(q, {
      name: "funnel_rep_loads",
      text: `SELECT u.id, u."lastRoutedAt", (SELECT count(*) FROM "Lead" l WHERE l.stage = 'SAL' AND l."ownerId" = u.id) AS "openSals"
             FROM "User" u WHERE u.role = ANY($1::text[]) AND u.active`,
      values: [rolesWith("leads.receive")],
    }),
  async lockRouting(tx) {
    // Held to the end of the transaction; the loads read after it (each statement reads what is
    // committed when it starts) include the decisions of the transaction that held it before.
    await postgresRun(tx, { name: "funnel_lock_routing", text: `SELECT pg_advisory_xact_lock(hashtext('routing'))` });
  },
  async setLastRoutedAt(tx, routedAt) {
    if (routedAt.size === 0) return;
    await postgresRun(tx, {
      name: "funnel_set_last_routed_at",
      text: `UPDATE "User" u SET "lastRoutedAt" = ${msToTimestamp("r.at")} FROM unnest($1::text[], $2::int8[]) AS r(id, at) WHERE u.id = r.id`,
      values: [[...routedAt.keys()], [...routedAt.values()]],
    });
  },
};
