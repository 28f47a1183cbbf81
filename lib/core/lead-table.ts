import { parsePercent } from "./probability";
import type { OwnerFilter } from "./board";
import { parseOwnerFilter } from "./board";
import { normalizeSearch } from "./lead-search";
import type { CompanySizeBand } from "./metrics/segment";
import { COMPANY_SIZE_BANDS } from "./metrics/segment";
import type { Stage } from "./stages";
import { STAGES, isStage } from "./stages";
import { DAY_MS } from "./time";

/*
 * The lead table's whole state — filters, sort, page, visible columns in order — lives in the
 * URL, so a view is a link. This module reads and writes that URL; the server turns the state
 * into a query (lib/server/leads/lead-list-store.ts) and the browser renders it (components/lead-table/).
 */

export const LEAD_TABLE_COLUMNS = [
  { id: "name", label: "Name", sortable: true },
  { id: "company", label: "Company", sortable: true },
  { id: "email", label: "E-mail", sortable: true },
  { id: "stage", label: "Stage", sortable: false },
  { id: "owner", label: "Owner", sortable: false },
  { id: "totalScore", label: "Score", sortable: true },
  { id: "fitScore", label: "Fit", sortable: true },
  { id: "engagementScore", label: "Engagement", sortable: true },
  // The active predictive model's chance (Lead.probability), shown and filtered in whole percent.
  { id: "probability", label: "Likely to buy", sortable: true },
  { id: "source", label: "Source", sortable: true },
  { id: "industry", label: "Industry", sortable: true },
  { id: "country", label: "Country", sortable: true },
  { id: "title", label: "Title", sortable: false },
  { id: "stageEnteredAt", label: "In stage since", sortable: true },
  { id: "createdAt", label: "Created", sortable: true },
  { id: "updatedAt", label: "Updated", sortable: true },
  { id: "lastActivityAt", label: "Last activity", sortable: true },
] as const;

export type LeadColumnId = (typeof LEAD_TABLE_COLUMNS)[number]["id"];
export type SortableColumnId = Extract<(typeof LEAD_TABLE_COLUMNS)[number], { sortable: true }>["id"];

export const DEFAULT_VISIBLE_COLUMNS: readonly LeadColumnId[] = ["name", "company", "stage", "owner", "totalScore", "fitScore", "source", "country", "stageEnteredAt", "updatedAt"];
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

const COLUMN_IDS = new Set<string>(LEAD_TABLE_COLUMNS.map((column) => column.id));
const SORTABLE_IDS = new Set<string>(LEAD_TABLE_COLUMNS.filter((column) => column.sortable).map((column) => column.id));

export function isLeadColumnId(value: string): value is LeadColumnId {
  return COLUMN_IDS.has(value);
}
export function isSortableColumn(value: string): value is SortableColumnId {
  return SORTABLE_IDS.has(value);
}
export function columnLabel(id: LeadColumnId): string {
  return LEAD_TABLE_COLUMNS.find((column) => column.id === id)?.label ?? id;
}

export type SortDirection = "asc" | "desc";
export type LeadSort = { column: SortableColumnId; direction: SortDirection };
export const DEFAULT_SORT: LeadSort = { column: "totalScore", direction: "desc" };

/** The same order backwards: every key of a sort, ties and empty values included, turns over with its direction. */
export function reversedSort<S extends { direction: SortDirection }>(sort: S): S {
  return { ...sort, direction: sort.direction === "asc" ? "desc" : "asc" };
}

/**
 * How to read rows skip … skip + take − 1 of `total` sorted rows. A database sorts by a column
 * no index serves by keeping the first skip + take rows, so a page past the middle is cheaper
 * read from the other end: in the reversed order, after total − skip − take rows, then turned back.
 */
