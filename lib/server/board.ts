import "server-only";
import { leadName } from "@/lib/core/lead-search";
import type { BoardCard, BoardColumn, ColumnCursor, OwnerFilter } from "@/lib/core/board";
import { BOARD_PAGE_SIZE, encodeCursor } from "@/lib/core/board";
import type { Stage } from "@/lib/core/stages";
import { isStage } from "@/lib/core/stages";
import { db } from "./db";
import type { Prisma } from "./generated/prisma/client";

export type BoardFilters = { owner: OwnerFilter; search?: string };

export const boardCardSelect = {
  id: true,
  version: true,
  firstName: true,
  lastName: true,
  email: true,
  company: true,
  stage: true,
  ownerId: true,
  owner: { select: { name: true } },
  fitScore: true,
  engagementScore: true,
  totalScore: true,
  stageEnteredAt: true,
} satisfies Prisma.LeadSelect;

type CardRow = Prisma.LeadGetPayload<{ select: typeof boardCardSelect }>;

export function toBoardCard(row: CardRow): BoardCard {
  if (!isStage(row.stage)) throw new Error(`Lead ${row.id} has an unknown stage ${row.stage}`);
  return {
    id: row.id,
    version: row.version,
    name: leadName(row),
    email: row.email,
    company: row.company,
    stage: row.stage,
    ownerId: row.ownerId,
    ownerName: row.owner?.name ?? null,
    fitScore: row.fitScore,
    engagementScore: row.engagementScore,
    totalScore: row.totalScore,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
  };
}

function filterWhere(stage: Stage, filters: BoardFilters): Prisma.LeadWhereInput {
  const where: Prisma.LeadWhereInput = { stage };
  if (filters.owner.kind === "unassigned") where.ownerId = null;
  if (filters.owner.kind === "user") where.ownerId = filters.owner.userId;
  if (filters.search) where.searchText = { contains: filters.search };
  return where;
}

// Highest score first; ties broken by id so the cursor is stable. Both descending, so the
// (stage, totalScore, id) index is walked backwards with no sort step.
const columnOrder: Prisma.LeadOrderByWithRelationInput[] = [{ totalScore: "desc" }, { id: "desc" }];

export async function loadColumnPage(stage: Stage, filters: BoardFilters, after?: ColumnCursor): Promise<Omit<BoardColumn, "count">> {
  const where = filterWhere(stage, filters);
  if (after) {
    where.OR = [{ totalScore: { lt: after.totalScore } }, { totalScore: after.totalScore, id: { lt: after.id } }];
  }
  const rows = await db.lead.findMany({ where, orderBy: columnOrder, take: BOARD_PAGE_SIZE + 1, select: boardCardSelect });
  const page = rows.slice(0, BOARD_PAGE_SIZE);
  const last = page.at(-1);
  return {
    stage,
    cards: page.map(toBoardCard),
    nextCursor: rows.length > BOARD_PAGE_SIZE && last ? encodeCursor({ totalScore: last.totalScore, id: last.id }) : null,
  };
}

export async function loadColumn(stage: Stage, filters: BoardFilters): Promise<BoardColumn> {
  const [page, count] = await Promise.all([loadColumnPage(stage, filters), db.lead.count({ where: filterWhere(stage, filters) })]);
  return { ...page, count };
}

export async function loadBoard(stages: readonly Stage[], filters: BoardFilters): Promise<BoardColumn[]> {
  return Promise.all(stages.map((stage) => loadColumn(stage, filters)));
}

/** Counts only, for the collapsed outcome columns. */
export async function countByStage(stages: readonly Stage[], filters: BoardFilters): Promise<Record<string, number>> {
  const counts = await Promise.all(stages.map((stage) => db.lead.count({ where: filterWhere(stage, filters) })));
  return Object.fromEntries(stages.map((stage, index) => [stage, counts[index]]));
}
