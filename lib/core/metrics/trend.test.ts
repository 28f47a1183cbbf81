import { describe, expect, test } from "vitest";
import { historiesOf, leadWith } from "./test-fixtures";
import { trendRows, weekStartOf } from "./trend";

const at = (iso: string) => Date.parse(iso);
// Wednesday 4 November to Tuesday 24 November 2026, both included: it touches the weeks of
// Mondays 2, 9, 16 and 23 November.
const range = { from: at("2026-11-04T00:00:00Z"), to: at("2026-11-25T00:00:00Z") };

const leads = [
  // w1: created before the range (in its first week); MQL at the range's first instant,
  // back to LEAD and MQL again in the same week; accepted the next week.
  leadWith("w1", at("2026-11-02T10:00:00Z"), [
    ["MQL", "markMql", at("2026-11-04T00:00:00Z")],
    ["LEAD", "reject", at("2026-11-05T00:00:00Z"), { reason: "Student" }],
    ["MQL", "markMql", at("2026-11-06T00:00:00Z")],
    ["SAL", "accept", at("2026-11-10T00:00:00Z")],
  ]),
  // w2: created in the last millisecond of the first week; MQL on the next Monday at midnight;
  // back to LEAD; MQL again in the last week.
  leadWith("w2", at("2026-11-08T23:59:59.999Z"), [
    ["MQL", "markMql", at("2026-11-09T00:00:00Z")],
    ["LEAD", "reject", at("2026-11-10T00:00:00Z"), { reason: "Student" }],
    ["MQL", "markMql", at("2026-11-23T00:00:00Z")],
  ]),
  // w3: created, imported into SAL, qualified and won within the second week.
  leadWith("w3", at("2026-11-12T00:00:00Z"), [
    ["SAL", "import", at("2026-11-12T00:00:00Z")],
    ["SQL", "qualify", at("2026-11-13T00:00:00Z")],
    ["WON", "win", at("2026-11-15T23:00:00Z")],
  ]),
  // w4: created on the range's last day; its MQL comes at the range's end, outside it.
  leadWith("w4", at("2026-11-24T23:00:00Z"), [["MQL", "markMql", at("2026-11-25T00:00:00Z")]]),
];

describe("weekStartOf", () => {
  test("Monday 00:00 UTC of the moment's week", () => {
    expect(weekStartOf(at("2026-11-02T00:00:00Z"))).toBe(at("2026-11-02T00:00:00Z"));
    expect(weekStartOf(at("2026-11-08T23:59:59.999Z"))).toBe(at("2026-11-02T00:00:00Z"));
    expect(weekStartOf(at("2026-11-09T00:00:00Z"))).toBe(at("2026-11-09T00:00:00Z"));
    // Before 1970: Wednesday 31 December 1969 is in the week of Monday 29 December.
    expect(weekStartOf(at("1969-12-31T12:00:00Z"))).toBe(at("1969-12-29T00:00:00Z"));
  });
});

describe("trendRows", () => {
  test("entries per week and stage, distinct leads, within the range only", () => {
    // Week of 2 Nov (in range from the 4th): LEAD: w1 (back on the 5th), w2 (created the 8th) = 2
    //   (w1's creation on the 2nd is before the range); MQL: w1 (4th and 6th, once) = 1.
    // Week of 9 Nov: LEAD: w2 (back on the 10th), w3 (created) = 2; MQL: w2 = 1; SAL: w1, w3 = 2;
    //   SQL: w3 = 1; WON: w3 (Sunday 15th 23:00) = 1.
    // Week of 16 Nov: nothing happened, shown as zeros.
    // Week of 23 Nov: LEAD: w4 = 1; MQL: w2 = 1 (w4's MQL is at the range's end, outside it).
    expect(trendRows(historiesOf(...leads), range)).toEqual([
      { weekStart: "2026-11-02", entered: { LEAD: 2, MQL: 1, SAL: 0, SQL: 0, WON: 0 } },
      { weekStart: "2026-11-09", entered: { LEAD: 2, MQL: 1, SAL: 2, SQL: 1, WON: 1 } },
      { weekStart: "2026-11-16", entered: { LEAD: 0, MQL: 0, SAL: 0, SQL: 0, WON: 0 } },
      { weekStart: "2026-11-23", entered: { LEAD: 1, MQL: 1, SAL: 0, SQL: 0, WON: 0 } },
    ]);
  });

  test("no leads: every week of the range, with zeros", () => {
    // 9 to 15 November: exactly one week.
    const zeros = { LEAD: 0, MQL: 0, SAL: 0, SQL: 0, WON: 0 };
    expect(trendRows(historiesOf(), { from: at("2026-11-09T00:00:00Z"), to: at("2026-11-16T00:00:00Z") })).toEqual([{ weekStart: "2026-11-09", entered: zeros }]);
  });
});
