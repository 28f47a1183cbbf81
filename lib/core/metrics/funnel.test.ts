import { describe, expect, test } from "vitest";
import { funnelSteps, mqlToSql } from "./funnel";
import { day, historiesOf, leadWith } from "./test-fixtures";
import type { FunnelStep } from "./types";

// Two weeks from Monday 2 Nov 2026; "now" is day 30, after all of the fixtures' moves.
const range = { from: day(0), to: day(14) };

const noLosses = { sentBack: { count: 0, reasons: [] }, nurtured: { count: 0, reasons: [] }, disqualified: { count: 0, reasons: [] }, lost: { count: 0, reasons: [] } };

const leads = [
  // a: straight through, all in the range.
  leadWith("a", day(1), [
    ["MQL", "markMql", day(2)],
    ["SAL", "accept", day(3)],
    ["SQL", "qualify", day(4)],
    ["WON", "win", day(5)],
  ]),
  // b: skips MQL (imported straight into SAL), then disqualified with a listed reason and a note.
  leadWith("b", day(1), [
    ["SAL", "import", day(2)],
    ["DISQUALIFIED", "disqualify", day(3), { reasonCode: "no-budget", reason: "Tiny budget" }],
  ]),
  // c: back and forth: MQL, rejected, MQL again, accepted, recycled without a reason.
  leadWith("c", day(1), [
    ["MQL", "markMql", day(2)],
    ["LEAD", "reject", day(3), { reason: "Student" }],
    ["MQL", "markMql", day(4)],
    ["SAL", "accept", day(5)],
    ["LEAD", "recycle", day(7)],
  ]),
  // d: created and disqualified before the range, reopened in it, MQL, sent to nurture.
  leadWith("d", day(-10), [
    ["DISQUALIFIED", "disqualify", day(-5), { reasonCode: "duplicate" }],
    ["LEAD", "reopen", day(2), { reason: "Real company after all" }],
    ["MQL", "markMql", day(3)],
    ["LEAD", "nurture", day(6), { reason: "Not ready" }],
  ]),
  // e: MQL before the range, accepted inside it, qualified and lost after it.
  leadWith("e", day(-20), [
    ["MQL", "markMql", day(-2)],
    ["SAL", "accept", day(1)],
    ["SQL", "qualify", day(20)],
    ["LOST", "lose", day(21), { reason: "Price" }],
  ]),
  // f: MQL inside the range (its last day), accepted and recycled after it.
  leadWith("f", day(13), [
    ["MQL", "markMql", day(13.5)],
    ["SAL", "accept", day(15)],
    ["LEAD", "recycle", day(16), { reason: "No project" }],
  ]),
  // h: created in the range and disqualified from LEAD.
  leadWith("h", day(3), [["DISQUALIFIED", "disqualify", day(4), { reasonCode: "spam" }]]),
  // j: became SQL in the range from a path that started long before; lost in the range.
  leadWith("j", day(-30), [
    ["MQL", "markMql", day(-29)],
    ["SAL", "accept", day(-28)],
    ["SQL", "qualify", day(2)],
    ["LOST", "lose", day(3), { reason: "Price" }],
  ]),
];

function step(steps: FunnelStep[], stage: FunnelStep["stage"]): FunnelStep {
  return steps.find((candidate) => candidate.stage === stage)!;
}

