import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { LeadTableFilters, LeadTableState } from "./lead-table";
import {
  DEFAULT_TABLE_STATE,
  DEFAULT_VISIBLE_COLUMNS,
  EMPTY_FILTERS,
  LEAD_TABLE_COLUMNS,
  PAGE_SIZES,
  activeFilterCount,
  dayRangeBounds,
  leadTableQuery,
  ownerFilterOf,
  pageFromNearerEnd,
  parseLeadTableQuery,
  reversedSort,
  withFilters,
} from "./lead-table";
import { COMPANY_SIZE_BANDS } from "./metrics/segment";
import { STAGES } from "./stages";

const parse = (query: string) => parseLeadTableQuery(new URLSearchParams(query));
const stateWith = (filters: Partial<LeadTableFilters>, rest: Partial<LeadTableState> = {}): LeadTableState => ({
  ...DEFAULT_TABLE_STATE,
  ...rest,
  filters: { ...EMPTY_FILTERS, ...filters },
});

describe("parseLeadTableQuery", () => {
  test("an empty query is the default state", () => {
    expect(parse("")).toEqual({ state: DEFAULT_TABLE_STATE, ignored: [] });
    expect(DEFAULT_TABLE_STATE).toMatchObject({ sort: { column: "totalScore", direction: "desc" }, page: 1, pageSize: 50, view: null });
  });

  test("reads every filter, the sort, the page, the page size, the columns and the view", () => {
    const query =
      "view=mine&q=Acme&stage=SAL,LEAD&owner=me&overdue=1&minScore=40&maxScore=90&minFit=-5&maxFit=30&probMin=20&probMax=100&source=webinar&industry=Software&country=DE&country=AT" +
      "&createdFrom=2026-11-01&createdTo=2026-11-30&updatedFrom=2026-10-01&updatedTo=2026-10-02&enteredFrom=2026-09-09&enteredTo=2026-09-10" +
      "&campaign=spring-launch&companySize=50-199&reached=SQL&reachedFrom=2026-08-01&reachedTo=2026-10-29" +
      "&import=cjob42&sort=name.asc&cols=email,name&size=25&page=3";
    expect(parse(query)).toEqual({
      state: {
        filters: {
          stages: ["LEAD", "SAL"],
          owner: "me",
          score: { min: 40, max: 90 },
          fit: { min: -5, max: 30 },
          probability: { min: 20, max: 100 },
          sources: ["webinar"],
          campaigns: ["spring-launch"],
          industries: ["Software"],
          countries: ["DE", "AT"],
          companySize: "50-199",
          created: { from: "2026-11-01", to: "2026-11-30" },
          updated: { from: "2026-10-01", to: "2026-10-02" },
          stageEntered: { from: "2026-09-09", to: "2026-09-10" },
          reached: { stage: "SQL", from: "2026-08-01", to: "2026-10-29" },
          overdue: true,
          search: "acme",
          importJob: "cjob42",
        },
        sort: { column: "name", direction: "asc" },
        page: 3,
        pageSize: 25,
        columns: ["email", "name"],
        view: "mine",
      },
      ignored: [],
    });
  });

  test("malformed values are left out, listed in ignored, and the rest of the view still applies", () => {
    const { state, ignored } = parse("sort=bogus&page=0&size=7&minScore=abc&createdFrom=2026-13-45&stage=FOO&cols=nope&stage=MQL");
    expect(state).toEqual(stateWith({ stages: ["MQL"] }));
    expect([...ignored].sort()).toEqual(["cols=nope", "createdFrom=2026-13-45", "minScore=abc", "page=0", "size=7", "sort=bogus", "stage=FOO"]);
  });

  test.each([
    ["sort=stage.asc", "sort=stage.asc"],
    ["sort=name", "sort=name"],
    ["sort=name.up", "sort=name.up"],
    ["page=-2", "page=-2"],
    ["page=1.5", "page=1.5"],
    ["size=50x", "size=50x"],
    ["maxFit=12.5", "maxFit=12.5"],
    ["minScore=1e3", "minScore=1e3"],
    ["createdTo=26-11-01", "createdTo=26-11-01"],
    ["enteredFrom=2026-02-30", "enteredFrom=2026-02-30"],
    ["updatedTo=2026-04-31", "updatedTo=2026-04-31"],
    ["stage=mql", "stage=mql"],
    ["reached=sql", "reached=sql"],
    ["reached=MQL,SQL", "reached=MQL,SQL"],
    ["companySize=10-20", "companySize=10-20"],
    ["companySize=1000", "companySize=1000"],
    ["reachedTo=2026-02-30", "reachedTo=2026-02-30"],
    ["probMin=101", "probMin=101"],
    ["probMin=-5", "probMin=-5"],
    ["probMax=12.5", "probMax=12.5"],
    ["probMax=0.3", "probMax=0.3"],
    ["probMin=30%25", "probMin=30%"],
    ["sort=probability", "sort=probability"],
    ["import=a%20job", "import=a job"],
    ["import=job;drop", "import=job;drop"],
  ])("%s is ignored", (query, reported) => {
    const { state, ignored } = parse(query);
    expect(state).toEqual(DEFAULT_TABLE_STATE);
    expect(ignored).toEqual([reported]);
  });

  test("a stage's days without the stage are ignored, and so is a malformed day next to a stage", () => {
    expect(parse("reachedFrom=2026-11-01&reachedTo=2026-11-30")).toEqual({ state: DEFAULT_TABLE_STATE, ignored: ["reachedFrom=2026-11-01", "reachedTo=2026-11-30"] });
    expect(parse("reached=BOGUS&reachedFrom=2026-11-01")).toEqual({ state: DEFAULT_TABLE_STATE, ignored: ["reached=BOGUS", "reachedFrom=2026-11-01"] });
    expect(parse("reached=SQL&reachedFrom=2026-11-31&reachedTo=2026-12-01")).toEqual({
      state: stateWith({ reached: { stage: "SQL", from: null, to: "2026-12-01" } }),
      ignored: ["reachedFrom=2026-11-31"],
    });
  });

  test("a reached stage may have one end, both or none; any stage, the exits included", () => {
    expect(parse("reached=LEAD").state.filters.reached).toEqual({ stage: "LEAD", from: null, to: null });
    expect(parse("reached=DISQUALIFIED&reachedTo=2026-11-30").state.filters.reached).toEqual({ stage: "DISQUALIFIED", from: null, to: "2026-11-30" });
  });

  test("size is still the page size; the company size band has its own parameter", () => {
    expect(parse("size=25&companySize=1000%2B").state).toMatchObject({ pageSize: 25, filters: { companySize: "1000+" } });
    for (const band of COMPANY_SIZE_BANDS) expect(parse(`companySize=${encodeURIComponent(band.id)}`).state.filters.companySize).toBe(band.id);
  });

  test("a leap day is a day", () => {
    expect(parse("createdFrom=2028-02-29").state.filters.created).toEqual({ from: "2028-02-29", to: null });
  });

  test("multiple values come as repeated parameters, comma lists or both; duplicates are dropped", () => {
    expect(parse("stage=SQL&stage=MQL,LEAD&stage=MQL").state.filters.stages).toEqual(["LEAD", "MQL", "SQL"]);
    // Countries are free text as imported ("DE", "Germany", "Korea, Republic of"): repeated only, kept as written.
    expect(parse("country=DE&country=Korea%2C%20Republic%20of&country=%20DE%20").state.filters.countries).toEqual(["DE", "Korea, Republic of"]);
    expect(parse("cols=name&cols=email,name").state.columns).toEqual(["name", "email"]);
    expect(parseLeadTableQuery({ stage: ["SAL", "LEAD,MQL"], cols: "company,name", page: undefined }).state).toMatchObject({
      filters: { stages: ["LEAD", "MQL", "SAL"] },
      columns: ["company", "name"],
      page: 1,
    });
  });

  test("stages come out in funnel order, columns in the order asked for", () => {
    expect(parse("stage=DISQUALIFIED,LEAD,WON").state.filters.stages).toEqual(["LEAD", "WON", "DISQUALIFIED"]);
    expect(parse("cols=country,name,totalScore").state.columns).toEqual(["country", "name", "totalScore"]);
  });

  test("sources, campaigns and industries are read as given, commas included, one value per parameter", () => {
    const { state } = parse("industry=Banking%2C+Financial+Services&industry=Retail&source=%20webinar%20&source=webinar&campaign=Q4%2C+EMEA&campaign=spring&campaign=spring");
    expect(state.filters.industries).toEqual(["Banking, Financial Services", "Retail"]);
    expect(state.filters.sources).toEqual(["webinar"]);
    expect(state.filters.campaigns).toEqual(["Q4, EMEA", "spring"]);
  });

  test("the search is normalised: trimmed, lower-cased, inner spaces collapsed, at most 100 characters", () => {
    expect(parse("q=%20%20Jane%20%20%20DOE%20").state.filters.search).toBe("jane doe");
    expect(parse("q=%20%20%20").state.filters.search).toBeNull();
    expect(parse(`q=${"A".repeat(120)}`).state.filters.search).toBe("a".repeat(100));
    // Cut at 100 characters right after a space: the cut must not leave the space behind.
    expect(parse(`q=${"a".repeat(99)}+bcd`).state.filters.search).toBe("a".repeat(99));
  });

  test("owner 'all' or empty means everyone", () => {
    expect(parse("owner=all").state.filters.owner).toBeNull();
    expect(parse("owner=").state.filters.owner).toBeNull();
    expect(parse("owner=unassigned").state.filters.owner).toBe("unassigned");
  });

  test("only overdue=1 turns on the overdue filter", () => {
    expect(parse("overdue=1").state.filters.overdue).toBe(true);
    expect(parse("overdue=true").state.filters.overdue).toBe(false);
  });
});

