import { describe, expect, test } from "vitest";
import { calibrationBands } from "./calibration";
import type { Step } from "./test-fixtures";
import { day, historiesOf, leadWith } from "./test-fixtures";

const range = { from: day(0), to: day(14) };

const toSql: Step[] = [
  ["MQL", "markMql", day(2)],
  ["SAL", "accept", day(3)],
  ["SQL", "qualify", day(20)],
];
const scored = (id: string, totalScore: number, steps: Step[] = [], createdAt = day(1)) => leadWith(id, createdAt, steps, { totalScore });

describe("calibrationBands", () => {
  test("equal scores share a band, so repeated scores make fewer bands", () => {
    const leads = [
      scored("a", 5),
      scored("b", 12, toSql),
      scored("c", 12),
      scored("d", 12),
      scored("e", 30),
      scored("f", 41, toSql),
      scored("g", 41, toSql),
      scored("h", 77, toSql),
      // Created before the range: not part of the cohort.
      scored("old", 99, toSql, day(-3)),
    ];
    // Sorted scores (n = 8): 5, 12, 12, 12, 30, 41, 41, 77.
    // Band k ends with the score at rank ⌈8k/10⌉: k=1 → rank 1 (5); k=2..5 → ranks 2, 3, 4, 4 (all 12);
    // k=6 → rank 5 (30); k=7, 8 → ranks 6, 7 (41); k=9, 10 → rank 8 (77). Five bands.
    // SQL (became SQL on day 20, after the range, still counts): b (12), f and g (41), h (77).
    expect(calibrationBands(historiesOf(...leads), range)).toEqual([
      { label: "5", minScore: 5, maxScore: 5, leads: 1, sql: 0, sqlRate: 0 },
      { label: "12", minScore: 12, maxScore: 12, leads: 3, sql: 1, sqlRate: 1 / 3 },
      { label: "30", minScore: 30, maxScore: 30, leads: 1, sql: 0, sqlRate: 0 },
      { label: "41", minScore: 41, maxScore: 41, leads: 2, sql: 2, sqlRate: 1 },
      { label: "77", minScore: 77, maxScore: 77, leads: 1, sql: 1, sqlRate: 1 },
    ]);
  });

  test("twelve distinct scores make ten bands, two of them with two leads", () => {
    // Scores 1..12, given highest first; leads scoring 11 and 12 became SQL.
    const leads = [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((score) => scored(`s${score}`, score, score >= 11 ? toSql : []));
    // Ranks ⌈12k/10⌉ for k = 1..10: 2, 3, 4, 5, 6, 8, 9, 10, 11, 12.
    // Bands: 1–2, 3, 4, 5, 6, 7–8, 9, 10, 11, 12.
    expect(calibrationBands(historiesOf(...leads), range)).toEqual([
      { label: "1–2", minScore: 1, maxScore: 2, leads: 2, sql: 0, sqlRate: 0 },
      { label: "3", minScore: 3, maxScore: 3, leads: 1, sql: 0, sqlRate: 0 },
      { label: "4", minScore: 4, maxScore: 4, leads: 1, sql: 0, sqlRate: 0 },
      { label: "5", minScore: 5, maxScore: 5, leads: 1, sql: 0, sqlRate: 0 },
      { label: "6", minScore: 6, maxScore: 6, leads: 1, sql: 0, sqlRate: 0 },
      { label: "7–8", minScore: 7, maxScore: 8, leads: 2, sql: 0, sqlRate: 0 },
      { label: "9", minScore: 9, maxScore: 9, leads: 1, sql: 0, sqlRate: 0 },
      { label: "10", minScore: 10, maxScore: 10, leads: 1, sql: 0, sqlRate: 0 },
      { label: "11", minScore: 11, maxScore: 11, leads: 1, sql: 1, sqlRate: 1 },
      { label: "12", minScore: 12, maxScore: 12, leads: 1, sql: 1, sqlRate: 1 },
    ]);
  });

  test("one score for everybody: one band", () => {
    // Four leads at 50, one of them SQL.
    const leads = [scored("a", 50, toSql), scored("b", 50), scored("c", 50), scored("d", 50)];
    expect(calibrationBands(historiesOf(...leads), range)).toEqual([{ label: "50", minScore: 50, maxScore: 50, leads: 4, sql: 1, sqlRate: 0.25 }]);
  });

  test("no leads created in the range: no bands", () => {
    expect(calibrationBands(historiesOf(), range)).toEqual([]);
    expect(calibrationBands(historiesOf(scored("old", 10, [], day(-1))), range)).toEqual([]);
  });
});