describe("funnelSteps", () => {
  const steps = funnelSteps(historiesOf(...leads), range);

  test("one step per funnel stage, in order", () => {
    expect(steps.map((s) => s.stage)).toEqual(["LEAD", "MQL", "SAL", "SQL", "WON"]);
  });

  test("LEAD: created or returned in the range, once per lead; a reopen counts", () => {
    // Entered: a, b, c (created day 1; c's return on day 3 adds nothing), d (reopened day 2),
    // f (created day 13), h (created day 3) = 6. Not e or j (created before, never back in LEAD in range).
    // Advanced: a, c, d, f to MQL; b skipped to SAL, which is later too = 5. h was disqualified.
    // Losses: h disqualified "spam". d's disqualification (day −5) came before its entry in the range.
    expect(step(steps, "LEAD")).toEqual({
      stage: "LEAD",
      entered: 6,
      advanced: 5,
      conversion: 5 / 6,
      losses: { ...noLosses, disqualified: { count: 1, reasons: [{ reason: "spam", count: 1 }] } },
    });
  });

  test("MQL: back and forth counts once; leads that skipped MQL do not count", () => {
    // Entered: a (day 2), c (days 2 and 4, once), d (day 3), f (day 13.5) = 4; b skipped MQL; e's MQL was before the range.
    // Advanced: a, c (accepted day 5), f (accepted day 15, after the range: still counts) = 3; d went back to LEAD.
    // Returned by sales: c rejected with "Student" written, before reject reasons were listed: Other. Sent to nurture by marketing: d "Not ready".
    expect(step(steps, "MQL")).toEqual({
      stage: "MQL",
      entered: 4,
      advanced: 3,
      conversion: 3 / 4,
      losses: {
        ...noLosses,
        sentBack: { count: 1, reasons: [{ reason: "Other", count: 1 }] },
        nurtured: { count: 1, reasons: [{ reason: "Not ready", count: 1 }] },
      },
    });
  });

  test("SAL: entered by skipping, crossing into the range, and advancing after it", () => {
    // Entered: a (day 3), b (day 2, skipped MQL), c (day 5), e (day 1, its MQL was before the range) = 4.
    // f entered SAL on day 15, after the range: not counted.
    // Advanced: a (SQL day 4), e (SQL day 20, after the range) = 2. b was disqualified, c recycled.
    // Sent back: c recycled with no reason. Disqualified: b, grouped by its listed reason, not its note.
    expect(step(steps, "SAL")).toEqual({
      stage: "SAL",
      entered: 4,
      advanced: 2,
      conversion: 0.5,
      losses: {
        ...noLosses,
        sentBack: { count: 1, reasons: [{ reason: "No reason given", count: 1 }] },
        disqualified: { count: 1, reasons: [{ reason: "no-budget", count: 1 }] },
      },
    });
  });

  test("SQL: lost counts from SQL; a loss after an entry before the range does not", () => {
    // Entered: a (day 4), j (day 2) = 2; e became SQL on day 20, after the range.
    // Advanced: a (won day 5) = 1. Lost: j "Price" (e's "Price" loss follows an SQL entry outside the range).
    expect(step(steps, "SQL")).toEqual({
      stage: "SQL",
      entered: 2,
      advanced: 1,
      conversion: 0.5,
      losses: { ...noLosses, lost: { count: 1, reasons: [{ reason: "Price", count: 1 }] } },
    });
  });

  test("WON: entered, with no conversion beyond it", () => {
    // Only a won (day 5).
    expect(step(steps, "WON")).toEqual({ stage: "WON", entered: 1, advanced: null, conversion: null, losses: noLosses });
  });

  test("a lead sent back twice from MQL counts once, with its first reason", () => {
    const twice = leadWith("k", day(1), [
      ["MQL", "markMql", day(2)],
      ["LEAD", "reject", day(3), { reasonCode: "no_project", reason: "Student" }],
      ["MQL", "markMql", day(4)],
      ["LEAD", "reject", day(5), { reasonCode: "wrong_contact" }],
    ]);
    // MQL entered once (k), never advanced, sent back once: the first exit's reason.
    expect(step(funnelSteps(historiesOf(twice), range), "MQL")).toEqual({
      stage: "MQL",
      entered: 1,
      advanced: 0,
      conversion: 0,
      losses: { ...noLosses, sentBack: { count: 1, reasons: [{ reason: "no_project", count: 1 }] } },
    });
  });

  test("reasons with the most leads come first", () => {
    const nurtured = (id: string, reason: string) =>
      leadWith(id, day(1), [
        ["MQL", "markMql", day(2)],
        ["LEAD", "nurture", day(3), { reason }],
      ]);
    // "Too early" twice, "Budget next year" once: the larger group first despite the alphabet.
    const losses = step(funnelSteps(historiesOf(nurtured("x", "Too early"), nurtured("y", "Budget next year"), nurtured("z", "Too early")), range), "MQL").losses;
    expect(losses.nurtured).toEqual({ count: 3, reasons: [{ reason: "Too early", count: 2 }, { reason: "Budget next year", count: 1 }] });
  });

  test("returned by sales counts only sales sending a lead back, not marketing's own moves to nurture", () => {
    const mql = (id: string, back: [move: string, reason: string]) =>
      leadWith(id, day(1), [
        ["MQL", "markMql", day(2)],
        ["LEAD", back[0], day(3), { reason: back[1] }],
      ]);
    const accepted = (id: string, reason: string) =>
      leadWith(id, day(1), [
        ["MQL", "markMql", day(2)],
        ["SAL", "accept", day(3)],
        ["LEAD", "recycle", day(4), { reason }],
      ]);
    const steps = funnelSteps(historiesOf(mql("rejected", ["reject", "Student"]), mql("nurtured", ["nurture", "Too early"]), accepted("recycled", "No project")), range);
    expect(step(steps, "MQL").losses.sentBack).toEqual({ count: 1, reasons: [{ reason: "Other", count: 1 }] });
    expect(step(steps, "MQL").losses.nurtured).toEqual({ count: 1, reasons: [{ reason: "Too early", count: 1 }] });
    expect(step(steps, "SAL").losses.sentBack).toEqual({ count: 1, reasons: [{ reason: "No project", count: 1 }] });
    expect(step(steps, "SAL").losses.nurtured.count).toBe(0);
  });

  test("no leads: zero entered and no conversion (not NaN)", () => {
    const empty = funnelSteps(historiesOf(), range);
    expect(empty).toHaveLength(5);
    for (const s of empty) {
      expect(s.entered).toBe(0);
      expect(s.conversion).toBeNull();
      expect(s.losses).toEqual(noLosses);
    }
    expect(empty.map((s) => s.advanced)).toEqual([0, 0, 0, 0, null]);
  });
});

