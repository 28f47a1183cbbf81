import { describe, expect, test } from "vitest";
import { DEFAULT_TABLE_STATE, EMPTY_FILTERS, parseLeadTableQuery } from "./lead-table";
import { builtInViews, canonicalViewQuery, defaultViewFor, savedViewInputSchema } from "./saved-views";

const stateOf = (query: string) => parseLeadTableQuery(new URLSearchParams(query));

describe("built-in views", () => {
  test("a marketer opens 'Ready for MQL review': LEADs from three quarters of the threshold up, best score first", () => {
    // 0.75 × 70 = 52.5, rounded down.
    const view = defaultViewFor("MARKETER", 70);
    expect(view).toMatchObject({ id: "review", name: "Ready for MQL review" });
    expect(view.description).toBe("Leads scoring 52 or more (the MQL threshold is 70), highest first.");
    expect(view.query).toBe("view=review&stage=LEAD&minScore=52");
    expect(stateOf(view.query)).toEqual({
      state: { ...DEFAULT_TABLE_STATE, filters: { ...EMPTY_FILTERS, stages: ["LEAD"], score: { min: 52, max: null } }, sort: { column: "totalScore", direction: "desc" }, view: "review" },
      ignored: [],
    });
  });

  test.each([
    [100, 75],
    [99, 74],
    [4, 3],
    [1, 0],
  ])("with an MQL threshold of %i the review starts at %i", (threshold, minimum) => {
    expect(stateOf(defaultViewFor("MARKETER", threshold).query).state.filters.score).toEqual({ min: minimum, max: null });
  });

  test("a sales rep opens 'My queue': their MQLs and SALs, longest in stage first", () => {
    const view = defaultViewFor("SALES", 70);
    expect(view.name).toBe("My queue");
    expect(view.query).toBe("view=my-queue&stage=MQL%2CSAL&owner=me&sort=stageEnteredAt.asc");
  });

  test("a manager opens 'Overdue': MQLs past the response SLA, longest waiting first", () => {
    const view = defaultViewFor("MANAGER", 70);
    expect(view.name).toBe("Overdue");
    expect(view.query).toBe("view=overdue&stage=MQL&overdue=1&sort=stageEnteredAt.asc");
  });

  test("an admin opens 'All leads', the default state", () => {
    const view = defaultViewFor("ADMIN", 70);
    expect(view.name).toBe("All leads");
    expect(view.query).toBe("view=all");
    expect(stateOf(view.query).state).toEqual({ ...DEFAULT_TABLE_STATE, view: "all" });
  });

  test("every built-in view reads back without anything ignored, and each role is the default of exactly one", () => {
    const views = builtInViews(70);
    expect(views.map((view) => view.id)).toEqual(["review", "my-queue", "overdue", "unassigned", "all"]);
    for (const view of views) expect(stateOf(view.query)).toMatchObject({ state: { view: view.id }, ignored: [] });
    expect(views.find((view) => view.id === "unassigned")?.query).toBe("view=unassigned&stage=MQL&owner=unassigned&sort=stageEnteredAt.asc");
    for (const role of ["ADMIN", "MANAGER", "MARKETER", "SALES"] as const) expect(views.filter((view) => view.defaultFor.includes(role))).toHaveLength(1);
  });
});

describe("canonicalViewQuery", () => {
  test("drops the page and the view, and writes the rest in the canonical order and form", () => {
    expect(canonicalViewQuery("page=3&view=review&sort=name.asc&minScore=10&stage=SAL,LEAD&country=DE")).toBe("stage=LEAD%2CSAL&minScore=10&country=DE&sort=name.asc");
  });

  test("drops defaults and malformed values", () => {
    expect(canonicalViewQuery("sort=totalScore.desc&size=50&page=1&minFit=lots&stage=FOO")).toBe("");
  });

  test("the same view written two ways is saved the same", () => {
    expect(canonicalViewQuery("stage=MQL&stage=LEAD&q=%20ACME%20")).toBe(canonicalViewQuery("q=acme&stage=LEAD,MQL"));
  });
});

describe("savedViewInputSchema", () => {
  const issues = (input: unknown) => {
    const result = savedViewInputSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
  };

  test("accepts a name, whether it is shared and the query; trims the name", () => {
    expect(savedViewInputSchema.parse({ name: "  DACH pipeline ", shared: true, query: "country=DE" })).toEqual({ name: "DACH pipeline", shared: true, query: "country=DE" });
  });

  test("a blank name is refused on the name field", () => {
    expect(issues({ name: "   ", shared: false, query: "" })).toEqual([{ path: ["name"], message: "Give the view a name." }]);
  });

  test("a name longer than 60 characters is refused on the name field; 60 is fine", () => {
    expect(issues({ name: "x".repeat(61), shared: false, query: "" })).toEqual([{ path: ["name"], message: "A view name can be at most 60 characters." }]);
    expect(issues({ name: "x".repeat(60), shared: false, query: "" })).toEqual([]);
  });

  test("a query over 4,000 characters is refused on the query field", () => {
    expect(issues({ name: "Huge", shared: false, query: "q".repeat(4_001) })).toEqual([{ path: ["query"], message: "This view has too many filters to save." }]);
  });

  test("a missing field is named; unknown fields are refused", () => {
    expect(issues({ name: "No sharing", query: "" }).map((issue) => issue.path)).toEqual([["shared"]]);
    expect(issues({ name: "Extra", shared: false, query: "", ownerId: "someone" })).toHaveLength(1);
  });
});
