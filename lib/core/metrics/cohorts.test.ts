import { describe, expect, test } from "vitest";
import { cohortRows, monthOf } from "./cohorts";
import { historiesOf, leadWith } from "./test-fixtures";

const at = (iso: string) => Date.parse(iso);
// 15 September to 9 November 2026, both included.
const range = { from: at("2026-09-15T00:00:00Z"), to: at("2026-11-10T00:00:00Z") };

const leads = [
  // c1: September, went all the way.
  leadWith("c1", at("2026-09-20T08:00:00Z"), [
    ["MQL", "markMql", at("2026-09-21T00:00:00Z")],
    ["SAL", "accept", at("2026-09-22T00:00:00Z")],
    ["SQL", "qualify", at("2026-10-05T00:00:00Z")],
    ["WON", "win", at("2026-12-01T00:00:00Z")],
  ]),
  // c2: the last millisecond of September (UTC), MQL only.
  leadWith("c2", at("2026-09-30T23:59:59.999Z"), [["MQL", "markMql", at("2026-10-01T00:00:00Z")]]),
  // c3: the first moment of October; back and forth: MQL, SAL, recycled, MQL again.
  leadWith("c3", at("2026-10-01T00:00:00Z"), [
    ["MQL", "markMql", at("2026-10-02T00:00:00Z")],
    ["SAL", "accept", at("2026-10-03T00:00:00Z")],
    ["LEAD", "recycle", at("2026-10-04T00:00:00Z"), { reason: "No project" }],
    ["MQL", "markMql", at("2026-10-05T00:00:00Z")],
  ]),
  // c4: created before the range: left out although it won.
  leadWith("c4", at("2026-09-10T00:00:00Z"), [
    ["MQL", "markMql", at("2026-09-16T00:00:00Z")],
    ["SAL", "accept", at("2026-09-17T00:00:00Z")],
    ["SQL", "qualify", at("2026-09-18T00:00:00Z")],
    ["WON", "win", at("2026-09-19T00:00:00Z")],
  ]),
  // c5: November, imported into SAL (skipping MQL), then disqualified.
  leadWith("c5", at("2026-11-05T00:00:00Z"), [
    ["SAL", "import", at("2026-11-05T00:00:00Z")],
    ["DISQUALIFIED", "disqualify", at("2026-11-06T00:00:00Z"), { reasonCode: "no_budget" }],
  ]),
  // c6: created exactly at the range's end: outside it.
  leadWith("c6", at("2026-11-10T00:00:00Z")),
];

describe("cohortRows", () => {
  test("leads created in the range by UTC month, with the stages they reached by now", () => {
    // September: c1, c2 = 2; MQL both; SAL, SQL, won: c1 (won in December, after the range) = 1 each.
    // October: c3 = 1; MQL 1, SAL 1 (it went back, but it did reach SAL); SQL 0, won 0.
    // November: c5 = 1; MQL 0 (skipped), SAL 1. c4 and c6 are outside the range.
    expect(cohortRows(historiesOf(...leads), range)).toEqual([
      { month: "2026-09", leads: 2, reached: { MQL: 2, SAL: 1, SQL: 1, WON: 1 } },
      { month: "2026-10", leads: 1, reached: { MQL: 1, SAL: 1, SQL: 0, WON: 0 } },
      { month: "2026-11", leads: 1, reached: { MQL: 0, SAL: 1, SQL: 0, WON: 0 } },
    ]);
  });

  test("months are UTC calendar months", () => {
    expect(monthOf(at("2026-09-30T23:59:59.999Z"))).toBe("2026-09");
    expect(monthOf(at("2026-10-01T00:00:00Z"))).toBe("2026-10");
  });

  test("no leads: no cohorts", () => {
    expect(cohortRows(historiesOf(), range)).toEqual([]);
  });
});
