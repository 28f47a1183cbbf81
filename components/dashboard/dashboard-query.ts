import { DEFAULT_TABLE_STATE, EMPTY_FILTERS, leadTableQuery } from "@/lib/core/lead-table";
import type { DashboardFilters } from "@/lib/core/metrics/segment";
import { dashboardFiltersSchema } from "@/lib/core/metrics/segment";

/*
 * The dashboard's URL: ?from=YYYY-MM-DD&to=YYYY-MM-DD plus the segment (source, owner, industry,
 * country, companySize). A bare /dashboard shows the last 90 days. A bad value never breaks the
 * page: it is left out, named in `errors`, and the rest still applies.
 */

export type FilterField = keyof DashboardFilters;
export type FilterErrors = Partial<Record<FilterField, string>>;
export type ParsedDashboardQuery = { filters: DashboardFilters; errors: FilterErrors };

const FIELDS: readonly FilterField[] = ["from", "to", "source", "owner", "industry", "country", "companySize"];
const DAY_MS = 86_400_000;

export const RANGE_PRESETS = [
  { id: "30d", label: "Last 30 days" },
  { id: "90d", label: "Last 90 days" },
  { id: "12m", label: "Last 12 months" },
  { id: "quarter", label: "This quarter" },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]["id"];

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Today as a UTC calendar day, the unit the filters count in. */
export function today(now: Date): string {
  return isoDay(now.getTime());
}

/** A preset's days, ending today (inclusive). */
export function presetRange(preset: RangePreset, now: Date): { from: string; to: string } {
  const to = today(now);
  const end = Date.parse(`${to}T00:00:00Z`);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  switch (preset) {
    case "30d":
      return { from: isoDay(end - 29 * DAY_MS), to };
    case "90d":
      return { from: isoDay(end - 89 * DAY_MS), to };
    case "12m":
      // The same day a year ago belongs to the thirteenth month back.
      return { from: isoDay(Date.UTC(year - 1, month, now.getUTCDate()) + DAY_MS), to };
    case "quarter":
      return { from: isoDay(Date.UTC(year, month - (month % 3), 1)), to };
  }
}

/** The preset a range matches today, or null for custom dates. */
export function matchingPreset(range: { from: string; to: string }, now: Date): RangePreset | null {
  return RANGE_PRESETS.map((preset) => preset.id).find((id) => {
    const candidate = presetRange(id, now);
    return candidate.from === range.from && candidate.to === range.to;
  }) ?? null;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

export function parseDashboardQuery(params: Record<string, string | string[] | undefined>, now: Date): ParsedDashboardQuery {
  const defaults = presetRange("90d", now);
  const raw: Partial<Record<FilterField, string>> = {};
  for (const field of FIELDS) raw[field] = firstValue(params[field]);
  const input = { ...raw, from: raw.from ?? defaults.from, to: raw.to ?? defaults.to };

  const parsed = dashboardFiltersSchema.safeParse(input);
  if (parsed.success) return { filters: parsed.data, errors: {} };

  const errors: FilterErrors = {};
  for (const issue of parsed.error.issues) {
    const field = FIELDS.find((candidate) => candidate === issue.path[0]);
    if (field) errors[field] ??= issue.message;
  }
  const rest = Object.fromEntries(Object.entries(input).filter(([field]) => !errors[field as FilterField]));
  // A bad or reversed date leaves the range as a whole unknown, so both ends fall back together.
  const dateError = errors.from !== undefined || errors.to !== undefined;
  return { filters: dashboardFiltersSchema.parse({ ...rest, ...(dateError ? defaults : {}) }), errors };
}

/** The dashboard URL for these filters; the default range stays out of it. */
export function dashboardHref(filters: Partial<DashboardFilters>, now: Date): string {
  const params = new URLSearchParams();
  const defaults = presetRange("90d", now);
  if (filters.from !== defaults.from || filters.to !== defaults.to) {
    if (filters.from) params.set("from", filters.from);
    if (filters.to) params.set("to", filters.to);
  }
  for (const field of FIELDS.slice(2)) {
    const value = filters[field];
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
