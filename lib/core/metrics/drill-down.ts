import type { LeadTableFilters } from "../lead-table";
import { DEFAULT_TABLE_STATE, EMPTY_FILTERS, leadTableQuery } from "../lead-table";
import type { DashboardFilters } from "./segment";
import type { FunnelStage } from "./types";
import { DAY_MS } from "../time";

/**
 * The leads behind one of the dashboard's figures, within the dashboard's range and segment.
 * Without a stage, the leads created in the range. A stage alone (with `week`, for the trend)
 * means "entered the stage in the range" (the funnel); next to a figure about created leads
 * (`createdMonth`, `score`, `source`, `campaign`: cohorts, calibration, sources) it means
 * "created in the range and entered the stage by now".
 */
export type DrillDown = {
  stage?: FunnelStage;
  /** "2026-11-16", a Monday: narrows the range to that week (Monday to Sunday). */
  week?: string;
  /** Null: leads without a source. */
  source?: string | null;
  /** First-touch campaign; null: leads without one. */
  campaign?: string | null;
  /** "2026-09": narrows the range to that calendar month. */
  createdMonth?: string;
  /** Total score, both ends included. */
  score?: { min: number; max: number };
  /** A user id: leads the user owns now. */
  owner?: string;
};


/** Whole days, both ends included. */
type Days = { from: string; to: string };

function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function startOf(day: string): number | null {
  const start = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(start) || dayOf(start) !== day ? null : start;
}

function weekDays(monday: string): Days | null {
  const start = startOf(monday);
  return start === null || new Date(start).getUTCDay() !== 1 ? null : { from: monday, to: dayOf(start + 6 * DAY_MS) };
}

function monthDays(month: string): Days | null {
  const start = startOf(`${month}-01`);
  if (start === null) return null;
  const first = new Date(start);
  return { from: `${month}-01`, to: dayOf(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)) };
}

function intersect(a: Days, b: Days | null): Days | null {
  if (!b) return null;
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
}

/** One value of a filter both the segment and the drill-down may set; null when they disagree (no lead has both). */
function agree<T>(segment: T | undefined, drill: T | undefined): { value: T | undefined } | null {
  return segment !== undefined && drill !== undefined && segment !== drill ? null : { value: drill ?? segment };
}

/**
 * The lead table showing exactly the leads a figure counts, highest score first; null when the
 * table can't show exactly those (it has no "without a source / campaign" filter), or none can
 * match (a week or month outside the range or malformed, a segment and a drill-down that disagree).
 */
export function drillDownHref(filters: DashboardFilters, drill: DrillDown): string | null {
  if (drill.source === null || drill.campaign === null) return null;
  const source = agree(filters.source, drill.source);
  const owner = agree(filters.owner, drill.owner);
  if (!source || !owner) return null;

  let days: Days | null = { from: filters.from, to: filters.to };
  if (drill.week !== undefined) days = intersect(days, weekDays(drill.week));
  if (days && drill.createdMonth !== undefined) days = intersect(days, monthDays(drill.createdMonth));
  if (!days) return null;

  const aboutCreatedLeads = drill.createdMonth !== undefined || drill.score !== undefined || drill.source !== undefined || drill.campaign !== undefined;
  const enteredInRange = drill.stage !== undefined && !aboutCreatedLeads;
  const table: LeadTableFilters = {
    ...EMPTY_FILTERS,
    owner: owner.value ?? null,
    sources: source.value === undefined ? [] : [source.value],
    campaigns: drill.campaign === undefined ? [] : [drill.campaign],
    industries: filters.industry === undefined ? [] : [filters.industry],
    countries: filters.country === undefined ? [] : [filters.country],
    companySize: filters.companySize ?? null,
    score: drill.score ? { min: drill.score.min, max: drill.score.max } : EMPTY_FILTERS.score,
    created: enteredInRange ? EMPTY_FILTERS.created : days,
    reached: drill.stage === undefined ? null : enteredInRange ? { stage: drill.stage, ...days } : { stage: drill.stage, from: null, to: null },
  };
  return `/leads?${leadTableQuery({ ...DEFAULT_TABLE_STATE, filters: table })}`;
}