describe("the probability filter and sort", () => {
  test("are whole percents in the URL, either end alone, 0 and 100 included", () => {
    expect(parse("probMin=20").state.filters.probability).toEqual({ min: 20, max: null });
    expect(parse("probMax=0").state.filters.probability).toEqual({ min: null, max: 0 });
    expect(parse("probMin=0&probMax=100").state.filters.probability).toEqual({ min: 0, max: 100 });
    expect(parse("sort=probability.desc").state.sort).toEqual({ column: "probability", direction: "desc" });
  });

  test("are written after the fit range, and read back the same", () => {
    const state = stateWith({ fit: { min: 10, max: null }, probability: { min: 20, max: 80 }, sources: ["webinar"] }, { sort: { column: "probability", direction: "asc" } });
    const query = leadTableQuery(state);
    expect(query).toBe("minFit=10&probMin=20&probMax=80&source=webinar&sort=probability.asc");
    expect(parse(query)).toEqual({ state, ignored: [] });
  });

  test("the column can be shown and counts as one filter", () => {
    expect(parse("cols=name,probability").state.columns).toEqual(["name", "probability"]);
    expect(activeFilterCount({ ...EMPTY_FILTERS, probability: { min: null, max: 50 } })).toBe(1);
  });
});

describe("the import filter", () => {
  test("names one import by its job id and reads back the same", () => {
    const { state, ignored } = parse("import=cjob_123-abc");
    expect(ignored).toEqual([]);
    expect(state.filters).toEqual({ ...EMPTY_FILTERS, importJob: "cjob_123-abc" });
    expect(leadTableQuery(state)).toBe("import=cjob_123-abc");
    expect(activeFilterCount(state.filters)).toBe(1);
  });
});

