import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ScoringEvent } from "../scoring/types";
import type { Stage } from "../stages";
import type { Outcome, Target } from "./outcomes";
import { eventsBefore, labelHistory, outcomeOf, splitByOutcomeTime } from "./outcomes";
import { day } from "./test-history";

const NOW = day(200);
const lead = (transitions: Array<[Stage, number]>, createdAt = day(0)) => ({ createdAt, transitions: transitions.map(([toStage, at]) => ({ toStage, at })) });

describe("outcomeOf", () => {
  // expected: null means still pending. Maturity 90 days throughout; created on day 0 unless said.
  const cases: Array<{ name: string; target: Target; transitions: Array<[Stage, number]>; createdAt?: number; now?: number; expected: Outcome | null }> = [
    { name: "WON reached", target: "WON", transitions: [["MQL", day(5)], ["SQL", day(20)], ["WON", day(30)]], expected: { positive: true, at: day(30) } },
    { name: "SQL reached: known when it entered SQL, not when it was won", target: "SQL", transitions: [["SQL", day(20)], ["WON", day(30)]], expected: { positive: true, at: day(20) } },
    { name: "SQL target: straight to WON counts as qualified", target: "SQL", transitions: [["MQL", day(5)], ["WON", day(30)]], expected: { positive: true, at: day(30) } },
    { name: "WON target: SQL then LOST is negative at the loss", target: "WON", transitions: [["SQL", day(20)], ["LOST", day(40)]], expected: { positive: false, at: day(40) } },
    { name: "SQL target: SQL then LOST is still positive", target: "SQL", transitions: [["SQL", day(20)], ["LOST", day(40)]], expected: { positive: true, at: day(20) } },
    { name: "DISQUALIFIED before the target", target: "SQL", transitions: [["MQL", day(5)], ["DISQUALIFIED", day(15)]], expected: { positive: false, at: day(15) } },
    { name: "the earliest of several exits", target: "WON", transitions: [["LOST", day(60)], ["DISQUALIFIED", day(15)]], expected: { positive: false, at: day(15) } },
    { name: "transitions in any order: the first time the target was reached", target: "SQL", transitions: [["SQL", day(50)], ["SQL", day(20)]], expected: { positive: true, at: day(20) } },
    { name: "matured with no outcome: negative at createdAt + 90 days", target: "WON", transitions: [["MQL", day(5)], ["SAL", day(8)]], expected: { positive: false, at: day(90) } },
    { name: "matured exactly now", target: "WON", transitions: [], now: day(90), expected: { positive: false, at: day(90) } },
    { name: "a millisecond younger than the maturity window: pending", target: "WON", transitions: [], now: day(90) - 1, expected: null },
    { name: "young and open: pending", target: "WON", transitions: [["MQL", day(160)]], createdAt: day(150), expected: null },
    { name: "a win after now is not known yet: pending while young", target: "WON", transitions: [["WON", day(250)]], createdAt: day(150), expected: null },
    { name: "a win after now is not known yet: matured as negative", target: "WON", transitions: [["WON", day(250)]], expected: { positive: false, at: day(90) } },
    { name: "a loss after now is not known yet either", target: "WON", transitions: [["LOST", day(201)]], createdAt: day(150), expected: null },
    { name: "a transition exactly at now is known", target: "WON", transitions: [["WON", NOW]], createdAt: day(150), expected: { positive: true, at: NOW } },
  ];

  test.each(cases)("$name", ({ target, transitions, createdAt, now, expected }) => {
    expect(outcomeOf(lead(transitions, createdAt), target, now ?? NOW, 90)).toEqual(expected);
  });

  test("the maturity window is a parameter", () => {
    // Created on day 150: with 30 days it matured on day 180 (before now, day 200); with 90 it has not.
    expect(outcomeOf(lead([], day(150)), "WON", NOW, 30)).toEqual({ positive: false, at: day(180) });
    expect(outcomeOf(lead([], day(150)), "WON", NOW, 90)).toBeNull();
  });
});

describe("eventsBefore", () => {
  test("keeps only events strictly before the moment", () => {
    const at = (id: string, time: number): ScoringEvent => ({ id, type: "page_view", occurredAt: new Date(time), properties: {} });
    const events = [at("a", day(1)), at("b", day(2) - 1), at("c", day(2)), at("d", day(3))];
    expect(eventsBefore(events, day(2)).map((event) => event.id)).toEqual(["a", "b"]);
  });
});

