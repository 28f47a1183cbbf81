import "server-only";
import type { LeadSort, LeadTableFilters, ReachedFilter, SortDirection } from "@/lib/core/lead-table";
import { dayRangeBounds, ownerFilterOf } from "@/lib/core/lead-table";
import type { CompanySizeBand } from "@/lib/core/metrics/segment";
import { COMPANY_SIZE_BANDS } from "@/lib/core/metrics/segment";
import { percentRangeBounds } from "@/lib/core/probability";
import { overdueCutoff } from "@/lib/core/sla";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Queryable } from "@/lib/server/store/transaction";
import type { ApiLeadRow } from "./lead-store";
import { apiLeadSelect } from "./lead-store";

/** What the filter needs besides itself: who "me" is, and the SLA for "overdue". */
export type FilterContext = { userId: string; slaHours: number; now: Date };

/** The table's filters, and what only the queues narrow by: leads someone owns, leads sent back to marketing. */
export type LeadListFilters = LeadTableFilters & { ownedOnly?: boolean; returnedOnly?: boolean };

/** The table's sort, or the review's latest return first. */
export type LeadListSort = LeadSort | { column: "returnedAt"; direction: SortDirection };

/** A lead as the lists show it. */
export type LeadListRow = {
  id: string;
  version: number;
  firstName: string;
  lastName: string;
  email: string;
  company: string | null;
  title: string | null;
  stage: string;
  ownerId: string | null;
  ownerName: string | null;
  totalScore: number;
  fitScore: number;
  engagementScore: number;
  probability: number | null;
  source: string | null;
  industry: string | null;
  country: string | null;
  stageEnteredAt: Date;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date | null;
  returnedAt: Date | null;
};

/** The lead attributes the table's list filters offer values of. */
export type FilterOptionColumn = "source" | "campaign" | "industry" | "country";

/** A move that sent a lead back to LEAD, with its reason as written. `actorName` null: the system. */
export type ReturnTransitionRow = { leadId: string; move: string; reason: string | null; reasonCode: string | null; createdAt: Date; actorName: string | null };

/** The API's list: its filters, and the place in the list (last change, then id) the page starts after. */
export type ApiLeadListFilters = { email?: string; stage?: string; minScore?: number; updatedSince?: Date; after?: { updatedAt: Date; id: string } };

export type LeadScoresRow = { fitScore: number; engagementScore: number; totalScore: number; scoredAt: Date | null; ruleSetVersion: number | null };

/** The leads as lists show them: filtered, sorted and paged for the table, the queues and the export. */
export interface LeadListStore {
  /** How many leads match. */
  count(q: Queryable, filters: LeadListFilters, context: FilterContext): Promise<number>;
  /**
   * A page of a list whose order an index serves (the queues): the rows in one read, after
   * passing over `skip` of them.
   */
  rows(q: Queryable, filters: LeadListFilters, context: FilterContext, sort: LeadListSort, page: { skip?: number; take: number }): Promise<LeadListRow[]>;
  /** A page of the table, sorted by any column: cheap however deep, where no index serves the sort. */
  page(q: Queryable, filters: LeadListFilters, context: FilterContext, sort: LeadListSort, page: { skip?: number; take: number }): Promise<LeadListRow[]>;
  /** The ids of the first `limit` matching leads, in order (for "all matching" actions and the export). */
  ids(q: Queryable, filters: LeadListFilters, context: FilterContext, sort: LeadListSort, limit: number): Promise<string[]>;
  /** The leads of `ids` that still exist, in the order of `ids`. */
  byIds(q: Queryable, ids: readonly string[]): Promise<LeadListRow[]>;
  /** Up to `take` leads in the order they last changed, oldest first (then by id), for the API's list. */
  apiPage(q: Queryable, filters: ApiLeadListFilters, take: number): Promise<ApiLeadRow[]>;
  /** Every value of the column some lead has (null and "" included), in order. */
  distinctValues(q: Queryable, column: FilterOptionColumn): Promise<(string | null)[]>;
  /** The moves among `moves` that sent the leads back to LEAD, latest first. */
  returnTransitions(q: Queryable, leadIds: readonly string[], moves: readonly string[]): Promise<ReturnTransitionRow[]>;
  /** A lead's scores, as the review explains them; undefined if it no longer exists. */
  scores(q: Queryable, leadId: string): Promise<LeadScoresRow | undefined>;
}