describe("leadTableQuery", () => {
  test("the default state is the empty query: defaults are left out", () => {
    expect(leadTableQuery(DEFAULT_TABLE_STATE)).toBe("");
    expect(leadTableQuery({ ...DEFAULT_TABLE_STATE, columns: [...DEFAULT_VISIBLE_COLUMNS], page: 1, pageSize: 50 })).toBe("");
  });

  test("writes what differs from the defaults, in a stable order", () => {
    const state = stateWith(
      { countries: ["DE", "AT"], stages: ["LEAD", "MQL"], score: { min: 0, max: null }, sources: ["webinar", "referral"], search: "acme gmbh", overdue: true },
      { sort: { column: "totalScore", direction: "asc" }, page: 2, pageSize: 100, view: "review" },
    );
    expect(leadTableQuery(state)).toBe("view=review&q=acme+gmbh&stage=LEAD%2CMQL&overdue=1&minScore=0&source=webinar&source=referral&country=DE&country=AT&sort=totalScore.asc&size=100&page=2");
    expect(leadTableQuery(state, { includePage: false, includeView: false })).toBe("q=acme+gmbh&stage=LEAD%2CMQL&overdue=1&minScore=0&source=webinar&source=referral&country=DE&country=AT&sort=totalScore.asc&size=100");
  });

  test("campaigns, the company size and the reached stage with its days are written after the filters they sit next to", () => {
    const state = stateWith({
      sources: ["webinar"],
      campaigns: ["Q4, EMEA", "spring"],
      countries: ["DE"],
      companySize: "1000+",
      stageEntered: { from: "2026-11-01", to: null },
      reached: { stage: "SQL", from: "2026-08-01", to: "2026-10-29" },
    });
    expect(leadTableQuery(state)).toBe("source=webinar&campaign=Q4%2C+EMEA&campaign=spring&country=DE&companySize=1000%2B&enteredFrom=2026-11-01&reached=SQL&reachedFrom=2026-08-01&reachedTo=2026-10-29");
    expect(leadTableQuery(stateWith({ reached: { stage: "WON", from: null, to: null } }))).toBe("reached=WON");
  });

  test("columns are written only when they differ from the default set or its order", () => {
    const reordered = [...DEFAULT_VISIBLE_COLUMNS].reverse();
    expect(leadTableQuery({ ...DEFAULT_TABLE_STATE, columns: reordered })).toBe(`cols=${reordered.join("%2C")}`);
  });
});