export function pageFromNearerEnd(page: { skip: number; take: number }, total: number): { fromEnd: boolean; skip: number; take: number } {
  const afterPage = total - page.skip - page.take;
  if (page.skip <= afterPage || page.skip >= total) return { fromEnd: false, ...page };
  return { fromEnd: true, skip: Math.max(0, afterPage), take: Math.min(page.take, total - page.skip) };
}

/** Inclusive calendar days (UTC), as typed into date inputs: "2026-11-01". */
export type DayRange = { from: string | null; to: string | null };
export type NumberRange = { min: number | null; max: number | null };

/**
 * Leads that moved into `stage` within the days (both open: at any time). Entering LEAD also
 * counts being created, as on the dashboard's funnel: created in the days, or sent back to LEAD
 * in them; with no days, every lead has been a LEAD.
 */
export type ReachedFilter = DayRange & { stage: Stage };

export type LeadTableFilters = {
  stages: Stage[];
  /** "me", "unassigned" or a user id, as in the URL; null for everyone. */
  owner: string | null;
  score: NumberRange;
  fit: NumberRange;
  /** Whole percent, 0–100, as the column shows it; a lead without a probability is outside any range. */
  probability: NumberRange;
  sources: string[];
  /** First-touch campaigns (Lead.campaign). */
  campaigns: string[];
  industries: string[];
  countries: string[];
  companySize: CompanySizeBand | null;
  created: DayRange;
  updated: DayRange;
  stageEntered: DayRange;
  reached: ReachedFilter | null;
  /** MQLs waiting longer than the response SLA. */
  overdue: boolean;
  search: string | null;
  /** The leads one CSV import created or updated (or added events to), by the import's job id. */
  importJob: string | null;
};

export type LeadTableState = {
  filters: LeadTableFilters;
  sort: LeadSort;
  page: number;
  pageSize: PageSize;
  columns: LeadColumnId[];
  /** The saved or built-in view this state came from, to highlight it; not part of the state itself. */
  view: string | null;
};

export const EMPTY_FILTERS: LeadTableFilters = {
  stages: [],
  owner: null,
  score: { min: null, max: null },
  fit: { min: null, max: null },
  probability: { min: null, max: null },
  sources: [],
  campaigns: [],
  industries: [],
  countries: [],
  companySize: null,
  created: { from: null, to: null },
  updated: { from: null, to: null },
  stageEntered: { from: null, to: null },
  reached: null,
  overdue: false,
  search: null,
  importJob: null,
};

export const DEFAULT_TABLE_STATE: LeadTableState = {
  filters: EMPTY_FILTERS,
  sort: DEFAULT_SORT,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
  columns: [...DEFAULT_VISIBLE_COLUMNS],
  view: null,
};

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function reader(input: SearchParamsInput) {
  const params = input instanceof URLSearchParams ? input : toSearchParams(input);
  const repeated = (key: string) => params.getAll(key).map((value) => value.trim()).filter(Boolean);
  return {
    one: (key: string) => params.get(key)?.trim() || null,
    many: (key: string) => repeated(key).flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean),
    // Free-text values (a source, an industry, a country) may hold commas, so only repeated parameters separate them.
    repeated,
  };
}

function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  return params;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const JOB_ID = /^[A-Za-z0-9_-]{1,100}$/;
function day(value: string | null): string | null {
  if (!value || !DAY.test(value)) return null;
  // Date.parse rolls days past the month's end over ("2026-02-30" is 2 March); a real day reads back the same.
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value) ? value : null;
}

function integer(value: string | null): number | null {
  if (value === null || !/^-?\d{1,6}$/.test(value)) return null;
  // "-0" is 0, not -0, so it reads back the same once written.
  return Number(value) || 0;
}


function companySizeBand(value: string | null): CompanySizeBand | null {
  return COMPANY_SIZE_BANDS.find((band) => band.id === value)?.id ?? null;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Reads the table state from a URL's query. Unknown or malformed values are left out (and
 * listed in `ignored`, so the page can say so) rather than failing the whole view.
 */