const rowSelect = {
  id: true,
  version: true,
  firstName: true,
  lastName: true,
  email: true,
  company: true,
  title: true,
  stage: true,
  ownerId: true,
  owner: { select: { name: true } },
  totalScore: true,
  fitScore: true,
  engagementScore: true,
  probability: true,
  source: true,
  industry: true,
  country: true,
  stageEnteredAt: true,
  createdAt: true,
  updatedAt: true,
  lastActivityAt: true,
  returnedAt: true,
} satisfies Prisma.LeadSelect;

function toRow({ owner, ...row }: Prisma.LeadGetPayload<{ select: typeof rowSelect }>): LeadListRow {
  return { ...row, ownerName: owner?.name ?? null };
}

function numberRange(range: { min: number | null; max: number | null }): Prisma.IntFilter | undefined {
  if (range.min === null && range.max === null) return undefined;
  return { ...(range.min !== null && { gte: range.min }), ...(range.max !== null && { lte: range.max }) };
}

function dateRange(range: { from: string | null; to: string | null }): Prisma.DateTimeFilter | undefined {
  const bounds = dayRangeBounds(range);
  return bounds.gte || bounds.lt ? bounds : undefined;
}

function companySizeRange(id: CompanySizeBand): Prisma.IntNullableFilter {
  const band = COMPANY_SIZE_BANDS.find((candidate) => candidate.id === id)!;
  return { gte: band.min, ...(band.max !== null && { lte: band.max }) };
}

/** See ReachedFilter; a lead without a transition is in LEAD since its creation, so creation counts as entering LEAD. */
function reachedWhere(reached: ReachedFilter): Prisma.LeadWhereInput | undefined {
  const within = dateRange(reached);
  // Prisma checks `some` lead by lead (a correlated EXISTS). With `toStage = ?` SQLite serves that
  // check from the (toStage, createdAt) index, walking every move into the stage for each lead:
  // minutes at 100,000 leads. The same stage written as a range steers it to (leadId, createdAt).
  const stage = { gte: reached.stage, lte: reached.stage };
  const movedIn: Prisma.LeadWhereInput = { transitions: { some: { toStage: stage, ...(within && { createdAt: within }) } } };
  if (reached.stage !== "LEAD") return movedIn;
  return within ? { OR: [{ createdAt: within }, movedIn] } : undefined;
}

/** The filters as a Prisma condition, shared by every list and the navigation's counts. */
function leadTableWhere(filters: LeadListFilters, context: FilterContext): Prisma.LeadWhereInput {
  const and: Prisma.LeadWhereInput[] = [];
  if (filters.stages.length > 0) and.push({ stage: filters.stages.length === 1 ? filters.stages[0] : { in: filters.stages } });
  const owner = ownerFilterOf(filters, context.userId);
  if (owner.kind === "unassigned") and.push({ ownerId: null });
  if (owner.kind === "user") and.push({ ownerId: owner.userId });
  const score = numberRange(filters.score);
  if (score) and.push({ totalScore: score });
  const fit = numberRange(filters.fit);
  if (fit) and.push({ fitScore: fit });
  // In whole percents as the column shows them, so a lead shown as 20 % is in "from 20".
  const probability = percentRangeBounds(filters.probability);
  if (probability) and.push({ probability });
  if (filters.sources.length > 0) and.push({ source: { in: filters.sources } });
  if (filters.campaigns.length > 0) and.push({ campaign: { in: filters.campaigns } });
  if (filters.industries.length > 0) and.push({ industry: { in: filters.industries } });
  if (filters.countries.length > 0) and.push({ country: { in: filters.countries } });
  if (filters.companySize) and.push({ companySize: companySizeRange(filters.companySize) });
  const created = dateRange(filters.created);
  if (created) and.push({ createdAt: created });
  const updated = dateRange(filters.updated);
  if (updated) and.push({ updatedAt: updated });
  const entered = dateRange(filters.stageEntered);
  if (entered) and.push({ stageEnteredAt: entered });
  const reached = filters.reached && reachedWhere(filters.reached);
  if (reached) and.push(reached);
  if (filters.overdue) and.push({ stage: "MQL", stageEnteredAt: { lt: overdueCutoff(context.slaHours, context.now) } });
  if (filters.search) and.push({ searchText: { contains: filters.search } });
  // One lookup per lead in ImportedLead's primary key (jobId, leadId).
  if (filters.importJob) and.push({ imports: { some: { jobId: filters.importJob } } });
  if (filters.ownedOnly) and.push({ ownerId: { not: null } });
  if (filters.returnedOnly) and.push({ returnedAt: { not: null } });
  return and.length === 1 ? and[0] : { AND: and };
}

