import { describe, expect, test } from "vitest";
import { CYCLE_PAIRS, DEFAULT_CYCLE_PAIR, cycleTimeOf, cyclePairOf, cycleTimes, laterStages } from "./cycle-times";
import type { LeadFixture } from "./test-fixtures";
import { day, historiesOf, hour, leadWith } from "./test-fixtures";
import type { CycleTime } from "./types";

// Two weeks from Monday 2 Nov 2026 = hours 0 to 336.
const range = { from: day(0), to: day(14) };

/** The measured pairs as "FROM→TO": median hours (each test lead counts once per pair). */
function measured(...leads: LeadFixture[]): Record<string, number | null> {
  return Object.fromEntries(
    cycleTimes(historiesOf(...leads), range)
      .filter((time) => time.count > 0)
      .map((time) => [`${time.from}→${time.to}`, time.medianHours]),
  );
}

// a: every stage once, won in the range.
const a = leadWith("a", hour(0), [
  ["MQL", "markMql", hour(10)],
  ["SAL", "accept", hour(20)],
  ["SQL", "qualify", hour(40)],
  ["WON", "win", hour(100)],
]);
// b: imported straight from creation to WON, skipping every stage between.
const b = leadWith("b", hour(0), [["WON", "win", hour(50)]]);
// c: MQL, sent back, MQL again, then on to SQL (not won).
const c = leadWith("c", hour(0), [
  ["MQL", "markMql", hour(10)],
  ["LEAD", "reject", hour(20)],
  ["MQL", "markMql", hour(30)],
  ["SAL", "accept", hour(40)],
  ["SQL", "qualify", hour(60)],
]);
// d: accepted, then lost: never reached SQL or WON.
const d = leadWith("d", hour(0), [
  ["MQL", "markMql", hour(5)],
  ["SAL", "accept", hour(6)],
  ["LOST", "lose", hour(30)],
]);
// e: created and MQL before the range, SQL (skipping SAL) inside it, won after it.
const e = leadWith("e", hour(-100), [
  ["MQL", "markMql", hour(-50)],
  ["SQL", "qualify", hour(20)],
  ["WON", "win", hour(336 + 10)],
]);
// g: reached SQL before the range, was sent back and reached SQL again inside it.
const g = leadWith("g", hour(-30), [
  ["MQL", "markMql", hour(-20)],
  ["SQL", "qualify", hour(-10)],
  ["LEAD", "reject", hour(-5)],
  ["MQL", "markMql", hour(5)],
  ["SQL", "qualify", hour(15)],
]);
// h: every stage once, a day apart, won on day 10.
const h = leadWith("h", hour(0), [
  ["MQL", "markMql", hour(24)],
  ["SAL", "accept", hour(48)],
  ["SQL", "qualify", hour(72)],
  ["WON", "win", hour(240)],
]);

