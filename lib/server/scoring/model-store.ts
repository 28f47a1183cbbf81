import "server-only";
import { Prisma } from "@/lib/server/generated/prisma/client";
import type { Queryable, Tx } from "../store/transaction";

/** A trained (or training) predictive model as stored; `model` and `evaluation` are JSON, once trained. */
export type ModelRow = {
  id: string;
  version: number;
  target: string;
  status: string;
  active: boolean;
  createdAt: Date;
  createdByName: string | null;
  jobId: string | null;
  error: string | null;
  model: string | null;
  evaluation: string | null;
};
export type NewModel = { version: number; target: string; createdById: string | null };
export type ModelChange = { status?: string; error?: string; jobId?: string; model?: string; evaluation?: string };

/** Trained predictive models: their rows, which one is active, and the probabilities they left on leads. */
export interface ModelStore {
  /** Every model, newest first. */
  list(q: Queryable): Promise<ModelRow[]>;
  byId(q: Queryable, id: string): Promise<ModelRow | null>;
  /** The highest version number, or null before the first model. */
  latestVersion(q: Queryable): Promise<number | null>;
  /** Adds a model (status "training"); null when another one took its version at the same moment. */
  insert(tx: Tx, row: NewModel): Promise<ModelRow | null>;
  update(tx: Tx, id: string, change: ModelChange): Promise<void>;
  /** No model is active any more, but `exceptId` when given. */
  deactivateAll(tx: Tx, exceptId?: string): Promise<void>;
  activate(tx: Tx, id: string): Promise<void>;
  /** No lead keeps a probability from a model. */
  clearLeadProbabilities(tx: Tx): Promise<void>;
  /** The version and target of the ready model that is active, or null. */
  active(q: Queryable): Promise<{ version: number; target: string } | null>;
  /** What the model of this version predicts, or null when there is none. */
  targetOf(q: Queryable, version: number): Promise<string | null>;
}

const modelSelect = {
  id: true,
  version: true,
  target: true,
  status: true,
  active: true,
  createdAt: true,
  jobId: true,
  error: true,
  model: true,
  evaluation: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.ScoringModelSelect;

function modelRow({ createdBy, ...row }: Prisma.ScoringModelGetPayload<{ select: typeof modelSelect }>): ModelRow {
  return { ...row, createdByName: createdBy?.name ?? null };
}

// Written with the ORM, so the same implementation serves every engine the ORM supports.
export const modelStore: ModelStore = {
  async list(q) {
    return (await q.orm.scoringModel.findMany({ orderBy: { version: "desc" }, select: modelSelect })).map(modelRow);
  },
  async byId(q, id) {
    const row = await q.orm.scoringModel.findUnique({ where: { id }, select: modelSelect });
    return row && modelRow(row);
  },
  async latestVersion(q) {
    return (await q.orm.scoringModel.findFirst({ orderBy: { version: "desc" }, select: { version: true } }))?.version ?? null;
  },
  async insert(tx, row) {
    try {
      return modelRow(await tx.orm.scoringModel.create({ data: row, select: modelSelect }));
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
      throw error;
    }
  },
  async update(tx, id, change) {
    await tx.orm.scoringModel.update({ where: { id }, data: change });
  },
  async deactivateAll(tx, exceptId) {
    await tx.orm.scoringModel.updateMany({ where: { active: true, ...(exceptId !== undefined && { NOT: { id: exceptId } }) }, data: { active: false } });
  },
  async activate(tx, id) {
    await tx.orm.scoringModel.update({ where: { id }, data: { active: true } });
  },
  async clearLeadProbabilities(tx) {
    await tx.orm.lead.updateMany({ where: { modelVersion: { not: null } }, data: { probability: null, modelVersion: null } });
  },
  active: (q) => q.orm.scoringModel.findFirst({ where: { active: true, status: "ready" }, select: { version: true, target: true } }),
  async targetOf(q, version) {
    return (await q.orm.scoringModel.findUnique({ where: { version }, select: { target: true } }))?.target ?? null;
  },
};
