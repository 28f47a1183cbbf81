import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

/* Trained predictive models: their rows, which one is active, and the probabilities they left on leads. */

export const modelSelect = {
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

export type ModelRow = Prisma.ScoringModelGetPayload<{ select: typeof modelSelect }>;

export function modelRows(): Promise<ModelRow[]> {
  return db.scoringModel.findMany({ orderBy: { version: "desc" }, select: modelSelect });
}

export function modelRow(id: string): Promise<ModelRow | null> {
  return db.scoringModel.findUnique({ where: { id }, select: modelSelect });
}

/** A new model row at the next version; null when another one took that version at the same moment. */
export async function createModelRow(input: { target: string; createdById: string | null }): Promise<ModelRow | null> {
  const latest = await db.scoringModel.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
  try {
    return await db.scoringModel.create({ data: { version: (latest?.version ?? 0) + 1, target: input.target, createdById: input.createdById }, select: modelSelect });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

export async function updateModelRow(id: string, data: { status?: string; error?: string; jobId?: string; model?: string; evaluation?: string }): Promise<void> {
  await db.scoringModel.update({ where: { id }, data });
}

/** Makes one model the active one, in one transaction. */
export async function setActiveModel(id: string): Promise<void> {
  await db.$transaction([
    db.scoringModel.updateMany({ where: { active: true, NOT: { id } }, data: { active: false } }),
    db.scoringModel.update({ where: { id }, data: { active: true } }),
  ]);
}

/** No model active, and no lead keeps a probability from one. */
export async function clearActiveModel(): Promise<void> {
  await db.$transaction([
    db.scoringModel.updateMany({ where: { active: true }, data: { active: false } }),
    db.lead.updateMany({ where: { modelVersion: { not: null } }, data: { probability: null, modelVersion: null } }),
  ]);
}

export function activeModelRow(): Promise<{ version: number; target: string } | null> {
  return db.scoringModel.findFirst({ where: { active: true, status: "ready" }, select: { version: true, target: true } });
}

export async function modelTarget(version: number): Promise<string | null> {
  return (await db.scoringModel.findUnique({ where: { version }, select: { target: true } }))?.target ?? null;
}
