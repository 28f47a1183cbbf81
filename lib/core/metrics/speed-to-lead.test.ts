import { describe, expect, test } from "vitest";
import { speedToLead } from "./speed-to-lead";
import { day, historiesOf, hour, leadWith } from "./test-fixtures";
import { MINUTE_MS } from "../time";

// A week from Monday 2 Nov 2026.
const range = { from: day(0), to: day(7) };
const minute = (minutes: number) => minutes * MINUTE_MS;

const leads = [
  // Accepted by rep-a exactly 5 minutes after becoming MQL: within 5 minutes.
  leadWith("a1", hour(0), [
    ["MQL", "markMql", hour(10)],
    ["SAL", "accept", hour(10) + minute(5), { actorId: "rep-a" }],
  ]),
  // Accepted by rep-a a millisecond after 5 minutes: within the hour only.
  leadWith("a2", hour(0), [
    ["MQL", "markMql", hour(20)],
    ["SAL", "accept", hour(20) + minute(5) + 1, { actorId: "rep-a" }],
  ]),
  // Rejected by rep-b after 2 hours, MQL again and accepted by rep-b in 1 hour exactly.
  leadWith("b1", hour(0), [
    ["MQL", "markMql", hour(30)],
    ["LEAD", "reject", hour(32), { actorId: "rep-b", reason: "Student" }],
    ["MQL", "markMql", hour(40)],
    ["SAL", "accept", hour(41), { actorId: "rep-b" }],
  ]),
  // Became MQL before the range and was answered in it: its entry is outside, so it is left out.
  leadWith("early", hour(-30), [
    ["MQL", "markMql", hour(-2)],
    ["SAL", "accept", hour(1), { actorId: "rep-b" }],
  ]),
  // Nurtured, or still waiting: no answer from sales, no time.
  leadWith("n1", hour(0), [
    ["MQL", "markMql", hour(50)],
    ["LEAD", "nurture", hour(51), { actorId: "marketer", reason: "Not ready" }],
  ]),
  leadWith("w1", hour(0), [["MQL", "markMql", hour(60)]]),
];

describe("speedToLead", () => {
  const speed = speedToLead(historiesOf(...leads), range);

  test("overall: answered MQL entries of the range, their median and p90 wait, and the shares within 5 minutes and an hour", () => {
    // Waits in minutes: 5, 5.0000167 (a2), 120 (b1 reject), 60 (b1 accept) → sorted 5, 5.00002, 60, 120.
    // Median: halfway between 5.00002 and 60 → 32.5; p90: position 2.7 → 60 + 0.7 × 60 = 102.
    expect(speed).toMatchObject({ answered: 4, medianMinutes: 32.5, p90Minutes: 102, within5Minutes: 1, withinHour: 3, within5MinutesShare: 0.25, withinHourShare: 0.75 });
  });

  test("by rep: under who answered, most answers first", () => {
    expect(speed.byRep).toEqual([
      { repId: "rep-a", answered: 2, medianMinutes: 5, p90Minutes: 5, within5Minutes: 1, withinHour: 2, within5MinutesShare: 0.5, withinHourShare: 1 },
      { repId: "rep-b", answered: 2, medianMinutes: 90, p90Minutes: 114, within5Minutes: 0, withinHour: 1, within5MinutesShare: 0, withinHourShare: 0.5 },
    ]);
  });

  test("no answered MQL: nothing to measure, and no NaN", () => {
    expect(speedToLead(historiesOf(leads[4], leads[5]), range)).toEqual({
      answered: 0,
      medianMinutes: null,
      p90Minutes: null,
      within5Minutes: 0,
      withinHour: 0,
      within5MinutesShare: null,
      withinHourShare: null,
      byRep: [],
    });
  });
});
