import { describe, expect, test } from "vitest";
import { repRows } from "./reps";
import { day, historiesOf, hour, leadWith } from "./test-fixtures";

// A week from Monday 2 Nov 2026: hours 0 to 168.
const range = { from: day(0), to: day(7) };

const leads = [
  // r1: system MQL; rep-a accepts in 5 h and qualifies; the win comes after the range.
  leadWith("r1", hour(-1), [
    ["MQL", "markMql", hour(0)],
    ["SAL", "accept", hour(5), { actorId: "rep-a" }],
    ["SQL", "qualify", hour(30), { actorId: "rep-a" }],
    ["WON", "win", hour(200), { actorId: "rep-a" }],
  ]),
  // r2: MQL before the range, accepted inside it by rep-a 12 h later.
  leadWith("r2", hour(-20), [
    ["MQL", "markMql", hour(-10)],
    ["SAL", "accept", hour(2), { actorId: "rep-a" }],
  ]),
  // r3: rep-b rejects in 1 h; a marketer marks it MQL again; the manager accepts 20 h later and wins it; rep-b qualifies.
  leadWith("r3", hour(0), [
    ["MQL", "markMql", hour(10)],
    ["LEAD", "reject", hour(11), { actorId: "rep-b", reason: "Wrong region" }],
    ["MQL", "markMql", hour(20), { actorId: "marketer" }],
    ["SAL", "accept", hour(40), { actorId: "mgr" }],
    ["SQL", "qualify", hour(50), { actorId: "rep-b" }],
    ["WON", "win", hour(60), { actorId: "mgr" }],
  ]),
  // r4: accepted by rep-b before the range; qualified inside it; lost (not a counted move).
  leadWith("r4", hour(-50), [
    ["MQL", "markMql", hour(-48)],
    ["SAL", "accept", hour(-40), { actorId: "rep-b" }],
    ["SQL", "qualify", hour(10), { actorId: "rep-b" }],
    ["LOST", "lose", hour(20), { actorId: "rep-b", reason: "Price" }],
  ]),
  // r5: imported into SAL by the system, qualified by rep-a.
  leadWith("r5", hour(90), [
    ["SAL", "import", hour(90)],
    ["SQL", "qualify", hour(100), { actorId: "rep-a" }],
  ]),
];

describe("repRows", () => {
  test("moves made in the range per person, with the median response to MQLs", () => {
    // rep-a: accepted r1 (5 h after MQL) and r2 (2 − (−10) = 12 h) = 2; qualified r1, r5 = 2; r1's win is after the range.
    //   Median response of 5 and 12 = 8.5 h.
    // mgr: accepted r3 (40 − 20 = 20 h after its latest MQL) = 1; won r3 = 1. Median 20 h.
    // rep-b: rejected r3 (1 h) = 1; qualified r3, r4 = 2; r4's accept was before the range. Median 1 h.
    // The system and the marketer made no counted moves. Most accepted first.
    expect(repRows(historiesOf(...leads), range)).toEqual([
      { repId: "rep-a", accepted: 2, rejected: 0, qualified: 2, won: 0, medianResponseHours: 8.5 },
      { repId: "mgr", accepted: 1, rejected: 0, qualified: 0, won: 1, medianResponseHours: 20 },
      { repId: "rep-b", accepted: 0, rejected: 1, qualified: 2, won: 0, medianResponseHours: 1 },
    ]);
  });

  test("a rep who only qualified has no response time", () => {
    // rep-a qualified r5 at 100 h; nothing else of theirs is in these leads.
    expect(repRows(historiesOf(leads[4]), range)).toEqual([{ repId: "rep-a", accepted: 0, rejected: 0, qualified: 1, won: 0, medianResponseHours: null }]);
  });

  test("no leads: no rows", () => {
    expect(repRows(historiesOf(), range)).toEqual([]);
  });
});