const day = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const bound = optional(fc.integer({ min: -999_999, max: 999_999 }));
const range = fc.record({ min: bound, max: bound });
const percentBound = optional(fc.integer({ min: 0, max: 100 }));
const days = fc.record({ from: optional(day), to: optional(day) });
const trimmed = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((value) => value.trim()).filter((value) => value.length > 0);
// Free-text values as leads carry them, including commas and non-ASCII letters.
const freeText = fc.uniqueArray(trimmed(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("Banking, Financial Services", "Präsenz", "a&b=c"))), { maxLength: 4 });
const words = fc.array(fc.stringMatching(/^[a-z0-9@.äö'-]{1,12}$/), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(" ").slice(0, 100).trim()).filter((search) => search.length > 0);
const SORTABLE = LEAD_TABLE_COLUMNS.filter((column) => column.sortable).map((column) => column.id);

const stateArbitrary: fc.Arbitrary<LeadTableState> = fc.record({
  filters: fc.record({
    stages: fc.subarray([...STAGES]),
    owner: optional(fc.oneof(fc.constantFrom("me", "unassigned"), fc.stringMatching(/^c[a-z0-9]{8,24}$/))),
    score: range,
    fit: range,
    probability: fc.record({ min: percentBound, max: percentBound }),
    sources: freeText,
    campaigns: freeText,
    industries: freeText,
    countries: fc.uniqueArray(fc.stringMatching(/^[A-Z]{2}$/), { maxLength: 5 }),
    companySize: optional(fc.constantFrom(...COMPANY_SIZE_BANDS.map((band) => band.id))),
    created: days,
    updated: days,
    stageEntered: days,
    reached: optional(fc.record({ stage: fc.constantFrom(...STAGES), from: optional(day), to: optional(day) })),
    overdue: fc.boolean(),
    search: optional(words),
    importJob: optional(fc.stringMatching(/^c[a-z0-9]{8,24}$/)),
  }),
  sort: fc.record({ column: fc.constantFrom(...SORTABLE), direction: fc.constantFrom("asc" as const, "desc" as const) }),
  page: fc.integer({ min: 1, max: 9_999_999 }),
  pageSize: fc.constantFrom(...PAGE_SIZES),
  columns: fc.shuffledSubarray(LEAD_TABLE_COLUMNS.map((column) => column.id), { minLength: 1 }),
  view: optional(trimmed(fc.string({ maxLength: 30 }))),
});

// Queries as people and old links write them: known keys with valid, odd and broken values.
const QUERY_KEYS = ["view", "q", "stage", "owner", "overdue", "minScore", "maxScore", "minFit", "maxFit", "probMin", "probMax", "source", "industry", "country", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "enteredFrom", "enteredTo", "campaign", "companySize", "reached", "reachedFrom", "reachedTo", "sort", "cols", "size", "page", "colour"];
const queryValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("MQL,SAL", "lead", "all", "me", "1", "0", "-0", "007", "-15", "25", "100", "name.asc", "fitScore.desc", "stage.asc", "name,email", "2026-11-05", "2026-02-30", "101", "99.5", "probability.asc", " de ,at", "Banking, Financial Services", "  Jane   Doe ", "SQL", "LEAD", "1-49", "1000+", " 200-999 "),
  day,
);
const queryArbitrary = fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), queryValue), { maxLength: 12 }).map((pairs) => new URLSearchParams(pairs).toString());

