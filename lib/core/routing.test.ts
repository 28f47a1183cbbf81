import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { RepLoad } from "./routing";
import { chooseRep, routeLeads } from "./routing";
import type { RoutingRules, Territory } from "./workflow-settings";

const NOW = 1_000;

const rep = (id: string, lastRoutedAt: number | null = null, openSals = 0): RepLoad => ({ id, openSals, lastRoutedAt });
const rules = (territories: Territory[] = [], maxOpenSals: number | null = null): RoutingRules => ({ territories, maxOpenSals });
const dach: Territory = { name: "DACH", countries: ["DE", "AT", "CH"], repIds: ["rep-a", "rep-b"] };
const leads = (...countries: (string | null)[]) => countries.map((country, index) => ({ id: `lead-${index + 1}`, country }));
const chosen = (result: ReturnType<typeof routeLeads>) => result.decisions.map(({ decision }) => decision.repId);

describe("round robin", () => {
  test("30 leads over 3 reps go 10 to each, in a strict rotation", () => {
    const result = routeLeads(leads(...Array<null>(30).fill(null)), rules(), [rep("rep-a"), rep("rep-b"), rep("rep-c")], NOW);
    const expected = Array.from({ length: 30 }, (_, index) => ["rep-a", "rep-b", "rep-c"][index % 3]);
    expect(chosen(result)).toEqual(expected);
    expect(expected.filter((id) => id === "rep-a")).toHaveLength(10);
    expect(result.decisions.every(({ decision }) => decision.rule === "Round robin")).toBe(true);
  });

  test("reps never routed go first, then the one who has waited longest", () => {
    const reps = [rep("rep-a", 300), rep("rep-b"), rep("rep-c", 100), rep("rep-d")];
    expect(chosen(routeLeads(leads("US", "US", "US", "US", "US"), rules(), reps, NOW))).toEqual(["rep-b", "rep-d", "rep-c", "rep-a", "rep-b"]);
  });

  test("ties are broken by id, whatever order the reps come in", () => {
    expect(chooseRep({ country: null, rules: rules(), reps: [rep("rep-b", 500), rep("rep-a", 500), rep("rep-c", 900)] })).toEqual({ repId: "rep-a", rule: "Round robin" });
    expect(chooseRep({ country: null, rules: rules(), reps: [rep("rep-c"), rep("rep-b")] })).toEqual({ repId: "rep-b", rule: "Round robin" });
  });

  test("with no active reps the lead stays unassigned and the rule says why", () => {
    expect(chooseRep({ country: "DE", rules: rules(), reps: [] })).toEqual({ repId: null, rule: "No active sales reps" });
  });
});

describe("territories", () => {
  const reps = [rep("rep-a", 100), rep("rep-b", 50), rep("rep-c")];

  test("a lead in a territory's country goes to that territory's longest-waiting rep, not to a rep outside it", () => {
    expect(chooseRep({ country: "DE", rules: rules([dach]), reps })).toEqual({ repId: "rep-b", rule: "Territory DACH" });
  });

  test("the lead's country matches whatever its case and surrounding spaces", () => {
    expect(chooseRep({ country: " at ", rules: rules([dach]), reps })).toEqual({ repId: "rep-b", rule: "Territory DACH" });
    expect(chooseRep({ country: "Ch", rules: rules([dach]), reps })).toEqual({ repId: "rep-b", rule: "Territory DACH" });
  });

  test("the first territory listing the country wins", () => {
    const europe: Territory = { name: "Europe", countries: ["FR", "DE"], repIds: ["rep-c"] };
    expect(chooseRep({ country: "DE", rules: rules([europe, dach]), reps })).toEqual({ repId: "rep-c", rule: "Territory Europe" });
    expect(chooseRep({ country: "DE", rules: rules([dach, europe]), reps })).toEqual({ repId: "rep-b", rule: "Territory DACH" });
  });

  test("leads outside every territory, or with no country, go round robin over all reps", () => {
    expect(chooseRep({ country: "US", rules: rules([dach]), reps })).toEqual({ repId: "rep-c", rule: "Round robin" });
    expect(chooseRep({ country: null, rules: rules([dach]), reps })).toEqual({ repId: "rep-c", rule: "Round robin" });
    expect(chooseRep({ country: "  ", rules: rules([dach]), reps })).toEqual({ repId: "rep-c", rule: "Round robin" });
  });

  test("a territory whose reps are all inactive leaves the lead unassigned instead of routing it elsewhere", () => {
    const nordics: Territory = { name: "Nordics", countries: ["SE", "NO"], repIds: ["rep-gone", "rep-away"] };
    expect(chooseRep({ country: "SE", rules: rules([nordics]), reps })).toEqual({ repId: null, rule: "Territory Nordics: none of its reps is active" });
  });

  test("a batch of territory and other leads shares one rotation: a routed territory rep waits behind the others", () => {
    // DE → a (a and b never routed, a by id); US → b (a was just routed); DE → a (b more recent); US → c (never routed).
    const result = routeLeads(leads("DE", "US", "de", "US"), rules([dach]), [rep("rep-a"), rep("rep-b"), rep("rep-c")], NOW);
    expect(chosen(result)).toEqual(["rep-a", "rep-b", "rep-a", "rep-c"]);
    expect(result.decisions.map(({ decision }) => decision.rule)).toEqual(["Territory DACH", "Round robin", "Territory DACH", "Round robin"]);
  });
});

