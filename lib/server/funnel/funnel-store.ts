import "server-only";
import type Database from "better-sqlite3";
import { rolesWith } from "@/lib/core/permissions";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Queryable, Tx } from "@/lib/server/store/transaction";
import { preparedPerConnection } from "@/lib/server/store/sqlite-transaction";
import { forIdChunks } from "@/lib/server/store/id-chunks";
import { perEngine } from "@/lib/server/store/per-engine";
import { timeOrderedId } from "@/lib/server/store/time-ordered-id";
import { postgresFunnelStore } from "./postgres-funnel-store";

/*
 * Where leads stand in the funnel and who owns them: stage moves with their transitions, and
 * routing's assignments. A person's move on the board and the score's automatic move write
 * through the same statements, so both leave the same record. The writes are prepared SQL: the
 * ingestion path moves and routes leads inside its event batches (BENCHMARKS.md). Each engine
 * has its own SQL (SQLite's below, PostgreSQL's in postgres-funnel-store.ts); the reads written
 * with the ORM serve both.
 */

/** What a move checks before it is made. */
export type MovableLead = { id: string; stage: string; ownerId: string | null; version: number; country: string | null };

/**
 * A stage move of a lead still at `version`. `returnedAt`: `"set"` when a person sends it back to
 * marketing, `"clear"` when a person marks it MQL again, `"keep"` otherwise.
 */
export type StageMove = { id: string; version: number; stage: string; ownerId: string | null; returnedAt: "set" | "clear" | "keep"; now: number };
export type SameMomentMove = Pick<StageMove, "id" | "version" | "stage" | "ownerId">;

/** One move's record. `actorId` null: the score made it. */
export type TransitionRecord = {
  leadId: string;
  fromStage: string;
  toStage: string;
  move: string;
  actorId: string | null;
  reason: string | null;
  reasonCode: string | null;
  checklist?: string | null;
  dealValueCents?: number | null;
  closedAt?: Date | null;
  createdAt: Date;
};

/** One change of owner, and by what rule. `actorId` null: routing chose. */
export type AssignmentRecord = { leadId: string; fromOwnerId: string | null; toOwnerId: string | null; actorId: string | null; rule: string; createdAt: Date };

/** A rep who gets leads: their open SALs, and when they last got a routed one (ms). */
export type RepLoadRow = { id: string; lastRoutedAt: number | null; openSals: number };

export type LatestTransition = { toStage: string; createdAt: Date; actorName: string | null };

/** Where leads stand in the funnel, and who owns them. */
export interface FunnelStore {
  /** A lead as a move sees it, or undefined if it no longer exists. */
  movableLead(q: Queryable, id: string): Promise<MovableLead | undefined>;
  /** Several leads as a bulk move sees them, with their names; unknown ids are left out. */
  movableLeads(q: Queryable, ids: readonly string[]): Promise<(MovableLead & { firstName: string; lastName: string })[]>;
  /** The lead's most recent move. */
  latestTransition(q: Queryable, leadId: string): Promise<LatestTransition | null>;
  /** Moves the lead if it is still at the version the mover saw; false if someone changed it first. */
  moveIfUnchanged(tx: Tx, move: StageMove): Promise<boolean>;
  /** moveIfUnchanged for several leads at one moment: the ids of those still at their version, now moved. */
  movesIfUnchanged(tx: Tx, moves: readonly SameMomentMove[], at: Pick<StageMove, "returnedAt" | "now">): Promise<Set<string>>;
  /** Moves leads whatever their version (a bulk move has checked each against its plan). */
  moveMany(tx: Tx, ids: readonly string[], move: Omit<StageMove, "id" | "version" | "ownerId">): Promise<void>;
  /** Gives leads an owner; `bumpVersion` when a person did it, so open pages see the change. */
  setOwner(tx: Tx, ids: readonly string[], ownerId: string | null, options: { now: number; bumpVersion: boolean }): Promise<void>;
  recordTransitions(tx: Tx, records: readonly TransitionRecord[]): Promise<void>;
  recordAssignments(tx: Tx, records: readonly AssignmentRecord[]): Promise<void>;
  /** The reps who get leads (active, in a role that receives them), with their load. */
  repLoads(q: Queryable): Promise<RepLoadRow[]>;
  /** A user as an assignment sees them, or undefined. */
  person(q: Queryable, id: string): Promise<{ id: string; name: string; role: string; active: boolean } | undefined>;
  /** Every rep in a role that receives leads, active first, by name. */
  receivingReps(q: Queryable): Promise<{ id: string; name: string; active: boolean }[]>;
  /** Records when each rep last got a routed lead (ms). */
  setLastRoutedAt(tx: Tx, routedAt: ReadonlyMap<string, number>): Promise<void>;
  /**
   * Makes routing decisions one transaction at a time until `tx` ends, so each sees the ones
   * before it: two that read the reps' loads side by side would both pick the same rep.
   */
  lockRouting(tx: Tx): Promise<void>;
}