describe("the URL round trip, for any state", () => {
  test("parsing the written query gives back the state, with nothing ignored", () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        expect(parse(leadTableQuery(state))).toEqual({ state, ignored: [] });
      }),
    );
  });

  test("whatever a query holds, writing what was read and reading it again changes nothing", () => {
    fc.assert(
      fc.property(queryArbitrary, (query) => {
        const { state } = parse(query);
        expect(parse(leadTableQuery(state))).toEqual({ state, ignored: [] });
      }),
    );
  });
});

describe("withFilters", () => {
  test("changes only the given filters and starts again at page 1, outside any saved view", () => {
    const state = stateWith({ stages: ["MQL"], search: "acme" }, { page: 7, view: "review", pageSize: 25, sort: { column: "name", direction: "asc" } });
    expect(withFilters(state, { countries: ["DE"] })).toEqual(stateWith({ stages: ["MQL"], search: "acme", countries: ["DE"] }, { page: 1, view: null, pageSize: 25, sort: { column: "name", direction: "asc" } }));
    expect(state.page).toBe(7);
  });
});

describe("ownerFilterOf", () => {
  test("'me' is the current user; unassigned, another user, or everyone", () => {
    expect(ownerFilterOf(stateWith({ owner: "me" }).filters, "user-1")).toEqual({ kind: "user", userId: "user-1" });
    expect(ownerFilterOf(stateWith({ owner: "unassigned" }).filters, "user-1")).toEqual({ kind: "unassigned" });
    expect(ownerFilterOf(stateWith({ owner: "user-2" }).filters, "user-1")).toEqual({ kind: "user", userId: "user-2" });
    expect(ownerFilterOf(EMPTY_FILTERS, "user-1")).toEqual({ kind: "all" });
  });
});

