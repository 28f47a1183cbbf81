import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Scored } from "./ranking";
import { PROBABILITY_EDGES, bandRates, decileLift, pointBandEdges, rocAuc } from "./ranking";

const pos = (score: number): Scored => ({ score, positive: true });
const neg = (score: number): Scored => ({ score, positive: false });

/** AUC by its definition: over every (positive, negative) pair, 1 if the positive scores higher, ½ on a tie. */
function pairCountingAuc(items: readonly Scored[]): number | null {
  const positives = items.filter((item) => item.positive);
  const negatives = items.filter((item) => !item.positive);
  if (positives.length === 0 || negatives.length === 0) return null;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

describe("rocAuc", () => {
  test("perfect ranking is 1, reversed is 0, all tied is 0.5", () => {
    expect(rocAuc([neg(1), pos(3), neg(2), pos(4)])).toBe(1);
    expect(rocAuc([pos(1), neg(3), pos(2), neg(4)])).toBe(0);
    expect(rocAuc([pos(7), neg(7), pos(7), neg(7), neg(7)])).toBe(0.5);
  });

  test("a mixed example, counted pair by pair", () => {
    // Positives 3, 5, 5; negatives 1, 4, 5. Pairs won by the positive:
    //   3: beats 1, loses to 4 and 5                 → 1
    //   5: beats 1 and 4, ties 5                     → 2.5
    //   5: the same                                  → 2.5
    // 6 of 9 pairs → 2/3.
    expect(rocAuc([pos(3), neg(1), pos(5), neg(4), pos(5), neg(5)])).toBeCloseTo(2 / 3, 12);
  });

  test("null without both kinds of outcome", () => {
    expect(rocAuc([])).toBeNull();
    expect(rocAuc([pos(1), pos(2)])).toBeNull();
    expect(rocAuc([neg(1), neg(2)])).toBeNull();
  });

  test("equals P(positive scores higher) + ½ P(tie) for any scores", () => {
    // Scores from a small range, so ties are common.
    const items = fc.array(fc.record({ score: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1, max: 1, noNaN: true })), positive: fc.boolean() }), { maxLength: 60 });
    fc.assert(
      fc.property(items, (list) => {
        const expected = pairCountingAuc(list);
        const actual = rocAuc(list);
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 9);
      }),
    );
  });
});

describe("decileLift", () => {
  test("twenty distinct scores: ten groups of two, lift and cumulative capture by hand", () => {
    // Scores 20 … 1; positives at 20, 19, 16 and 10: 4 of 20, an overall rate of 0.2.
    // Decile 1 (20, 19): 2 positives, rate 1, lift 1/0.2 = 5, captured 2/4.
    // Decile 3 (16, 15): 1, rate 0.5, lift 2.5, captured 3/4. Decile 6 (10, 9): 1, lift 2.5, captured 4/4.
    const items = Array.from({ length: 20 }, (_, index) => ({ score: 20 - index, positive: [20, 19, 16, 10].includes(20 - index) }));
    const deciles = decileLift(items.reverse());
    expect(deciles.map((d) => d.leads)).toEqual(Array(10).fill(2));
    expect(deciles.map((d) => d.positives)).toEqual([2, 0, 1, 0, 0, 1, 0, 0, 0, 0]);
    expect(deciles.map((d) => d.lift)).toEqual([5, 0, 2.5, 0, 0, 2.5, 0, 0, 0, 0]);
    expect(deciles.map((d) => d.cumulativeCapture)).toEqual([0.5, 0.5, 0.75, 0.75, 0.75, 1, 1, 1, 1, 1]);
    expect(deciles[0]).toEqual({ decile: 1, leads: 2, positives: 2, rate: 1, lift: 5, cumulativeCapture: 0.5, minScore: 19, maxScore: 20 });
    expect(deciles[9]).toMatchObject({ decile: 10, minScore: 1, maxScore: 2 });
  });

  test("equal scores stay in one group, even when it takes more than a tenth", () => {
    // Ten leads, the top three tied at 9: decile 1 would end after one lead, but the tie keeps the
    // three together. Then one lead per decile (7 more) until the leads run out: 8 groups.
    const items = [9, 9, 9, 8, 7, 6, 5, 4, 3, 2].map((score, index) => ({ score, positive: index === 1 }));
    const deciles = decileLift(items);
    expect(deciles.map((d) => d.leads)).toEqual([3, 1, 1, 1, 1, 1, 1, 1]);
    expect(deciles[0]).toMatchObject({ positives: 1, minScore: 9, maxScore: 9, cumulativeCapture: 1 });
  });

  test("sizes for a count that does not divide by ten", () => {
    // 25 distinct scores: decile d ends at round(2.5·d) = 3, 5, 8, 10, 13, 15, 18, 20, 23, 25 → 3, 2, 3, 2, …
    const deciles = decileLift(Array.from({ length: 25 }, (_, index) => ({ score: index, positive: index % 2 === 0 })));
    expect(deciles.map((d) => d.leads)).toEqual([3, 2, 3, 2, 3, 2, 3, 2, 3, 2]);
  });

  test("every lead lands in exactly one group, groups ordered by score", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ score: fc.integer({ min: 0, max: 6 }), positive: fc.boolean() }), { maxLength: 80 }), (items) => {
        const deciles = decileLift(items);
        expect(deciles.reduce((total, d) => total + d.leads, 0)).toBe(items.length);
        expect(deciles.reduce((total, d) => total + d.positives, 0)).toBe(items.filter((item) => item.positive).length);
        for (let i = 1; i < deciles.length; i++) expect(deciles[i].maxScore).toBeLessThan(deciles[i - 1].minScore);
      }),
    );
  });

  test("nothing to group", () => {
    expect(decileLift([])).toEqual([]);
  });
});