export function parseLeadTableQuery(input: SearchParamsInput): { state: LeadTableState; ignored: string[] } {
  const { one, many, repeated } = reader(input);
  const ignored: string[] = [];
  const check = <T>(key: string, raw: string | null, value: T | null): T | null => {
    if (raw !== null && value === null) ignored.push(`${key}=${raw}`);
    return value;
  };

  const stages = many("stage");
  for (const stage of stages) if (!isStage(stage)) ignored.push(`stage=${stage}`);

  const sortRaw = one("sort");
  const [sortColumn, sortDirection] = sortRaw?.split(".") ?? [];
  const sort: LeadSort =
    sortRaw && isSortableColumn(sortColumn) && (sortDirection === "asc" || sortDirection === "desc")
      ? { column: sortColumn, direction: sortDirection }
      : (check<LeadSort>("sort", sortRaw, null) ?? DEFAULT_SORT);

  const pageRaw = one("page");
  const page = check("page", pageRaw, pageRaw && /^\d{1,7}$/.test(pageRaw) && Number(pageRaw) >= 1 ? Number(pageRaw) : null) ?? 1;
  const sizeRaw = one("size");
  const pageSize = check("size", sizeRaw, PAGE_SIZES.find((size) => String(size) === sizeRaw) ?? null) ?? DEFAULT_PAGE_SIZE;

  const columnsRaw = many("cols");
  for (const column of columnsRaw) if (!isLeadColumnId(column)) ignored.push(`cols=${column}`);
  const columns = unique(columnsRaw.filter(isLeadColumnId));

  const range = (minKey: string, maxKey: string): NumberRange => ({
    min: check(minKey, one(minKey), integer(one(minKey))),
    max: check(maxKey, one(maxKey), integer(one(maxKey))),
  });
  const percents = (minKey: string, maxKey: string): NumberRange => ({
    min: check(minKey, one(minKey), parsePercent(one(minKey))),
    max: check(maxKey, one(maxKey), parsePercent(one(maxKey))),
  });
  const days = (fromKey: string, toKey: string): DayRange => ({
    from: check(fromKey, one(fromKey), day(one(fromKey))),
    to: check(toKey, one(toKey), day(one(toKey))),
  });

  const reachedRaw = one("reached");
  const reachedStage = check("reached", reachedRaw, isStage(reachedRaw) ? reachedRaw : null);
  const reachedDays = days("reachedFrom", "reachedTo");
  // The days say when the stage was entered: without a stage they mean nothing, and the page says so.
  if (!reachedStage && reachedDays.from) ignored.push(`reachedFrom=${reachedDays.from}`);
  if (!reachedStage && reachedDays.to) ignored.push(`reachedTo=${reachedDays.to}`);

  const filters: LeadTableFilters = {
    stages: unique(stages.filter(isStage)).sort((a, b) => STAGES.indexOf(a) - STAGES.indexOf(b)),
    owner: one("owner") && one("owner") !== "all" ? one("owner") : null,
    score: range("minScore", "maxScore"),
    fit: range("minFit", "maxFit"),
    probability: percents("probMin", "probMax"),
    sources: unique(repeated("source")),
    campaigns: unique(repeated("campaign")),
    industries: unique(repeated("industry")),
    // Countries are matched as stored (imports may say "DE" or "Germany"), like sources and industries.
    countries: unique(repeated("country")),
    companySize: check("companySize", one("companySize"), companySizeBand(one("companySize"))),
    created: days("createdFrom", "createdTo"),
    updated: days("updatedFrom", "updatedTo"),
    stageEntered: days("enteredFrom", "enteredTo"),
    reached: reachedStage ? { stage: reachedStage, ...reachedDays } : null,
    overdue: one("overdue") === "1",
    search: normalizeSearch(one("q")) ?? null,
    importJob: check("import", one("import"), JOB_ID.test(one("import") ?? "") ? one("import") : null),
  };

  return {
    state: { filters, sort, page, pageSize, columns: columns.length > 0 ? columns : [...DEFAULT_VISIBLE_COLUMNS], view: one("view") },
    ignored,
  };
}

