import "server-only";
import { leadName } from "@/lib/core/lead-search";
import type { LeadSort, LeadTableFilters, LeadTableState, ReachedFilter } from "@/lib/core/lead-table";
import { dayRangeBounds, ownerFilterOf } from "@/lib/core/lead-table";
import type { CompanySizeBand } from "@/lib/core/metrics/segment";
import { COMPANY_SIZE_BANDS } from "@/lib/core/metrics/segment";
import { percentRangeBounds } from "@/lib/core/probability";
import { overdueCutoff } from "@/lib/core/sla";
import type { Stage } from "@/lib/core/stages";
import { isStage } from "@/lib/core/stages";
import { db } from "./db";
import type { Prisma } from "./generated/prisma/client";
import { slaSettings } from "./workflow-settings";

export type LeadTableRow = {
  id: string;
  version: number;
  name: string;
  email: string;
  company: string | null;
  title: string | null;
  stage: Stage;
  ownerId: string | null;
  ownerName: string | null;
  totalScore: number;
  fitScore: number;
  engagementScore: number;
  /** The active model's chance (0–1); null without one. */
  probability: number | null;
  source: string | null;
  industry: string | null;
  country: string | null;
  stageEnteredAt: string;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string | null;
  /** When a person last sent it back to marketing (reject, nurture, recycle). */
  returnedAt: string | null;
};

export type LeadTablePage = { rows: LeadTableRow[]; total: number; page: number; pageCount: number; slaHours: number };

/** What the filter needs besides itself: who "me" is, and the SLA for "overdue". */
export type FilterContext = { userId: string; slaHours: number; now: Date };

export const leadTableSelect = {
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

type Row = Prisma.LeadGetPayload<{ select: typeof leadTableSelect }>;

export function toLeadTableRow(row: Row): LeadTableRow {
  if (!isStage(row.stage)) throw new Error(`Lead ${row.id} has an unknown stage ${row.stage}`);
  return {
    id: row.id,
    version: row.version,
    name: leadName(row),
    email: row.email,
    company: row.company,
    title: row.title,
    stage: row.stage,
    ownerId: row.ownerId,
    ownerName: row.owner?.name ?? null,
    totalScore: row.totalScore,
    fitScore: row.fitScore,
    engagementScore: row.engagementScore,
    probability: row.probability,
    source: row.source,
    industry: row.industry,
    country: row.country,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
    returnedAt: row.returnedAt?.toISOString() ?? null,
  };
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

/** The table's filters as a Prisma condition; shared by the page, "all matching" bulk actions and export. */
export function leadTableWhere(filters: LeadTableFilters, context: FilterContext): Prisma.LeadWhereInput {
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
  return and.length === 1 ? and[0] : { AND: and };
}

/** Sort by the column, then by id in the same direction, so pages never overlap or skip a row. */
export function leadTableOrder(sort: LeadSort): Prisma.LeadOrderByWithRelationInput[] {
  const direction = sort.direction;
  if (sort.column === "name") return [{ lastName: direction }, { firstName: direction }, { id: direction }];
  return [{ [sort.column]: direction }, { id: direction }];
}

export async function filterContext(userId: string, now: Date = new Date()): Promise<FilterContext> {
  return { userId, slaHours: (await slaSettings()).mqlResponseHours, now };
}

export async function loadLeadTable(state: LeadTableState, userId: string, now: Date = new Date()): Promise<LeadTablePage> {
  const context = await filterContext(userId, now);
  const where = leadTableWhere(state.filters, context);
  const total = await db.lead.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / state.pageSize));
  const page = Math.min(state.page, pageCount);
  // Ids first, then their rows: sorting and skipping narrow (sort key, id) pairs keeps deep pages
  // cheap where no index serves the sort, instead of carrying whole rows through the sorter.
  const pageIds = await db.lead.findMany({ where, orderBy: leadTableOrder(state.sort), skip: (page - 1) * state.pageSize, take: state.pageSize, select: { id: true } });
  const rows = await db.lead.findMany({ where: { id: { in: pageIds.map((row) => row.id) } }, select: leadTableSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered = pageIds.flatMap(({ id }) => byId.get(id) ?? []);
  return { rows: ordered.map(toLeadTableRow), total, page, pageCount, slaHours: context.slaHours };
}

/** Every lead the filter matches, in table order, up to `limit` (for "all matching" actions). */
export async function matchingLeadIds(state: LeadTableState, context: FilterContext, limit: number): Promise<{ ids: string[]; total: number }> {
  const where = leadTableWhere(state.filters, context);
  const [total, rows] = await Promise.all([
    db.lead.count({ where }),
    db.lead.findMany({ where, orderBy: leadTableOrder(state.sort), take: limit, select: { id: true } }),
  ]);
  return { ids: rows.map((row) => row.id), total };
}

export type FilterOptions = { sources: string[]; campaigns: string[]; industries: string[]; countries: string[] };

const FILTER_OPTIONS_TTL_MS = 60_000;
const globalForOptions = globalThis as unknown as { leadgateFilterOptions?: { at: number; options: FilterOptions } };

function present(values: (string | null)[]): string[] {
  return values.filter((value): value is string => value !== null && value !== "");
}

/**
 * The values the source, campaign, industry and country filters offer. They change rarely and reading
 * them scans the leads, so they are kept for a minute.
 */
export async function leadFilterOptions(now: number = Date.now()): Promise<FilterOptions> {
  const cached = globalForOptions.leadgateFilterOptions;
  if (cached && now - cached.at < FILTER_OPTIONS_TTL_MS) return cached.options;
  const [sources, campaigns, industries, countries] = await Promise.all([
    db.lead.groupBy({ by: ["source"], orderBy: { source: "asc" } }),
    db.lead.groupBy({ by: ["campaign"], orderBy: { campaign: "asc" } }),
    db.lead.groupBy({ by: ["industry"], orderBy: { industry: "asc" } }),
    db.lead.groupBy({ by: ["country"], orderBy: { country: "asc" } }),
  ]);
  const options = {
    sources: present(sources.map((row) => row.source)),
    campaigns: present(campaigns.map((row) => row.campaign)),
    industries: present(industries.map((row) => row.industry)),
    countries: present(countries.map((row) => row.country)),
  };
  globalForOptions.leadgateFilterOptions = { at: now, options };
  return options;
}
