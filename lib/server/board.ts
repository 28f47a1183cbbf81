import "server-only";
import { leadName } from "@/lib/core/lead-search";
import { percentRangeBounds } from "@/lib/core/probability";
import type { BoardCard, BoardColumn, BoardSort, ColumnCursor, OwnerFilter } from "@/lib/core/board";
import { BOARD_PAGE_SIZE, DEFAULT_BOARD_SORT, cardPosition, encodeCursor } from "@/lib/core/board";
import type { Stage } from "@/lib/core/stages";
import { isStage } from "@/lib/core/stages";
import { db } from "./db";
import type { Prisma } from "./generated/prisma/client";

/** `probMin`: only leads the active model gives at least this whole percent. */
export type BoardFilters = { owner: OwnerFilter; search?: string; probMin?: number | null };

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
  probability: true,
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
    probability: row.probability,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
  };
}

function filterWhere(stage: Stage, filters: BoardFilters): Prisma.LeadWhereInput {
  const where: Prisma.LeadWhereInput = { stage };
  if (filters.owner.kind === "unassigned") where.ownerId = null;
  if (filters.owner.kind === "user") where.ownerId = filters.owner.userId;
  if (filters.search) where.searchText = { contains: filters.search };
  const probability = filters.probMin ? percentRangeBounds({ min: filters.probMin, max: null }) : null;
  if (probability) where.probability = probability;
  return where;
}

// Highest first; ties broken by id so the cursor is stable. By score both run descending, so the
// (stage, totalScore, id) index is walked backwards with no sort step. By probability, leads without
// one come last: SQLite sorts NULL lowest. Saying `nulls: "last"` instead makes Prisma sort on a
// CASE expression, which no index serves; this way the probability index can.
const COLUMN_ORDER: Record<BoardSort, Prisma.LeadOrderByWithRelationInput[]> = {
  score: [{ totalScore: "desc" }, { id: "desc" }],
  probability: [{ probability: "desc" }, { id: "desc" }],
};

/** The cards after the cursor in the column's order. */
function afterWhere(after: ColumnCursor, sort: BoardSort): Prisma.LeadWhereInput {
  if (sort === "score") {
    // decodeCursor gives a score cursor a whole number, always.
    const score = after.value ?? 0;
    return { OR: [{ totalScore: { lt: score } }, { totalScore: score, id: { lt: after.id } }] };
  }
  if (after.value === null) return { probability: null, id: { lt: after.id } };
  return { OR: [{ probability: { lt: after.value } }, { probability: after.value, id: { lt: after.id } }, { probability: null }] };
}

export async function loadColumnPage(stage: Stage, filters: BoardFilters, after?: ColumnCursor, sort: BoardSort = DEFAULT_BOARD_SORT): Promise<Omit<BoardColumn, "count">> {
  // Both may name the probability: combined, so the cursor never replaces the filter.
  const where: Prisma.LeadWhereInput = after ? { AND: [filterWhere(stage, filters), afterWhere(after, sort)] } : filterWhere(stage, filters);
  const rows = await db.lead.findMany({ where, orderBy: COLUMN_ORDER[sort], take: BOARD_PAGE_SIZE + 1, select: boardCardSelect });
  const page = rows.slice(0, BOARD_PAGE_SIZE).map(toBoardCard);
  const last = page.at(-1);
  return { stage, cards: page, nextCursor: rows.length > BOARD_PAGE_SIZE && last ? encodeCursor(cardPosition(last, sort)) : null };
}

export async function loadColumn(stage: Stage, filters: BoardFilters, sort: BoardSort = DEFAULT_BOARD_SORT): Promise<BoardColumn> {
  const [page, count] = await Promise.all([loadColumnPage(stage, filters, undefined, sort), db.lead.count({ where: filterWhere(stage, filters) })]);
  return { ...page, count };
}

export async function loadBoard(stages: readonly Stage[], filters: BoardFilters, sort: BoardSort = DEFAULT_BOARD_SORT): Promise<BoardColumn[]> {
  return Promise.all(stages.map((stage) => loadColumn(stage, filters, sort)));
}

/** Counts only, for the collapsed outcome columns. */
export async function countByStage(stages: readonly Stage[], filters: BoardFilters): Promise<Record<string, number>> {
  const counts = await Promise.all(stages.map((stage) => db.lead.count({ where: filterWhere(stage, filters) })));
  return Object.fromEntries(stages.map((stage, index) => [stage, counts[index]]));
}
