import { describe, expect, test } from "vitest";
import { day, historiesOf, leadWith } from "./test-fixtures";
import type { Step } from "./test-fixtures";
import { wonValue } from "./won-value";

// The range is the 14 days from day 0; close dates are whole days, wins are made at noon.
const RANGE = { from: day(0), to: day(14) };
const win = (at: number, dealValueCents: number | null, closedOn: number | null): Step => ["WON", "win", at + 12 * 3_600_000, { actorId: "mgr", dealValueCents, closedAt: closedOn }];
const toSql: Step[] = [
  ["MQL", "markMql", day(-30)],
  ["SAL", "accept", day(-29)],
  ["SQL", "qualify", day(-28)],
];
const wonLead = (id: string, steps: Step[], fields: { source?: string | null; ownerId?: string | null } = {}) =>
  leadWith(id, day(-40), [...toSql, ...steps], { source: "referral", ownerId: "rep-a", ...fields });

describe("won value by source and by rep", () => {
  test("deals closed in the range are summed in cents by the lead's source and owner, highest value first", () => {
    const metrics = wonValue(
      historiesOf(
        wonLead("a", [win(day(3), 1_000_050, day(2))]),
        wonLead("b", [win(day(5), 250_000, day(5))], { ownerId: "rep-b" }),
        wonLead("c", [win(day(6), 2_000_000, day(6))], { source: "paid_search", ownerId: "rep-b" }),
        wonLead("d", [win(day(7), 10, day(7))], { source: null, ownerId: null }),
      ),
      RANGE,
    );
    expect(metrics).toEqual({
      deals: 4,
      value: 32_500.6,
      withoutValue: 0,
      bySource: [
        { source: "paid_search", deals: 1, value: 20_000 },
        { source: "referral", deals: 2, value: 12_500.5 },
        { source: "(none)", deals: 1, value: 0.1 },
      ],
      byRep: [
        { repId: "rep-b", deals: 2, value: 22_500 },
        { repId: "rep-a", deals: 1, value: 10_000.5 },
        { repId: null, deals: 1, value: 0.1 },
      ],
    });
  });

  test("the close date decides the range, not when the win was entered", () => {
    const metrics = wonValue(
      historiesOf(
        // Entered in the range, closed the day before it started: left out.
        wonLead("late-entry", [win(day(1), 500_00, day(-1))]),
        // Entered after the range, closed on its last day: counted.
        wonLead("backdated", [win(day(20), 700_00, day(13))]),
      ),
      RANGE,
    );
    expect(metrics).toMatchObject({ deals: 1, value: 700, bySource: [{ source: "referral", deals: 1, value: 700 }] });
  });

  test("a reopened deal no longer counts; won again, it counts once with its latest value", () => {
    const metrics = wonValue(
      historiesOf(
        wonLead("reopened", [win(day(2), 100_00, day(2)), ["SQL", "reopen", day(3)]]),
        wonLead("won-twice", [win(day(2), 100_00, day(2)), ["SQL", "reopen", day(3)], win(day(4), 300_00, day(4))]),
        wonLead("lost", [["LOST", "lose", day(2)]]),
      ),
      RANGE,
    );
    expect(metrics).toMatchObject({ deals: 1, value: 300, byRep: [{ repId: "rep-a", deals: 1, value: 300 }] });
  });

  test("wins without a recorded value are left out of the sums and counted apart", () => {
    const metrics = wonValue(historiesOf(wonLead("imported", [["WON", "win", day(4)]]), wonLead("old", [["WON", "win", day(-5)]])), RANGE);
    expect(metrics).toEqual({ deals: 0, value: 0, withoutValue: 1, bySource: [], byRep: [] });
  });
});
