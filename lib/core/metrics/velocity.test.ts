import { describe, expect, test } from "vitest";
import { day, historiesOf, hour, leadWith } from "./test-fixtures";
import { velocity } from "./velocity";

// Two weeks from Monday 2 Nov 2026 = hours 0 to 336.
const range = { from: day(0), to: day(14) };

const leads = [
  // p: back and forth, then accepted and qualified (SQL still going on).
  leadWith(
    "p",
    hour(0),
    [
      ["MQL", "markMql", hour(10)],
      ["LEAD", "reject", hour(14)],
      ["MQL", "markMql", hour(20)],
      ["SAL", "accept", hour(26)],
      ["SQL", "qualify", hour(50)],
    ],
    { firstEventAt: hour(-6) },
  ),
  // q: crosses the range's start: MQL before it, accepted inside, qualified after its end.
  leadWith(
    "q",
    hour(-48),
    [
      ["MQL", "markMql", hour(-12)],
      ["SAL", "accept", hour(12)],
      ["SQL", "qualify", hour(336 + 5)],
    ],
    { firstEventAt: hour(-50) },
  ),
  // r: created near the end, MQL still open; no events.
  leadWith("r", hour(312), [["MQL", "markMql", hour(314)]]),
  // s: skips MQL: imported into SAL the moment it was created, then qualified.
  leadWith(
    "s",
    hour(24),
    [
      ["SAL", "import", hour(24)],
      ["SQL", "qualify", hour(34)],
    ],
    { firstEventAt: hour(0) },
  ),
  // t: its first event came after it became MQL.
  leadWith("t", hour(100), [["MQL", "markMql", hour(101.5)]], { firstEventAt: hour(102) }),
];

describe("velocity", () => {
  const result = velocity(historiesOf(...leads), range);

  test("time in LEAD: every ended stint, including the return visit and a zero-length one", () => {
    // Stints ended in the range: p 0→10 = 10 h, p 14→20 = 6 h, r 312→314 = 2 h, s 24→24 = 0 h, t 100→101.5 = 1.5 h.
    // q's LEAD stint ended at −12 h, before the range. Sorted: 0, 1.5, 2, 6, 10.
    // Median: position 2 → 2 h. p90: position 0.9 · 4 = 3.6 → 6 + 0.6 · (10 − 6) = 8.4 h.
    expect(result.timeInStage.LEAD).toEqual({ count: 5, medianHours: 2, p90Hours: 8.4 });
  });

  test("time in MQL: both of a back-and-forth lead's stints, and a stint that began before the range", () => {
    // p 10→14 = 4 h, p 20→26 = 6 h, q −12→12 = 24 h (ended in the range). r and t are still MQL.
    // Sorted 4, 6, 24: median 6 h; p90: position 1.8 → 6 + 0.8 · 18 = 20.4 h.
    expect(result.timeInStage.MQL).toEqual({ count: 3, medianHours: 6, p90Hours: 20.4 });
  });

  test("time in SAL: stints ending after the range are left out", () => {
    // p 26→50 = 24 h, s 24→34 = 10 h. q's SAL stint ends at day 14 + 5 h, after the range.
    // Sorted 10, 24: median 17 h; p90: position 0.9 → 10 + 0.9 · 14 = 22.6 h.
    expect(result.timeInStage.SAL).toEqual({ count: 2, medianHours: 17, p90Hours: 22.6 });
  });

  test("time in SQL: ongoing stints are left out, so there is none", () => {
    expect(result.timeInStage.SQL).toEqual({ count: 0, medianHours: null, p90Hours: null });
  });

  test("first event → MQL: only first MQL entries in the range, with an earlier event", () => {
    // p: first MQL at 10 h, first event at −6 h → 16 h. q's first MQL was before the range;
    // r has no events; t's first event (102 h) came after its MQL (101.5 h); s never was MQL.
    expect(result.firstEventToMql).toEqual({ count: 1, medianHours: 16, p90Hours: 16 });
  });

  test("MQL → SQL: from the latest MQL entry before the SQL entry", () => {
    // p: SQL at 50 h, latest MQL at 20 h (not the first, at 10 h) → 30 h.
    // s skipped MQL; q's SQL entry is after the range.
    expect(result.mqlToSql).toEqual({ count: 1, medianHours: 30, p90Hours: 30 });
  });

  test("MQL → WON: none of these leads was won", () => {
    expect(result.mqlToWon).toEqual({ count: 0, medianHours: null, p90Hours: null });
  });

  test("MQL → WON: from the first MQL entry, for leads won in the range; leads that skipped MQL are left out", () => {
    const won = velocity(
      historiesOf(
        // w1: MQL at 10 h, sent back, MQL again at 30 h, won at 110 h: 100 h from the first MQL entry.
        leadWith("w1", hour(0), [
          ["MQL", "markMql", hour(10)],
          ["LEAD", "reject", hour(20)],
          ["MQL", "markMql", hour(30)],
          ["SAL", "accept", hour(40)],
          ["SQL", "qualify", hour(50)],
          ["WON", "win", hour(110)],
        ]),
        // w2: MQL before the range (−40 h), won inside it (200 h): 240 h.
        leadWith("w2", hour(-50), [
          ["MQL", "markMql", hour(-40)],
          ["SQL", "qualify", hour(0)],
          ["WON", "win", hour(200)],
        ]),
        // w3: imported straight into WON: it never was an MQL.
        leadWith("w3", hour(0), [["WON", "win", hour(20)]]),
        // w4: won after the range.
        leadWith("w4", hour(0), [
          ["MQL", "markMql", hour(1)],
          ["WON", "win", hour(336 + 1)],
        ]),
      ),
      range,
    );
    // Sorted 100, 240: median 170 h; p90: position 0.9 → 100 + 0.9 · 140 = 226 h.
    expect(won.mqlToWon).toEqual({ count: 2, medianHours: 170, p90Hours: 226 });
    expect(won.cycleTimes.find((time) => time.from === "MQL" && time.to === "WON")).toEqual({ from: "MQL", to: "WON", ...won.mqlToWon });
  });

  test("no leads: counts of zero and no figures", () => {
    const none = { count: 0, medianHours: null, p90Hours: null };
    const { cycleTimes, ...rest } = velocity(historiesOf(), range);
    expect(rest).toEqual({ timeInStage: { LEAD: none, MQL: none, SAL: none, SQL: none }, firstEventToMql: none, mqlToSql: none, mqlToWon: none });
    expect(cycleTimes).toHaveLength(10);
    expect(cycleTimes.every((time) => time.count === 0 && time.medianHours === null && time.p90Hours === null)).toBe(true);
  });
});
