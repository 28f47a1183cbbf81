import { DEFAULT_TABLE_STATE, EMPTY_FILTERS, leadTableQuery } from "@/lib/core/lead-table";
import type { RangeChoice, RangePreset } from "@/lib/core/metrics/date-range";
import { DEFAULT_PRESET, presetRange, rangeParams, resolveRange } from "@/lib/core/metrics/date-range";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import { dashboardFiltersSchema } from "@/lib/core/metrics/segment";

/*
 * The dashboard's URL: the range (?range=30d for a preset, ?from=YYYY-MM-DD&to=YYYY-MM-DD for
 * chosen dates; see lib/core/metrics/date-range.ts) plus the segment (source, owner, industry,
 * country, companySize). A bare /dashboard shows the last 90 days. A bad value never breaks the
 * page: it is left out, named in `errors`, and the rest still applies.
 */

export type FilterField = keyof DashboardFilters;
export type SegmentField = Exclude<FilterField, "from" | "to">;
export type FilterErrors = Partial<Record<FilterField | "range", string>>;
/** The filters as the figures use them, and the preset they came from (null: chosen dates). */
export type ParsedDashboardQuery = { filters: DashboardFilters; preset: RangePreset | null; errors: FilterErrors };

export const SEGMENT_FIELDS: readonly SegmentField[] = ["source", "owner", "industry", "country", "companySize"];
const FIELDS: readonly FilterField[] = ["from", "to", ...SEGMENT_FIELDS];

function firstValue(value: string | string[] | undefined): string | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

export function parseDashboardQuery(params: Record<string, string | string[] | undefined>, now: Date): ParsedDashboardQuery {
  const range = resolveRange({ range: firstValue(params.range), from: firstValue(params.from), to: firstValue(params.to) }, now);
  const rangeErrors: FilterErrors = range.error ? { range: range.error } : {};
  const raw: Partial<Record<FilterField, string>> = {};
  for (const field of SEGMENT_FIELDS) raw[field] = firstValue(params[field]);
  const input = { ...raw, from: range.from, to: range.to };

  const parsed = dashboardFiltersSchema.safeParse(input);
  if (parsed.success) return { filters: parsed.data, preset: range.preset, errors: rangeErrors };

  const errors: FilterErrors = { ...rangeErrors };
  for (const issue of parsed.error.issues) {
    const field = FIELDS.find((candidate) => candidate === issue.path[0]);
    if (field) errors[field] ??= issue.message;
  }
  const rest = Object.fromEntries(Object.entries(input).filter(([field]) => !errors[field as FilterField]));
  // A bad or reversed date leaves the range as a whole unknown, so both ends fall back together.
  const dateError = errors.from !== undefined || errors.to !== undefined;
  const filters = dashboardFiltersSchema.parse({ ...rest, ...(dateError ? presetRange(DEFAULT_PRESET, now) : {}) });
  return { filters, preset: dateError ? DEFAULT_PRESET : range.preset, errors };
}

/** What the dashboard's URL holds: the range as chosen (a preset or dates) and the segment. */
export type DashboardView = RangeChoice & Omit<DashboardFilters, "from" | "to">;

/** The dashboard URL for a view: a preset stays relative, and the default range stays out of it. */
export function dashboardHref(view: DashboardView): string {
  const params = new URLSearchParams(rangeParams(view));
  for (const field of SEGMENT_FIELDS) {
    const value = view[field];
    if (value) params.set(field, value);
  }
  const query = params.toString();
  return query ? `/dashboard?${query}` : "/dashboard";
}

/** The cycle-time pair's parameters: a view of the figures rather than a filter, so the API has none. */
export const CYCLE_PARAMS = { from: "cycleFrom", to: "cycleTo" } as const;

/** A dashboard URL that keeps the current page's cycle-time pair, so changing a filter doesn't reset it. */
export function withCyclePair(href: string, current: Pick<URLSearchParams, "get">): string {
  const url = new URL(href, "http://dashboard.invalid");
  for (const name of Object.values(CYCLE_PARAMS)) {
    const value = current.get(name);
    if (value) url.searchParams.set(name, value);
  }
  return `${url.pathname}${url.search}`;
}

/** The lead table of the segment's MQLs past the SLA right now, whatever the range, like "Overdue now". */
export function overdueLeadsHref(filters: DashboardFilters): string {
  const table = {
    ...EMPTY_FILTERS,
    overdue: true,
    owner: filters.owner ?? null,
    sources: filters.source ? [filters.source] : [],
    industries: filters.industry ? [filters.industry] : [],
    countries: filters.country ? [filters.country] : [],
    companySize: filters.companySize ?? null,
  };
  return `/leads?${leadTableQuery({ ...DEFAULT_TABLE_STATE, filters: table })}`;
}
