import "server-only";
import { leadName } from "@/lib/core/lead-search";
import type { LeadTableState } from "@/lib/core/lead-table";
import { pageFromNearerEnd, reversedSort } from "@/lib/core/lead-table";
import { isStage } from "@/lib/core/stages";
import type { LeadTableRow, LeadTablePage, FilterOptions } from "@/lib/views/leads";
import type { FilterContext, LeadListRow } from "./lead-list-store";
import { leadListStore } from "./lead-list-store";
import { reads } from "../store/database";
import { slaSettings } from "../settings/workflow-settings";

export function toLeadTableRow(row: LeadListRow): LeadTableRow {
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
    ownerName: row.ownerName,
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

export async function filterContext(userId: string, now: Date = new Date()): Promise<FilterContext> {
  return { userId, slaHours: (await slaSettings()).mqlResponseHours, now };
}

export async function loadLeadTable(state: LeadTableState, userId: string, now: Date = new Date()): Promise<LeadTablePage> {
  const context = await filterContext(userId, now);
  const total = await leadListStore.count(reads(), state.filters, context);
  const pageCount = Math.max(1, Math.ceil(total / state.pageSize));
  const page = Math.min(state.page, pageCount);
  const read = pageFromNearerEnd({ skip: (page - 1) * state.pageSize, take: state.pageSize }, total);
  const rows = await leadListStore.page(reads(), state.filters, context, read.fromEnd ? reversedSort(state.sort) : state.sort, read);
  if (read.fromEnd) rows.reverse();
  return { rows: rows.map(toLeadTableRow), total, page, pageCount, slaHours: context.slaHours };
}

/** Every lead the filter matches, in table order, up to `limit` (for "all matching" actions). */
export async function matchingLeadIds(state: LeadTableState, context: FilterContext, limit: number): Promise<{ ids: string[]; total: number }> {
  const [total, ids] = await Promise.all([
    leadListStore.count(reads(), state.filters, context),
    leadListStore.ids(reads(), state.filters, context, state.sort, limit),
  ]);
  return { ids, total };
}

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
  const [sources, campaigns, industries, countries] = await Promise.all(
    (["source", "campaign", "industry", "country"] as const).map(async (column) => present(await leadListStore.distinctValues(reads(), column))),
  );
  const options = { sources, campaigns, industries, countries };
  globalForOptions.leadgateFilterOptions = { at: now, options };
  return options;
}