function prepare(connection: Database.Database) {
  const receivingRoles = rolesWith("leads.receive")
    .map((role) => `'${role}'`)
    .join(", ");
  return {
    movableLead: connection.prepare<[string], MovableLead>(`SELECT id, stage, ownerId, version, country FROM "Lead" WHERE id = ?`),
    moveIfUnchanged: connection.prepare<StageMove & { setReturned: number; clearReturned: number }>(
      `UPDATE "Lead" SET stage = @stage, ownerId = @ownerId, stageEnteredAt = @now, updatedAt = @now, version = version + 1,
         returnedAt = CASE WHEN @setReturned = 1 THEN @now WHEN @clearReturned = 1 THEN NULL ELSE returnedAt END
       WHERE id = @id AND version = @version`,
    ),
    moveOne: connection.prepare<{ id: string; stage: string; now: number; setReturned: number; clearReturned: number }>(
      `UPDATE "Lead" SET stage = @stage, stageEnteredAt = @now, updatedAt = @now, version = version + 1,
         returnedAt = CASE WHEN @setReturned = 1 THEN @now WHEN @clearReturned = 1 THEN NULL ELSE returnedAt END
       WHERE id = @id`,
    ),
    setOwner: connection.prepare<{ id: string; ownerId: string | null; now: number; bump: number }>(
      `UPDATE "Lead" SET ownerId = @ownerId, updatedAt = @now, version = version + @bump WHERE id = @id`,
    ),
    insertTransition: connection.prepare<Required<Omit<TransitionRecord, "closedAt" | "createdAt">> & { id: string; closedAt: number | null; createdAt: number }>(
      `INSERT INTO "StageTransition" (id, leadId, fromStage, toStage, move, actorId, reason, reasonCode, checklist, dealValueCents, closedAt, createdAt)
       VALUES (@id, @leadId, @fromStage, @toStage, @move, @actorId, @reason, @reasonCode, @checklist, @dealValueCents, @closedAt, @createdAt)`,
    ),
    insertAssignment: connection.prepare<Omit<AssignmentRecord, "createdAt"> & { id: string; createdAt: number }>(
      `INSERT INTO "LeadAssignment" (id, leadId, fromOwnerId, toOwnerId, actorId, rule, createdAt)
       VALUES (@id, @leadId, @fromOwnerId, @toOwnerId, @actorId, @rule, @createdAt)`,
    ),
    repLoads: connection.prepare<[], RepLoadRow>(
      `SELECT u.id, u.lastRoutedAt, (SELECT count(*) FROM "Lead" l WHERE l.stage = 'SAL' AND l.ownerId = u.id) AS openSals
       FROM "User" u WHERE u.role IN (${receivingRoles}) AND u.active = 1`,
    ),
    setLastRoutedAt: connection.prepare<[number, string]>(`UPDATE "User" SET lastRoutedAt = ? WHERE id = ?`),
  };
}

const statementsOf = preparedPerConnection(prepare);

const returned = (change: StageMove["returnedAt"]) => ({ setReturned: change === "set" ? 1 : 0, clearReturned: change === "clear" ? 1 : 0 });