// The sortable columns that may be empty.
const NULLABLE_SORT_COLUMNS: ReadonlySet<LeadListSort["column"]> = new Set(["company", "probability", "source", "industry", "country", "lastActivityAt", "returnedAt"]);

/**
 * Sort by the column, then by id in the same direction, so pages never overlap or skip a row.
 * Empty values sort lowest on both engines, as SQLite does on its own (first ascending, last
 * descending); PostgreSQL is told so, since it sorts them highest.
 */
function leadTableOrder(q: Queryable, sort: LeadListSort): Prisma.LeadOrderByWithRelationInput[] {
  const direction = sort.direction;
  if (sort.column === "name") return [{ lastName: direction }, { firstName: direction }, { id: direction }];
  const column = q.engine === "postgres" && NULLABLE_SORT_COLUMNS.has(sort.column) ? { sort: direction, nulls: direction === "asc" ? "first" : "last" } : direction;
  return [{ [sort.column]: column }, { id: direction }];
}

async function byIds(q: Queryable, ids: readonly string[]): Promise<LeadListRow[]> {
  const rows = await q.orm.lead.findMany({ where: { id: { in: [...ids] } }, select: rowSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toRow(row)] : [];
  });
}

// One query each: Prisma types a groupBy only for the column it names.
const DISTINCT_VALUES: Record<FilterOptionColumn, (q: Queryable) => Promise<(string | null)[]>> = {
  source: async (q) => (await q.orm.lead.groupBy({ by: ["source"], orderBy: { source: "asc" } })).map((row) => row.source),
  campaign: async (q) => (await q.orm.lead.groupBy({ by: ["campaign"], orderBy: { campaign: "asc" } })).map((row) => row.campaign),
  industry: async (q) => (await q.orm.lead.groupBy({ by: ["industry"], orderBy: { industry: "asc" } })).map((row) => row.industry),
  country: async (q) => (await q.orm.lead.groupBy({ by: ["country"], orderBy: { country: "asc" } })).map((row) => row.country),
};

// Written with the ORM, so the same implementation serves every engine the ORM supports.
export const leadListStore: LeadListStore = {
  count: (q, filters, context) => q.orm.lead.count({ where: leadTableWhere(filters, context) }),
  async rows(q, filters, context, sort, { skip, take }) {
    const rows = await q.orm.lead.findMany({ where: leadTableWhere(filters, context), orderBy: leadTableOrder(q, sort), skip, take, select: rowSelect });
    return rows.map(toRow);
  },
  async page(q, filters, context, sort, { skip, take }) {
    // Ids first, then their rows: sorting and skipping narrow (sort key, id) pairs keeps deep pages
    // cheap where no index serves the sort, instead of carrying whole rows through the sorter.
    const pageIds = await q.orm.lead.findMany({ where: leadTableWhere(filters, context), orderBy: leadTableOrder(q, sort), skip, take, select: { id: true } });
    return byIds(q, pageIds.map((row) => row.id));
  },
  async ids(q, filters, context, sort, limit) {
    const rows = await q.orm.lead.findMany({ where: leadTableWhere(filters, context), orderBy: leadTableOrder(q, sort), take: limit, select: { id: true } });
    return rows.map((row) => row.id);
  },
  byIds,
  apiPage(q, filters, take) {
    const where: Prisma.LeadWhereInput = {};
    if (filters.email !== undefined) where.email = filters.email;
    if (filters.stage) where.stage = filters.stage;
    if (filters.minScore !== undefined) where.totalScore = { gte: filters.minScore };
    if (filters.updatedSince) where.updatedAt = { gte: filters.updatedSince };
    if (filters.after) {
      const { updatedAt, id } = filters.after;
      where.OR = [{ updatedAt: { gt: updatedAt } }, { updatedAt, id: { gt: id } }];
    }
    return q.orm.lead.findMany({ where, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take, select: apiLeadSelect });
  },
  distinctValues: (q, column) => DISTINCT_VALUES[column](q),
  async returnTransitions(q, leadIds, moves) {
    const transitions = await q.orm.stageTransition.findMany({
      where: { leadId: { in: [...leadIds] }, toStage: "LEAD", move: { in: [...moves] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { leadId: true, move: true, reason: true, reasonCode: true, createdAt: true, actor: { select: { name: true } } },
    });
    return transitions.map(({ actor, ...transition }) => ({ ...transition, actorName: actor?.name ?? null }));
  },
  async scores(q, leadId) {
    const lead = await q.orm.lead.findUnique({
      where: { id: leadId },
      select: { fitScore: true, engagementScore: true, totalScore: true, scoredAt: true, ruleSetVersion: true },
    });
    return lead ?? undefined;
  },
};
