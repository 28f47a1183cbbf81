import "server-only";
import type Database from "better-sqlite3";
import { Prisma } from "@/lib/server/generated/prisma/client";
import type { Queryable, Tx } from "@/lib/server/store/transaction";
import { preparedPerConnection } from "@/lib/server/store/sqlite-transaction";
import { postgresRow } from "@/lib/server/store/postgres-sql";

/** A saved version of the scoring rules, as the history lists it. */
export type RuleSetVersionRow = { version: number; note: string | null; active: boolean; createdAt: Date; createdByName: string | null };
/** A version's rules (JSON) and the note it was saved with. */
export type RuleSetRow = { version: number; rules: string; note: string | null };
/** A trained model's version and its JSON. */
export type TrainedModelRow = { version: number; model: string };
/** `rules` is the rules' JSON. */
export type NewRuleSet = { version: number; rules: string; note: string | null; active: boolean; createdById: string | null };

/** The saved versions of the scoring rules, and the rules and model that score leads now. */
export interface RuleSetStore {
  /** The active rule set; every scored event reads it. */
  active(q: Queryable): Promise<RuleSetRow | undefined>;
  byVersion(q: Queryable, version: number): Promise<RuleSetRow | undefined>;
  /** The active predictive model, if one is active and trained. */
  activeModel(q: Queryable): Promise<TrainedModelRow | undefined>;
  /** A trained model by version (to explain a probability it gave). */
  modelByVersion(q: Queryable, version: number): Promise<TrainedModelRow | undefined>;
  count(q: Queryable): Promise<number>;
  /** Every version, newest first. */
  versions(q: Queryable): Promise<RuleSetVersionRow[]>;
  /** The highest version number, or null before the first one. */
  latestVersion(q: Queryable): Promise<number | null>;
  /** No version is active any more: the caller activates another in the same transaction. */
  deactivateAll(tx: Tx): Promise<void>;
  /** Adds a version; false when another one took its number at the same moment. */
  insert(tx: Tx, row: NewRuleSet): Promise<boolean>;
}

// What scoring reads on every event is prepared SQL in each engine's dialect (through the ORM it
// costs a few times more per event, BENCHMARKS.md); the rest is written with the ORM.
const statementsOf = preparedPerConnection((connection: Database.Database) => ({
  active: connection.prepare<[], RuleSetRow>(`SELECT version, rules, note FROM "RuleSet" WHERE active = 1 LIMIT 1`),
  byVersion: connection.prepare<[number], RuleSetRow>(`SELECT version, rules, note FROM "RuleSet" WHERE version = ?`),
  activeModel: connection.prepare<[], TrainedModelRow>(`SELECT version, model FROM "ScoringModel" WHERE active = 1 AND status = 'ready' LIMIT 1`),
  modelByVersion: connection.prepare<[number], TrainedModelRow>(`SELECT version, model FROM "ScoringModel" WHERE version = ? AND model IS NOT NULL`),
}));

const postgres = {
  active: (q: Queryable) => postgresRow<RuleSetRow>(q, { name: "rule_set_active", text: `SELECT version, rules, note FROM "RuleSet" WHERE active LIMIT 1` }),
  byVersion: (q: Queryable, version: number) => postgresRow<RuleSetRow>(q, { name: "rule_set_by_version", text: `SELECT version, rules, note FROM "RuleSet" WHERE version = $1`, values: [version] }),
  activeModel: (q: Queryable) =>
    postgresRow<TrainedModelRow>(q, { name: "model_active", text: `SELECT version, model FROM "ScoringModel" WHERE active AND status = 'ready' LIMIT 1` }),
  modelByVersion: (q: Queryable, version: number) =>
    postgresRow<TrainedModelRow>(q, { name: "model_by_version", text: `SELECT version, model FROM "ScoringModel" WHERE version = $1 AND model IS NOT NULL`, values: [version] }),
};

export const ruleSetStore: RuleSetStore = {
  active: async (q) => (q.engine === "postgres" ? postgres.active(q) : statementsOf(q).active.get()),
  byVersion: async (q, version) => (q.engine === "postgres" ? postgres.byVersion(q, version) : statementsOf(q).byVersion.get(version)),
  activeModel: async (q) => (q.engine === "postgres" ? postgres.activeModel(q) : statementsOf(q).activeModel.get()),
  modelByVersion: async (q, version) => (q.engine === "postgres" ? postgres.modelByVersion(q, version) : statementsOf(q).modelByVersion.get(version)),
  count: (q) => q.orm.ruleSet.count(),
  async versions(q) {
    const rows = await q.orm.ruleSet.findMany({
      orderBy: { version: "desc" },
      select: { version: true, note: true, active: true, createdAt: true, createdBy: { select: { name: true } } },
    });
    return rows.map(({ createdBy, ...row }) => ({ ...row, createdByName: createdBy?.name ?? null }));
  },
  async latestVersion(q) {
    return (await q.orm.ruleSet.aggregate({ _max: { version: true } }))._max.version;
  },
  async deactivateAll(tx) {
    await tx.orm.ruleSet.updateMany({ where: { active: true }, data: { active: false } });
  },
  async insert(tx, row) {
    try {
      await tx.orm.ruleSet.create({ data: row });
      return true;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
      throw error;
    }
  },
};
