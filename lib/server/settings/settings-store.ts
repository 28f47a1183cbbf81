import "server-only";
import type { ReasonList } from "@/lib/core/reasons";
import { Prisma } from "@/lib/server/generated/prisma/client";
import type { Orm } from "@/lib/server/store/orm";
import type { Queryable, Tx } from "@/lib/server/store/transaction";
import { preparedPerConnection } from "@/lib/server/store/sqlite-transaction";
import { postgresRow } from "@/lib/server/store/postgres-sql";

/** A reason of a managed list (disqualification, reject) as stored. */
export type ReasonRecord = { id: string; code: string; label: string; active: boolean; sortOrder: number };
export type ReasonLabelRow = { code: string; label: string };
export type NewReason = { code: string; label: string; sortOrder: number };
export type ReasonChange = Partial<Pick<ReasonRecord, "label" | "active" | "sortOrder">>;
export type PersonRow = { id: string; name: string; role: string };

/** What the workflow is configured with: the settings (key → JSON), the managed reason lists, and the people the settings name. */
export interface SettingsStore {
  /** A setting's stored JSON, or null when nobody saved it yet. */
  value(q: Queryable, key: string): Promise<string | null>;
  /** Stores a setting's JSON, recording who changed it. */
  save(tx: Tx, key: string, value: string, userId: string): Promise<void>;

  /** Every reason of the list, deactivated ones included, in the order people pick from. */
  reasons(q: Queryable, list: ReasonList): Promise<ReasonRecord[]>;
  /** The list's active reasons, in the order people pick from. */
  activeReasons(q: Queryable, list: ReasonList): Promise<ReasonLabelRow[]>;
  /** The list's reasons with these codes, deactivated ones included; every reason of the list without `codes`. */
  reasonsByCode(q: Queryable, list: ReasonList, codes?: readonly string[]): Promise<ReasonLabelRow[]>;
  reason(q: Queryable, list: ReasonList, id: string): Promise<ReasonRecord | undefined>;
  /** How many active reasons the list has besides `exceptId`. */
  countOtherActiveReasons(q: Queryable, list: ReasonList, exceptId: string): Promise<number>;
  /** How many recorded moves name each code of the list (codes nobody used are absent). */
  reasonUses(q: Queryable, list: ReasonList): Promise<Map<string, number>>;
  /** Adds a reason; null when another one took its code at the same moment. */
  insertReason(tx: Tx, list: ReasonList, reason: NewReason): Promise<ReasonRecord | null>;
  updateReason(tx: Tx, list: ReasonList, id: string, change: ReasonChange): Promise<void>;

  /** Ids of the active people with one of these roles. */
  activeUserIds(q: Queryable, roles: readonly string[]): Promise<string[]>;
  /** The active people with one of these roles, by name. */
  activeUsers(q: Queryable, roles: readonly string[]): Promise<PersonRow[]>;
  /** Name by id of the people with these ids; removed people are absent. */
  userNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>>;
}

// Settings are read by key with a prepared statement: routing reads its rules for every lead a
// score makes an MQL, inside the ingestion hot path, where the ORM costs 5–10× (BENCHMARKS.md).
const statementsOf = preparedPerConnection((connection) => ({
  setting: connection.prepare<[string], { value: string }>(`SELECT value FROM "Setting" WHERE key = ?`),
}));

/**
 * The list's table. RejectReason has exactly DisqualificationReason's columns, so one delegate
 * type serves both; Prisma generates a distinct (but identical) type per model.
 */
function reasonTable(orm: Orm, list: ReasonList): Orm["disqualificationReason"] {
  return list === "disqualification" ? orm.disqualificationReason : (orm.rejectReason as unknown as Orm["disqualificationReason"]);
}

const reasonSelect = { id: true, code: true, label: true, active: true, sortOrder: true } as const;
const pickOrder = [{ sortOrder: "asc" }, { label: "asc" }] satisfies Prisma.DisqualificationReasonOrderByWithRelationInput[];

/** The transitions that count as uses of a list's reasons. */
const USES: Record<ReasonList, Prisma.StageTransitionWhereInput> = {
  disqualification: { toStage: "DISQUALIFIED" },
  reject: { move: "reject" },
};

// Everything but the setting read is written with the ORM, so the same code serves both engines.
export const settingsStore: SettingsStore = {
  async value(q, key) {
    const row =
      q.engine === "postgres"
        ? await postgresRow<{ value: string }>(q, { name: "setting_value", text: `SELECT value FROM "Setting" WHERE key = $1`, values: [key] })
        : statementsOf(q).setting.get(key);
    return row?.value ?? null;
  },
  async save(tx, key, value, userId) {
    await tx.orm.setting.upsert({ where: { key }, create: { key, value, updatedById: userId }, update: { value, updatedById: userId } });
  },

  reasons: (q, list) => reasonTable(q.orm, list).findMany({ orderBy: pickOrder, select: reasonSelect }),
  activeReasons: (q, list) => reasonTable(q.orm, list).findMany({ where: { active: true }, orderBy: pickOrder, select: { code: true, label: true } }),
  reasonsByCode: (q, list, codes) =>
    reasonTable(q.orm, list).findMany({ where: codes ? { code: { in: [...new Set(codes)] } } : {}, select: { code: true, label: true } }),
  async reason(q, list, id) {
    return (await reasonTable(q.orm, list).findUnique({ where: { id }, select: reasonSelect })) ?? undefined;
  },
  countOtherActiveReasons: (q, list, exceptId) => reasonTable(q.orm, list).count({ where: { active: true, id: { not: exceptId } } }),
  async reasonUses(q, list) {
    const uses = await q.orm.stageTransition.groupBy({ by: ["reasonCode"], where: { ...USES[list], reasonCode: { not: null } }, _count: { _all: true } });
    return new Map(uses.map((row) => [row.reasonCode!, row._count._all]));
  },
  async insertReason(tx, list, reason) {
    try {
      return await reasonTable(tx.orm, list).create({ data: reason, select: reasonSelect });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
      throw error;
    }
  },
  async updateReason(tx, list, id, change) {
    await reasonTable(tx.orm, list).update({ where: { id }, data: change });
  },

  async activeUserIds(q, roles) {
    const users = await q.orm.user.findMany({ where: { role: { in: [...roles] }, active: true }, select: { id: true } });
    return users.map((user) => user.id);
  },
  activeUsers: (q, roles) => q.orm.user.findMany({ where: { active: true, role: { in: [...roles] } }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } }),
  async userNames(q, ids) {
    const users = await q.orm.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
    return new Map(users.map((user) => [user.id, user.name]));
  },
};
