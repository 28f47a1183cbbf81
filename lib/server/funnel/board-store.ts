import "server-only";
import type { BoardSort, ColumnCursor, OwnerFilter } from "@/lib/core/board";
import { percentRangeBounds } from "@/lib/core/probability";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Queryable } from "@/lib/server/store/transaction";

/** `probMin`: only leads the active model gives at least this whole percent. */
export type BoardFilters = { owner: OwnerFilter; search?: string; probMin?: number | null };

/** What a card on the board shows of a lead. */
export type BoardCardRow = {
  id: string;
  version: number;
  firstName: string;
  lastName: string;
  email: string;
  company: string | null;
  stage: string;
  ownerId: string | null;
  ownerName: string | null;
  fitScore: number;
  engagementScore: number;
  totalScore: number;
  probability: number | null;
  stageEnteredAt: Date;
};

/** The board's columns: leads of one stage, filtered, in the column's order. */
export interface BoardStore {
  /** Up to `take` cards of the column after the cursor. */
  columnPage(q: Queryable, stage: string, filters: BoardFilters, options: { after?: ColumnCursor; sort: BoardSort; take: number }): Promise<BoardCardRow[]>;
  /** How many leads the column holds under the filters. */
  columnCount(q: Queryable, stage: string, filters: BoardFilters): Promise<number>;
  card(q: Queryable, leadId: string): Promise<BoardCardRow | undefined>;
}

const cardSelect = {
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

function toRow({ owner, ...row }: Prisma.LeadGetPayload<{ select: typeof cardSelect }>): BoardCardRow {
  return { ...row, ownerName: owner?.name ?? null };
}

function filterWhere(stage: string, filters: BoardFilters): Prisma.LeadWhereInput {
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
// one come last: SQLite sorts NULL lowest. Saying `nulls: "last"` there makes Prisma sort on a
// CASE expression, which no index serves; this way the probability index can. PostgreSQL sorts
// NULL highest, so it is told NULLS LAST, which it supports natively.
const COLUMN_ORDER: Record<BoardSort, Prisma.LeadOrderByWithRelationInput[]> = {
  score: [{ totalScore: "desc" }, { id: "desc" }],
  probability: [{ probability: "desc" }, { id: "desc" }],
};
const POSTGRES_COLUMN_ORDER: Record<BoardSort, Prisma.LeadOrderByWithRelationInput[]> = {
  ...COLUMN_ORDER,
  probability: [{ probability: { sort: "desc", nulls: "last" } }, { id: "desc" }],
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

// Written with the ORM, so the same implementation serves both engines.
export const boardStore: BoardStore = {
  async columnPage(q, stage, filters, { after, sort, take }) {
    // Both may name the probability: combined, so the cursor never replaces the filter.
    const where: Prisma.LeadWhereInput = after ? { AND: [filterWhere(stage, filters), afterWhere(after, sort)] } : filterWhere(stage, filters);
    const rows = await q.orm.lead.findMany({ where, orderBy: (q.engine === "postgres" ? POSTGRES_COLUMN_ORDER : COLUMN_ORDER)[sort], take, select: cardSelect });
    return rows.map(toRow);
  },
  columnCount: (q, stage, filters) => q.orm.lead.count({ where: filterWhere(stage, filters) }),
  async card(q, leadId) {
    const row = await q.orm.lead.findUnique({ where: { id: leadId }, select: cardSelect });
    return row ? toRow(row) : undefined;
  },
};
