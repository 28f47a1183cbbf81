import "server-only";
import type { LeadTableFilters } from "@/lib/core/lead-table";
import { EMPTY_FILTERS } from "@/lib/core/lead-table";
import { can } from "@/lib/core/permissions";
import type { Role } from "@/lib/core/roles";
import { mqlSla } from "@/lib/core/sla";
import { QUEUE_SECTIONS } from "@/lib/views/funnel";
import type { QueueSectionId, QueueScope, QueueRow, QueueSection, SalesQueue } from "@/lib/views/funnel";
import type { LeadTableRow } from "@/lib/views/leads";
import { filterContext, toLeadTableRow } from "../leads/lead-table";
import type { FilterContext, LeadListFilters } from "../leads/lead-list-store";
import { leadListStore } from "../leads/lead-list-store";
import { reads } from "../store/database";

/*
 * A sales rep's work list: their MQLs to accept or reject within the response SLA, the MQLs
 * routing could give nobody (any rep may take them), and their SALs to qualify. Managers look
 * at one rep's queue or at every rep's at once.
 */

export const QUEUE_PAGE_SIZE = 25;
/** "Load more" stops here; past it, the leads table with the same filter is the better tool. */
export const QUEUE_MAX_ROWS = 1_000;

export type QueueQuery = { scope: QueueScope; limits: Record<QueueSectionId, number> };

type Viewer = { id: string; role: Role };
type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Rows to show: a whole number of pages, at least one, at most the cap. */
function rowLimit(value: string | undefined): number {
  const asked = value && /^\d{1,9}$/.test(value) ? Number(value) : QUEUE_PAGE_SIZE;
  return Math.min(QUEUE_MAX_ROWS, Math.max(QUEUE_PAGE_SIZE, Math.ceil(asked / QUEUE_PAGE_SIZE) * QUEUE_PAGE_SIZE));
}

/**
 * Reads `?rep=<id>|all` and the per-section row counts. A rep always sees their own queue;
 * a manager sees the chosen active rep's, or every rep's when none (or an unknown one) is chosen.
 */
export function parseQueueQuery(params: SearchParams, viewer: Viewer, activeRepIds: readonly string[]): QueueQuery {
  const rep = first(params.rep);
  const scope: QueueScope =
    !can(viewer.role, "queue.viewAllReps") ? { kind: "rep", repId: viewer.id } : rep && activeRepIds.includes(rep) ? { kind: "rep", repId: rep } : { kind: "allReps" };
  const limits = Object.fromEntries(QUEUE_SECTIONS.map((id) => [id, rowLimit(first(params[id]))])) as Record<QueueSectionId, number>;
  return { scope, limits };
}

function sectionFilters(id: QueueSectionId, scope: QueueScope, overdueOnly: boolean): LeadListFilters {
  const stages: LeadTableFilters["stages"] = [id === "toQualify" ? "SAL" : "MQL"];
  const owner = id === "unassigned" ? "unassigned" : scope.kind === "rep" ? scope.repId : null;
  // Every rep's MQLs and SALs: the owned ones; the unowned MQLs have a section of their own.
  const ownedOnly = id !== "unassigned" && scope.kind === "allReps";
  return { ...EMPTY_FILTERS, stages, owner, overdue: overdueOnly, ownedOnly };
}

function toQueueRow(row: LeadTableRow, context: FilterContext): QueueRow {
  if (row.stage !== "MQL") return { ...row, sla: null };
  const sla = mqlSla(new Date(row.stageEnteredAt), context.slaHours, context.now);
  return { ...row, sla: { dueAt: sla.dueAt.toISOString(), overdue: sla.overdue, remainingMs: sla.remainingMs } };
}

async function loadSection(id: QueueSectionId, scope: QueueScope, limit: number, context: FilterContext): Promise<QueueSection> {
  const filters = sectionFilters(id, scope, false);
  const [total, overdue, rows] = await Promise.all([
    leadListStore.count(reads(), filters, context),
    id === "toQualify" ? 0 : leadListStore.count(reads(), sectionFilters(id, scope, true), context),
    leadListStore.rows(reads(), filters, context, { column: "stageEnteredAt", direction: "asc" }, { take: limit }),
  ]);
  const nextLimit = limit < QUEUE_MAX_ROWS ? Math.min(QUEUE_MAX_ROWS, limit + QUEUE_PAGE_SIZE) : null;
  return { id, rows: rows.map((row) => toQueueRow(toLeadTableRow(row), context)), total, overdue, nextLimit };
}

export async function loadSalesQueue(query: QueueQuery, viewer: Viewer, now: Date = new Date()): Promise<SalesQueue> {
  const context = await filterContext(viewer.id, now);
  const loaded = await Promise.all(QUEUE_SECTIONS.map((id) => loadSection(id, query.scope, query.limits[id], context)));
  const sections = Object.fromEntries(loaded.map((section) => [section.id, section])) as Record<QueueSectionId, QueueSection>;
  return {
    scope: query.scope,
    sections,
    overdue: sections.toAccept.overdue + sections.unassigned.overdue,
    slaHours: context.slaHours,
    now: now.toISOString(),
  };
}