describe("labelHistory", () => {
  test("labels the leads with an outcome and counts the others as pending", () => {
    const leads = [
      { id: "won", attributes: { email: "a@x.example" }, events: [], ...lead([["WON", day(30)]]) },
      { id: "young", attributes: { email: "b@x.example" }, events: [], ...lead([], day(190)) },
      { id: "old", attributes: { email: "c@x.example" }, events: [], ...lead([]) },
    ];
    const { labeled, pending } = labelHistory(leads, "WON", NOW, 90);
    expect(pending).toBe(1);
    // "old" matured with no outcome: it is described at the age the only won lead had when it
    // was won (30 days after creation), not at the end of its 90-day window.
    expect(labeled.map((item) => [item.id, item.outcome])).toEqual([
      ["won", { positive: true, at: day(30) }],
      ["old", { positive: false, at: day(30) }],
    ]);
    // The lead is carried along unchanged, with its outcome added.
    expect(labeled[0]).toMatchObject(leads[0]);
  });
});

describe("labelHistory: when a lead that matured with no outcome is described", () => {
  const matured = (id: string) => ({ id, attributes: { email: `${id}@x.example` }, events: [], ...lead([]) });

  test("at one of the ages the positives had at their outcome, picked by id and repeatable", () => {
    const won = [10, 50].map((age, n) => ({ id: `won${n}`, attributes: { email: `w${n}@x.example` }, events: [], ...lead([["WON", day(age)]]) }));
    const quiet = Array.from({ length: 200 }, (_, n) => matured(`quiet${n}`));
    const first = labelHistory([...won, ...quiet], "WON", NOW, 90).labeled.slice(2);
    const ages = first.map((item) => (item.outcome.at - item.createdAt) / 86_400_000);
    expect(new Set(ages)).toEqual(new Set([10, 50]));
    // Both ages are used about as often (a fair pick), and the same ids get the same ages again.
    expect(ages.filter((age) => age === 10).length).toBeGreaterThan(60);
    expect(ages.filter((age) => age === 50).length).toBeGreaterThan(60);
    expect(labelHistory([...won, ...quiet], "WON", NOW, 90).labeled.slice(2)).toEqual(first);
  });

  test("at the end of the maturity window when no lead reached the target", () => {
    const { labeled } = labelHistory([matured("a"), matured("b")], "WON", NOW, 90);
    expect(labeled.map((item) => item.outcome.at)).toEqual([day(90), day(90)]);
  });

  test("a lead that left the funnel keeps the moment it left", () => {
    const won = { id: "won", attributes: { email: "w@x.example" }, events: [], ...lead([["WON", day(10)]]) };
    const lost = { id: "lost", attributes: { email: "l@x.example" }, events: [], ...lead([["LOST", day(70)]]) };
    expect(labelHistory([won, lost], "WON", NOW, 90).labeled[1].outcome).toEqual({ positive: false, at: day(70) });
  });
});

describe("splitByOutcomeTime", () => {
  const item = (id: string, at: number) => ({ id, outcome: { positive: false, at } });

  test("holds out the latest outcomes, ties broken by id", () => {
    // Ten leads, 20 % held out = 2. Ordered by time: a(1) b(2) c(3) d(4) e(5) f(6) g(7) then h, i, j all on day 8;
    // the tie on day 8 is ordered by id (h < i < j), so the last two are i and j.
    const leads = [item("j", day(8)), item("c", day(3)), item("h", day(8)), item("a", day(1)), item("i", day(8)), item("g", day(7)), item("b", day(2)), item("f", day(6)), item("e", day(5)), item("d", day(4))];
    const { training, holdout } = splitByOutcomeTime(leads, 0.2);
    expect(training.map((lead) => lead.id)).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(holdout.map((lead) => lead.id)).toEqual(["i", "j"]);
  });

  test("the split depends on the leads, not on the order they are given in", () => {
    const items = fc
      .uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), at: fc.integer({ min: 0, max: 5 }) }), { selector: (entry) => entry.id, maxLength: 40 })
      .map((entries) => entries.map((entry) => item(entry.id, day(entry.at))));
    const shuffled = items.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));
    fc.assert(
      fc.property(shuffled, fc.constantFrom(0.1, 0.2, 0.25, 0.5), ([list, reordered], share) => {
        const split = splitByOutcomeTime(list, share);
        expect(splitByOutcomeTime(reordered, share)).toEqual(split);
        expect(split.training.length + split.holdout.length).toBe(list.length);
        expect(split.holdout.length).toBe(list.length - Math.round(list.length * (1 - share)));
        // Every held-out lead comes after every training lead, in (time, id) order.
        const key = (entry: ReturnType<typeof item>) => [entry.outcome.at, entry.id] as const;
        for (const early of split.training) {
          for (const late of split.holdout) {
            const [a, b] = [key(early), key(late)];
            expect(a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])).toBe(true);
          }
        }
      }),
    );
  });
});