describe("bandRates", () => {
  test("bands are [from, to), the last includes its upper edge, and values outside are dropped", () => {
    // Edges 0, 10, 20, 30. −1 and 30.5 fall outside. [0,10): 0 (+) and 9.5 (−); [10,20): 10 (+);
    // [20,30]: 30 (−), the upper edge itself. Means: (0 + 9.5)/2 = 4.75, 10, 30.
    const bands = bandRates([neg(-1), pos(0), neg(9.5), pos(10), neg(30), pos(30.5)], [0, 10, 20, 30]);
    expect(bands).toEqual([
      { from: 0, to: 10, leads: 2, positives: 1, rate: 0.5, meanScore: 4.75 },
      { from: 10, to: 20, leads: 1, positives: 1, rate: 1, meanScore: 10 },
      { from: 20, to: 30, leads: 1, positives: 0, rate: 0, meanScore: 30 },
    ]);
  });

  test("an empty band has no rate and no mean", () => {
    const bands = bandRates([pos(1), neg(25)], [0, 10, 20, 30]);
    expect(bands[1]).toEqual({ from: 10, to: 20, leads: 0, positives: 0, rate: null, meanScore: null });
  });

  test("fewer than two edges make no bands", () => {
    expect(bandRates([pos(1)], [])).toEqual([]);
    expect(bandRates([pos(1)], [0])).toEqual([]);
  });

  test("probability bands: ten of them, 0.1 wide", () => {
    // 0.05 → first band, 0.1 → second (a lower edge belongs to its band), 1 → last (upper edge included).
    const bands = bandRates([pos(0.05), neg(0.1), pos(1)], PROBABILITY_EDGES);
    expect(bands).toHaveLength(10);
    expect(bands.map((band) => band.leads)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe("pointBandEdges", () => {
  test.each([
    // 3 … 47: range 44; widths 1 and 2 give more than 10 bands, 5 gives 8.8 → 5, from floor(3/5)·5 = 0 up past 47.
    { scores: [3, 47, 20], edges: [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50] },
    // −12 … 130: range 142; 10 gives 14.2 bands, 20 gives 7.1 → 20, from floor(−12/20)·20 = −20.
    { scores: [-12, 130], edges: [-20, 0, 20, 40, 60, 80, 100, 120, 140] },
    // All the same: width 1, one band holding them.
    { scores: [7, 7], edges: [7, 8] },
    // 0 … 100 exactly: width 10; 100 itself is an edge, so one more edge follows it.
    { scores: [0, 100], edges: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110] },
    // Wider than 1,000 × 10: the width is a tenth of the range, rounded up (100,000 / 10 = 10,000).
    { scores: [0, 100_000], edges: Array.from({ length: 12 }, (_, index) => index * 10_000) },
    { scores: [], edges: [] },
  ])("$scores → $edges", ({ scores, edges }) => {
    expect(pointBandEdges(scores)).toEqual(edges);
  });

  test("round widths covering every score, so no score is dropped from the bands", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -500, max: 5_000 }), { minLength: 1, maxLength: 50 }), (scores) => {
        const edges = pointBandEdges(scores);
        const width = edges[1] - edges[0];
        expect([1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]).toContain(width);
        edges.slice(1).forEach((edge, index) => expect(edge - edges[index]).toBe(width));
        expect(edges[0]).toBeLessThanOrEqual(Math.min(...scores));
        expect(edges[edges.length - 1]).toBeGreaterThan(Math.max(...scores));
        expect(Math.abs(edges[0] % width)).toBe(0);
        expect(edges.length - 1).toBeLessThanOrEqual(11);
        const bands = bandRates(scores.map((score) => ({ score, positive: false })), edges);
        expect(bands.reduce((total, band) => total + band.leads, 0)).toBe(scores.length);
      }),
    );
  });
});