/** Writes the state as a URL query, leaving out whatever is at its default, in a stable order. */
export function leadTableQuery(state: LeadTableState, options: { includePage?: boolean; includeView?: boolean } = {}): string {
  const { includePage = true, includeView = true } = options;
  const params = new URLSearchParams();
  const { filters } = state;
  if (includeView && state.view) params.set("view", state.view);
  if (filters.search) params.set("q", filters.search);
  if (filters.stages.length > 0) params.set("stage", filters.stages.join(","));
  if (filters.owner) params.set("owner", filters.owner);
  if (filters.overdue) params.set("overdue", "1");
  if (filters.importJob) params.set("import", filters.importJob);
  const setNumber = (key: string, value: number | null) => value !== null && params.set(key, String(value));
  setNumber("minScore", filters.score.min);
  setNumber("maxScore", filters.score.max);
  setNumber("minFit", filters.fit.min);
  setNumber("maxFit", filters.fit.max);
  setNumber("probMin", filters.probability.min);
  setNumber("probMax", filters.probability.max);
  for (const source of filters.sources) params.append("source", source);
  for (const campaign of filters.campaigns) params.append("campaign", campaign);
  for (const industry of filters.industries) params.append("industry", industry);
  for (const country of filters.countries) params.append("country", country);
  if (filters.companySize) params.set("companySize", filters.companySize);
  const setDay = (key: string, value: string | null) => value && params.set(key, value);
  setDay("createdFrom", filters.created.from);
  setDay("createdTo", filters.created.to);
  setDay("updatedFrom", filters.updated.from);
  setDay("updatedTo", filters.updated.to);
  setDay("enteredFrom", filters.stageEntered.from);
  setDay("enteredTo", filters.stageEntered.to);
  if (filters.reached) {
    params.set("reached", filters.reached.stage);
    setDay("reachedFrom", filters.reached.from);
    setDay("reachedTo", filters.reached.to);
  }
  if (state.sort.column !== DEFAULT_SORT.column || state.sort.direction !== DEFAULT_SORT.direction) {
    params.set("sort", `${state.sort.column}.${state.sort.direction}`);
  }
  if (state.columns.join(",") !== DEFAULT_VISIBLE_COLUMNS.join(",")) params.set("cols", state.columns.join(","));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set("size", String(state.pageSize));
  if (includePage && state.page > 1) params.set("page", String(state.page));
  return params.toString();
}

/** Any change to what the table shows starts again at page 1 and leaves the saved view it came from. */
export function withFilters(state: LeadTableState, filters: Partial<LeadTableFilters>): LeadTableState {
  return { ...state, filters: { ...state.filters, ...filters }, page: 1, view: null };
}

export function ownerFilterOf(filters: LeadTableFilters, currentUserId: string): OwnerFilter {
  return parseOwnerFilter(filters.owner, currentUserId);
}

/** Start (inclusive) and end (exclusive) instants of a day range, in UTC. */
export function dayRangeBounds(range: DayRange): { gte?: Date; lt?: Date } {
  const bounds: { gte?: Date; lt?: Date } = {};
  if (range.from) bounds.gte = new Date(`${range.from}T00:00:00Z`);
  if (range.to) bounds.lt = new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS);
  return bounds;
}

export function activeFilterCount(filters: LeadTableFilters): number {
  const ranges = [filters.score, filters.fit, filters.probability].filter((range) => range.min !== null || range.max !== null).length;
  const days = [filters.created, filters.updated, filters.stageEntered].filter((range) => range.from || range.to).length;
  const lists = [filters.stages, filters.sources, filters.campaigns, filters.industries, filters.countries].filter((list) => list.length > 0).length;
  const flags = [filters.owner, filters.companySize, filters.reached, filters.overdue, filters.search, filters.importJob].filter(Boolean).length;
  return ranges + days + lists + flags;
}
