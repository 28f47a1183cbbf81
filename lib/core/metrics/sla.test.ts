import { describe, expect, test } from "vitest";
import { slaMetrics } from "./sla";
import { day, historiesOf, hour, leadWith } from "./test-fixtures";

// A week from Monday 2 Nov 2026 (hours 0 to 168); now is 178 h; the SLA is 24 hours.
const range = { from: day(0), to: day(7) };
const now = hour(178);

const leads = [
  // m1: accepted exactly 24 h after becoming MQL: within the SLA.
  leadWith(
    "m1",
    hour(0),
    [
      ["MQL", "markMql", hour(10)],
      ["SAL", "accept", hour(34), { actorId: "rep-a" }],
    ],
    { ownerId: "rep-a" },
  ),
  // m2: accepted a millisecond later than that: late.
  leadWith(
    "m2",
    hour(0),
    [
      ["MQL", "markMql", hour(10)],
      ["SAL", "accept", hour(34) + 1, { actorId: "rep-a" }],
    ],
    { ownerId: "rep-a" },
  ),
  // m3: rejected in 10 h by rep-b, MQL again at 40 h and unanswered since, unassigned.
  leadWith("m3", hour(0), [
    ["MQL", "markMql", hour(20)],
    ["LEAD", "reject", hour(30), { actorId: "rep-b", reason: "Student" }],
    ["MQL", "markMql", hour(40)],
  ]),
  // m4: MQL before the range, still waiting, routed to rep-b.
  leadWith("m4", hour(-40), [["MQL", "markMql", hour(-30)]], { ownerId: "rep-b" }),
  // m5: left MQL by nurture, not by an answer from sales.
  leadWith("m5", hour(90), [
    ["MQL", "markMql", hour(100)],
    ["LEAD", "nurture", hour(110), { actorId: "marketer", reason: "Not ready" }],
  ]),
  // m6: MQL at 154 h, owned by rep-a: due at 178 h = now, so not yet overdue.
  leadWith("m6", hour(150), [["MQL", "markMql", hour(154)]], { ownerId: "rep-a" }),
];

describe("slaMetrics", () => {
  const sla = slaMetrics(historiesOf(...leads), range, now, 24);

  test("totals: each MQL entry in the range, answered within the SLA, late or waiting", () => {
    // MQL entries in the range: m1, m2, m3 ×2 (20 h and 40 h), m5, m6 = 6 (m4's was before the range).
    // Within: m1 (exactly 24 h), m3's first (10 h) = 2. Late: m2 (24 h + 1 ms) = 1.
    // Waiting: m3's second (still MQL), m5 (nurtured), m6 (still MQL) = 3.
    // Share: 2 / (2 + 1). Overdue now: m3 (40 + 24 < 178), m4 (−30 + 24 < 178) = 2; m6 is due exactly now.
    expect(sla).toMatchObject({ slaHours: 24, mqls: 6, withinSla: 2, late: 1, waiting: 3, withinSlaShare: 2 / 3, overdueNow: 2 });
  });

  test("by rep: answered under who answered, waiting and overdue under the current owner", () => {
    // rep-a: answered m1 (within) and m2 (late); owns m6 (waiting, not overdue) → 3 MQLs.
    // unassigned: m3's second entry and m5 waiting → 2 MQLs; m3 overdue now.
    // rep-b: answered m3's first entry (within) → 1 MQL; owns m4, overdue now.
    expect(sla.byRep).toEqual([
      { repId: "rep-a", mqls: 3, withinSla: 1, late: 1, waiting: 1, overdueNow: 0 },
      { repId: null, mqls: 2, withinSla: 0, late: 0, waiting: 2, overdueNow: 1 },
      { repId: "rep-b", mqls: 1, withinSla: 1, late: 0, waiting: 0, overdueNow: 1 },
    ]);
  });

  test("a rep with only overdue leads from before the range still appears", () => {
    const old = leadWith("old", hour(-100), [["MQL", "markMql", hour(-90)]], { ownerId: "rep-c" });
    // No MQL entries in the range; the lead is overdue now (−90 + 24 < 178).
    expect(slaMetrics(historiesOf(old), range, now, 24)).toEqual({
      slaHours: 24,
      mqls: 0,
      withinSla: 0,
      late: 0,
      waiting: 0,
      withinSlaShare: null,
      overdueNow: 1,
      byRep: [{ repId: "rep-c", mqls: 0, withinSla: 0, late: 0, waiting: 0, overdueNow: 1 }],
    });
  });

  test("no leads: nothing to share out", () => {
    expect(slaMetrics(historiesOf(), range, now, 24)).toEqual({ slaHours: 24, mqls: 0, withinSla: 0, late: 0, waiting: 0, withinSlaShare: null, overdueNow: 0, byRep: [] });
  });
});