describe("cycleTimes", () => {
  test("every pair of funnel stages, earlier first", () => {
    expect(CYCLE_PAIRS.map((pair) => `${pair.from}→${pair.to}`)).toEqual([
      "LEAD→MQL",
      "LEAD→SAL",
      "LEAD→SQL",
      "LEAD→WON",
      "MQL→SAL",
      "MQL→SQL",
      "MQL→WON",
      "SAL→SQL",
      "SAL→WON",
      "SQL→WON",
    ]);
    expect(cycleTimes(historiesOf(), range).map((time) => [time.from, time.to])).toEqual(CYCLE_PAIRS.map((pair) => [pair.from, pair.to]));
  });

  test("a lead through every stage counts for every pair, from creation for LEAD", () => {
    // Created 0, MQL 10, SAL 20, SQL 40, WON 100 (hours).
    expect(measured(a)).toEqual({
      "LEAD→MQL": 10,
      "LEAD→SAL": 20,
      "LEAD→SQL": 40,
      "LEAD→WON": 100,
      "MQL→SAL": 10,
      "MQL→SQL": 30,
      "MQL→WON": 90,
      "SAL→SQL": 20,
      "SAL→WON": 80,
      "SQL→WON": 60,
    });
  });

  test("skipped stages: created → WON counts for LEAD → WON and for no pair starting at a skipped stage", () => {
    expect(measured(b)).toEqual({ "LEAD→WON": 50 });
  });

  test("re-entries count from the first entry: a return to LEAD and a second MQL restart nothing", () => {
    // First MQL 10 (not 30), SAL 40, SQL 60; created 0.
    expect(measured(c)).toEqual({ "LEAD→MQL": 10, "LEAD→SAL": 40, "LEAD→SQL": 60, "MQL→SAL": 30, "MQL→SQL": 50, "SAL→SQL": 20 });
  });

  test("leads that never reached the later stage are left out of its pairs", () => {
    // Lost after SAL: nothing into SQL or WON; LOST is not a stage to measure to.
    expect(measured(d)).toEqual({ "LEAD→MQL": 5, "LEAD→SAL": 6, "MQL→SAL": 1 });
  });

  test("the later stage's first entry must be in the range; the earlier one may be before it", () => {
    // e: SQL at 20 h is in the range: from creation (−100 h) 120 h, from MQL (−50 h) 70 h. Its MQL
    // entry was before the range (LEAD → MQL left out) and its WON after it (→ WON left out).
    expect(measured(e)).toEqual({ "LEAD→SQL": 120, "MQL→SQL": 70 });
    // g first reached SQL before the range; its second SQL entry, inside it, is not a first entry.
    // Its second MQL entry is inside the range but isn't a first entry either.
    expect(measured(g)).toEqual({});
  });

  test("over several leads: count, median and 90th percentile per pair", () => {
    const times = cycleTimes(historiesOf(a, b, c, d, e, g, h), range);
    // MQL → WON: a 90 h, h 216 h (b skipped MQL, e was won after the range).
    // Median 153 h; p90: position 0.9 → 90 + 0.9 · 126 = 203.4 h.
    expect(cycleTimeOf(times, { from: "MQL", to: "WON" })).toEqual({ from: "MQL", to: "WON", count: 2, medianHours: 153, p90Hours: 203.4 });
    // LEAD → WON: b 50, a 100, h 240. Median 100; p90: position 1.8 → 100 + 0.8 · 140 = 212 h.
    expect(cycleTimeOf(times, { from: "LEAD", to: "WON" })).toEqual({ from: "LEAD", to: "WON", count: 3, medianHours: 100, p90Hours: 212 });
    // MQL → SQL: a 30, c 50, e 70, h 48 (g's first SQL was before the range).
    // Sorted 30, 48, 50, 70: median 49; p90: position 2.7 → 50 + 0.7 · 20 = 64 h.
    expect(cycleTimeOf(times, { from: "MQL", to: "SQL" })).toEqual({ from: "MQL", to: "SQL", count: 4, medianHours: 49, p90Hours: 64 });
  });

  test("an unknown pair is a programming error", () => {
    const times: CycleTime[] = cycleTimes(historiesOf(), range);
    expect(() => cycleTimeOf(times, { from: "WON", to: "MQL" })).toThrow("No cycle time from WON to MQL");
  });
});

describe("cyclePairOf", () => {
  test("the pair the URL names, when it is in funnel order", () => {
    expect(cyclePairOf("LEAD", "SQL")).toEqual({ from: "LEAD", to: "SQL" });
    expect(cyclePairOf("SQL", "WON")).toEqual({ from: "SQL", to: "WON" });
  });

  test("nothing, or nonsense: MQL → WON; one stage given: the other from the default", () => {
    expect(DEFAULT_CYCLE_PAIR).toEqual({ from: "MQL", to: "WON" });
    expect(cyclePairOf(null, undefined)).toEqual({ from: "MQL", to: "WON" });
    expect(cyclePairOf("LOST", "banana")).toEqual({ from: "MQL", to: "WON" });
    expect(cyclePairOf("SAL", null)).toEqual({ from: "SAL", to: "WON" });
    expect(cyclePairOf(undefined, "SAL")).toEqual({ from: "MQL", to: "SAL" });
  });

  test("a pair out of funnel order, or a stage to itself, gives the default pair", () => {
    expect(cyclePairOf("SQL", "MQL")).toEqual({ from: "MQL", to: "WON" });
    expect(cyclePairOf("SAL", "SAL")).toEqual({ from: "MQL", to: "WON" });
    expect(cyclePairOf("WON", null)).toEqual({ from: "MQL", to: "WON" });
  });
});

describe("laterStages", () => {
  test("the stages after the given one, in funnel order", () => {
    expect(laterStages("LEAD")).toEqual(["MQL", "SAL", "SQL", "WON"]);
    expect(laterStages("SQL")).toEqual(["WON"]);
    expect(laterStages("WON")).toEqual([]);
  });
});
