import { describe, expect, test } from "vitest";
import { campaignRows, sourceRows } from "./sources";
import type { Step } from "./test-fixtures";
import { day, historiesOf, hour, leadWith } from "./test-fixtures";

const range = { from: day(0), to: day(14) };

const toWon = (start: number): Step[] => [
  ["MQL", "markMql", day(start)],
  ["SAL", "accept", day(start + 1)],
  ["SQL", "qualify", day(start + 2)],
  ["WON", "win", day(start + 3)],
];

const leads = [
  // s1: web / spring, won in the range.
  leadWith("s1", day(1), toWon(2), { source: "web", campaign: "spring" }),
  // s2: web / no campaign, MQL only.
  leadWith("s2", day(2), [["MQL", "markMql", day(3)]], { source: "web" }),
  // s3: no source / spring, never moved.
  leadWith("s3", day(3), [], { campaign: "spring" }),
  // s4: ads / spring, created before the range: left out although it won.
  leadWith("s4", day(-1), toWon(0), { source: "ads", campaign: "spring" }),
  // s5: ads / fall, became SQL after the range ended, then lost: still counts as SQL by now.
  leadWith(
    "s5",
    day(4),
    [
      ["MQL", "markMql", day(5)],
      ["SAL", "accept", day(6)],
      ["SQL", "qualify", day(20)],
      ["LOST", "lose", day(21), { reason: "Price" }],
    ],
    { source: "ads", campaign: "fall" },
  ),
  // s6: web / fall, skipped MQL (imported into SAL), then SQL.
  leadWith(
    "s6",
    day(5),
    [
      ["SAL", "import", day(5)],
      ["SQL", "qualify", day(6)],
    ],
    { source: "web", campaign: "fall" },
  ),
];

describe("sourceRows", () => {
  test("leads created in the range by source, with how far they got by now", () => {
    // web: s1, s2, s6 = 3; MQL s1, s2 = 2; SQL s1, s6 = 2; won s1 = 1.
    // ads: s5 = 1 (s4 was created before the range); MQL 1, SQL 1, won 0.
    // (none): s3 = 1; nothing reached. Ties on leads go by key: "(none)" before "ads".
    // Median days to WON: web's one won lead, s1, created day 1 and won day 5 = 4 days; none won elsewhere.
    expect(sourceRows(historiesOf(...leads), range)).toEqual([
      { key: "web", leads: 3, mql: 2, sql: 2, won: 1, sqlRate: 2 / 3, wonRate: 1 / 3, medianDaysToWon: 4 },
      { key: "(none)", leads: 1, mql: 0, sql: 0, won: 0, sqlRate: 0, wonRate: 0, medianDaysToWon: null },
      { key: "ads", leads: 1, mql: 1, sql: 1, won: 0, sqlRate: 1, wonRate: 0, medianDaysToWon: null },
    ]);
  });

  test("imported history: won by now (even long after the range), the won rate, and the median days from creation to WON", () => {
    const referral = [
      // Imported straight from creation (day 0) to WON on day 30, after the range: 30 days.
      leadWith("r1", day(0), [["WON", "win", day(30)]], { source: "referral" }),
      // Through every stage, won on day 12: 10 days.
      leadWith("r2", day(2), toWon(9), { source: "referral" }),
      // Never won.
      leadWith("r3", day(3), [["MQL", "markMql", day(4)]], { source: "referral" }),
      // Lost.
      leadWith(
        "r4",
        day(4),
        [
          ["MQL", "markMql", day(5)],
          ["LOST", "lose", day(6)],
        ],
        { source: "referral" },
      ),
      // Won 36 hours after it was created: 1.5 days.
      leadWith("r5", day(5), [["WON", "win", hour(5 * 24 + 36)]], { source: "referral" }),
    ];
    // Won r1, r2, r5 of 5 leads: 0.6. Days to WON sorted 1.5, 10, 30: median 10.
    // SQL: r2 only (r1 and r5 skipped it). MQL: r2, r3, r4.
    expect(sourceRows(historiesOf(...referral), range)).toEqual([{ key: "referral", leads: 5, mql: 3, sql: 1, won: 3, sqlRate: 0.2, wonRate: 0.6, medianDaysToWon: 10 }]);
  });
});

describe("campaignRows", () => {
  test("leads created in the range by first-touch campaign", () => {
    // fall: s5, s6 = 2; MQL s5 = 1; SQL s5, s6 = 2; won 0.
    // spring: s1, s3 = 2 (not s4); MQL s1, SQL s1, won s1 = 1 each.
    // (none): s2 = 1; MQL 1.
    expect(campaignRows(historiesOf(...leads), range)).toEqual([
      { key: "fall", leads: 2, mql: 1, sql: 2, won: 0, sqlRate: 1, wonRate: 0, medianDaysToWon: null },
      { key: "spring", leads: 2, mql: 1, sql: 1, won: 1, sqlRate: 0.5, wonRate: 0.5, medianDaysToWon: 4 },
      { key: "(none)", leads: 1, mql: 1, sql: 0, won: 0, sqlRate: 0, wonRate: 0, medianDaysToWon: null },
    ]);
  });

  test("no leads in the range: no rows", () => {
    expect(campaignRows(historiesOf(leads[3]), range)).toEqual([]);
    expect(sourceRows(historiesOf(), range)).toEqual([]);
  });
});