describe("mqlToSql", () => {
  test("the funnel's MQLs, and those of them that became SQL after their MQL entry in the range, by now", () => {
    // MQLs in the range: a, c, d, f (the funnel's MQL step). Reached SQL afterwards: a (day 4).
    // c and f were accepted but never qualified; d was nurtured; e and j became MQL before the range.
    expect(mqlToSql(historiesOf(...leads), range)).toEqual({ mqls: 4, sql: 1, conversion: 0.25 });
  });

  test("an SQL before the MQL entry in the range does not count, one after the range does", () => {
    const before = leadWith("before", day(-20), [
      ["MQL", "markMql", day(-19)],
      ["SAL", "accept", day(-18)],
      ["SQL", "qualify", day(-17)],
      ["LOST", "lose", day(-16), { reason: "Price" }],
    ]);
    const reentered = leadWith("again", day(-20), [
      ["MQL", "markMql", day(-19)],
      ["LEAD", "reject", day(-18), { reason: "Later" }],
      ["MQL", "markMql", day(5)],
      ["SAL", "accept", day(6)],
      ["SQL", "qualify", day(20)],
    ]);
    expect(mqlToSql(historiesOf(before, reentered), range)).toEqual({ mqls: 1, sql: 1, conversion: 1 });
  });

  test("no MQLs: no conversion (not NaN)", () => {
    expect(mqlToSql(historiesOf(), range)).toEqual({ mqls: 0, sql: 0, conversion: null });
  });
});

describe("reject reasons", () => {
  test("rejections group by their listed reason; Other and rejections written before the list group as Other", () => {
    const rejected = (id: string, details: { reasonCode?: string; reason?: string }) =>
      leadWith(id, day(1), [
        ["MQL", "markMql", day(2)],
        ["LEAD", "reject", day(3), details],
      ]);
    const steps = funnelSteps(
      historiesOf(
        rejected("a", { reasonCode: "wrong_contact" }),
        rejected("b", { reasonCode: "wrong_contact", reason: "Asked for their CFO" }),
        rejected("c", { reasonCode: "other", reason: "Event contact, no project" }),
        rejected("d", { reason: "Student, no budget" }),
      ),
      range,
    );
    expect(step(steps, "MQL").losses.sentBack).toEqual({ count: 4, reasons: [{ reason: "Other", count: 2 }, { reason: "wrong_contact", count: 2 }] });
  });
});