describe("the open-SAL cap", () => {
  test("reps at the cap are skipped, even if they have waited longest", () => {
    const reps = [rep("rep-a", null, 2), rep("rep-b", 100, 1), rep("rep-c", 50, 5)];
    expect(chooseRep({ country: null, rules: rules([], 2), reps })).toEqual({ repId: "rep-b", rule: "Round robin, under the cap of 2 open SALs" });
  });

  test("when every rep is at the cap the lead stays unassigned and the rule names the cap", () => {
    const reps = [rep("rep-a", null, 2), rep("rep-b", 100, 3), rep("rep-c", 50, 2)];
    expect(chooseRep({ country: null, rules: rules([], 2), reps })).toEqual({ repId: null, rule: "Round robin: every rep has 2 open SALs (the cap)" });
    expect(chooseRep({ country: "DE", rules: rules([dach], 2), reps })).toEqual({ repId: null, rule: "Territory DACH: every rep has 2 open SALs (the cap)" });
  });

  test("a batch never routes to a rep at the cap, and leaves leads unassigned once nobody is under it", () => {
    const inDach = routeLeads(leads("DE", "DE", "DE"), rules([dach], 1), [rep("rep-a", null, 1), rep("rep-b", 700, 0), rep("rep-c")], NOW);
    expect(chosen(inDach)).toEqual(["rep-b", "rep-b", "rep-b"]);
    const nobody = routeLeads(leads("DE", "US"), rules([dach], 1), [rep("rep-a", null, 1), rep("rep-b", null, 1), rep("rep-c", null, 0)], NOW);
    expect(nobody.decisions.map(({ decision }) => decision)).toEqual([
      { repId: null, rule: "Territory DACH: every rep has 1 open SALs (the cap)" },
      { repId: "rep-c", rule: "Round robin, under the cap of 1 open SALs" },
    ]);
    expect([...nobody.lastRoutedAt.keys()]).toEqual(["rep-c"]);
  });
});

describe("routeLeads' last-routed times", () => {
  test("strictly increase within the batch from now, and are returned for each chosen rep only", () => {
    const result = routeLeads(leads(null, null), rules(), [rep("rep-a"), rep("rep-b"), rep("rep-c")], NOW);
    expect(result.lastRoutedAt).toEqual(new Map([["rep-a", 1_000], ["rep-b", 1_001]]));
  });

  test("a rep routed several times keeps its latest time", () => {
    const result = routeLeads(leads(null, null, null, null, null), rules(), [rep("rep-a"), rep("rep-b")], NOW);
    // a: 1000, 1002, 1004; b: 1001, 1003.
    expect(result.lastRoutedAt).toEqual(new Map([["rep-a", 1_004], ["rep-b", 1_003]]));
  });

  test("start after any earlier routing, so a rep stamped later than now (a skewed clock) still goes last", () => {
    const result = routeLeads(leads(null, null, null), rules(), [rep("rep-a", 5_000), rep("rep-b"), rep("rep-c", 20)], NOW);
    expect(chosen(result)).toEqual(["rep-b", "rep-c", "rep-a"]);
    expect(result.lastRoutedAt).toEqual(new Map([["rep-b", 5_001], ["rep-c", 5_002], ["rep-a", 5_003]]));
  });

  test("leave the reps passed in untouched", () => {
    const reps = [rep("rep-a"), rep("rep-b", 10)];
    routeLeads(leads(null, null), rules(), reps, NOW);
    expect(reps).toEqual([rep("rep-a"), rep("rep-b", 10)]);
  });
});

describe("round robin, for any reps and leads without a cap", () => {
  const scenario = fc.record({
    reps: fc.array(fc.record({ lastRoutedAt: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null }), openSals: fc.nat(50) }), { minLength: 1, maxLength: 8 }),
    countries: fc.array(fc.option(fc.constantFrom("DE", "us", "FR", ""), { nil: null }), { maxLength: 60 }),
    now: fc.integer({ min: 0, max: 5_000 }),
  });

  test("every lead gets a rep, and counts per rep differ by at most 1", () => {
    fc.assert(
      fc.property(scenario, ({ reps, countries, now }) => {
        const loads = reps.map((load, index) => ({ id: `rep-${index}`, ...load }));
        const result = routeLeads(leads(...countries), rules(), loads, now);
        const counts = loads.map((load) => chosen(result).filter((id) => id === load.id).length);
        expect(chosen(result).every((id) => id !== null)).toBe(true);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  test("the rotation repeats every as many leads as there are reps, with times after now and every earlier one", () => {
    fc.assert(
      fc.property(scenario, ({ reps, countries, now }) => {
        const loads = reps.map((load, index) => ({ id: `rep-${index}`, ...load }));
        const result = routeLeads(leads(...countries), rules(), loads, now);
        const order = chosen(result);
        order.forEach((id, index) => index >= loads.length && expect(id).toBe(order[index - loads.length]));
        const latestBefore = Math.max(...loads.map((load) => load.lastRoutedAt ?? -Infinity));
        for (const time of result.lastRoutedAt.values()) {
          expect(time).toBeGreaterThanOrEqual(now);
          expect(time).toBeGreaterThan(latestBefore);
        }
      }),
    );
  });
});