const latestTransitionSelect = { toStage: true, createdAt: true, actor: { select: { name: true } } } satisfies Prisma.StageTransitionSelect;

// Through the ORM, the same on both engines.
const ormReads = {
  async latestTransition(q, leadId) {
    const latest = await q.orm.stageTransition.findFirst({ where: { leadId }, orderBy: { createdAt: "desc" }, select: latestTransitionSelect });
    return latest ? { toStage: latest.toStage, createdAt: latest.createdAt, actorName: latest.actor?.name ?? null } : null;
  },
  async person(q, id) {
    return (await q.orm.user.findUnique({ where: { id }, select: { id: true, name: true, role: true, active: true } })) ?? undefined;
  },
  async receivingReps(q) {
    return q.orm.user.findMany({ where: { role: { in: rolesWith("leads.receive") } }, orderBy: [{ active: "desc" }, { name: "asc" }], select: { id: true, name: true, active: true } });
  },
} satisfies Partial<FunnelStore>;

/** What each engine does in its own SQL. */
export type FunnelSqlStore = Omit<FunnelStore, keyof typeof ormReads>;

export const sqliteFunnelStore: FunnelStore = {
  ...ormReads,
  async movableLead(q, id) {
    return statementsOf(q).movableLead.get(id);
  },
  async movableLeads(q, ids) {
    const rows: (MovableLead & { firstName: string; lastName: string })[] = [];
    await forIdChunks(ids, async (chunk) => {
      rows.push(...(await q.orm.lead.findMany({ where: { id: { in: chunk } }, select: { id: true, stage: true, ownerId: true, version: true, country: true, firstName: true, lastName: true } })));
    });
    return rows;
  },
  async moveIfUnchanged(tx, move) {
    return statementsOf(tx).moveIfUnchanged.run({ ...move, ...returned(move.returnedAt) }).changes === 1;
  },
  async movesIfUnchanged(tx, moves, at) {
    const statement = statementsOf(tx).moveIfUnchanged;
    const moved = new Set<string>();
    for (const move of moves) if (statement.run({ ...move, ...at, ...returned(at.returnedAt) }).changes === 1) moved.add(move.id);
    return moved;
  },
  async moveMany(tx, ids, move) {
    const statement = statementsOf(tx).moveOne;
    for (const id of ids) statement.run({ id, stage: move.stage, now: move.now, ...returned(move.returnedAt) });
  },
  async setOwner(tx, ids, ownerId, { now, bumpVersion }) {
    const statement = statementsOf(tx).setOwner;
    for (const id of ids) statement.run({ id, ownerId, now, bump: bumpVersion ? 1 : 0 });
  },
  async recordTransitions(tx, records) {
    const statement = statementsOf(tx).insertTransition;
    for (const record of records) {
      statement.run({
        id: timeOrderedId(),
        leadId: record.leadId,
        fromStage: record.fromStage,
        toStage: record.toStage,
        move: record.move,
        actorId: record.actorId,
        reason: record.reason,
        reasonCode: record.reasonCode,
        checklist: record.checklist ?? null,
        dealValueCents: record.dealValueCents ?? null,
        closedAt: record.closedAt?.getTime() ?? null,
        createdAt: record.createdAt.getTime(),
      });
    }
  },
  async recordAssignments(tx, records) {
    const statement = statementsOf(tx).insertAssignment;
    for (const record of records) statement.run({ ...record, id: timeOrderedId(), createdAt: record.createdAt.getTime() });
  },
  async repLoads(q) {
    return statementsOf(q).repLoads.all();
  },
  async setLastRoutedAt(tx, routedAt) {
    const statement = statementsOf(tx).setLastRoutedAt;
    for (const [repId, at] of routedAt) statement.run(at, repId);
  },
  // SQLite runs one write transaction at a time anyway.
  async lockRouting() {},
};

export const funnelStore: FunnelStore = perEngine({ sqlite: sqliteFunnelStore, postgres: { ...ormReads, ...postgresFunnelStore } });