describe("dayRangeBounds", () => {
  test("from the start of the first day (inclusive) to the start of the day after the last (exclusive), in UTC", () => {
    expect(dayRangeBounds({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ gte: new Date("2026-11-01T00:00:00.000Z"), lt: new Date("2026-12-01T00:00:00.000Z") });
  });

  test("a single day spans exactly 24 hours, across a month and year end", () => {
    expect(dayRangeBounds({ from: "2026-12-31", to: "2026-12-31" })).toEqual({ gte: new Date("2026-12-31T00:00:00.000Z"), lt: new Date("2027-01-01T00:00:00.000Z") });
  });

  test("an open end is left out", () => {
    expect(dayRangeBounds({ from: "2026-03-29", to: null })).toEqual({ gte: new Date("2026-03-29T00:00:00.000Z") });
    expect(dayRangeBounds({ from: null, to: "2028-02-28" })).toEqual({ lt: new Date("2028-02-29T00:00:00.000Z") });
    expect(dayRangeBounds({ from: null, to: null })).toEqual({});
  });
});

describe("activeFilterCount", () => {
  test("no filters count 0; sort, page and columns are not filters", () => {
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
    expect(activeFilterCount(parse("sort=name.asc&page=3&cols=name&size=25").state.filters)).toBe(0);
  });

  test("each filter counts once, a range once whether one or both ends are set", () => {
    const filters: LeadTableFilters = {
      stages: ["LEAD", "MQL"],
      owner: "me",
      score: { min: 10, max: 90 },
      fit: { min: null, max: 5 },
      probability: { min: 30, max: null },
      sources: ["webinar", "referral"],
      campaigns: ["spring", "autumn"],
      industries: ["Software"],
      countries: ["DE"],
      companySize: "1-49",
      created: { from: "2026-01-01", to: null },
      updated: { from: null, to: "2026-02-01" },
      stageEntered: { from: "2026-01-01", to: "2026-01-31" },
      reached: { stage: "SQL", from: "2026-01-01", to: "2026-03-31" },
      overdue: true,
      search: "acme",
      importJob: "cjob123456",
    };
    // stages, owner, score, fit, probability, sources, campaigns, industries, countries, companySize, created, updated, stageEntered, reached, overdue, search, importJob
    expect(activeFilterCount(filters)).toBe(17);
    expect(activeFilterCount({ ...EMPTY_FILTERS, score: { min: 0, max: null } })).toBe(1);
    // A reached stage counts with or without its days.
    expect(activeFilterCount({ ...EMPTY_FILTERS, reached: { stage: "WON", from: null, to: null } })).toBe(1);
  });
});

describe("pageFromNearerEnd", () => {
  test("the rows read, turned back when read from the end, are the page; never more than half the rows are passed over", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 600 }), fc.constantFrom(25, 50, 100), (total, skip, take) => {
        const rows = Array.from({ length: total }, (_, index) => index);
        const read = pageFromNearerEnd({ skip, take }, total);
        const inOrder = read.fromEnd ? [...rows].reverse() : rows;
        const got = inOrder.slice(read.skip, read.skip + read.take);
        expect(read.fromEnd ? got.reverse() : got).toEqual(rows.slice(skip, skip + take));
        if (skip < total) expect(read.skip).toBeLessThanOrEqual(Math.ceil(total / 2));
      }),
    );
  });

  test("the last of 2,000 pages is the first from the end", () => {
    expect(pageFromNearerEnd({ skip: 99_900, take: 100 }, 100_000)).toEqual({ fromEnd: true, skip: 0, take: 100 });
    expect(pageFromNearerEnd({ skip: 0, take: 100 }, 100_000)).toEqual({ fromEnd: false, skip: 0, take: 100 });
  });
});

describe("reversedSort", () => {
  test("turns the direction over and keeps the column", () => {
    expect(reversedSort({ column: "company", direction: "asc" })).toEqual({ column: "company", direction: "desc" });
    expect(reversedSort({ column: "name", direction: "desc" })).toEqual({ column: "name", direction: "asc" });
  });
});
