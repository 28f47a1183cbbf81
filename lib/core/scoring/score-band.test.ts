import { describe, expect, test } from "vitest";
import { describeScoreBand, scoreBand, scoreStanding } from "./score-band";

describe("scoreBand", () => {
  // The near band starts where the marketers' review does: three quarters of the threshold, rounded down.
  test.each([
    { total: 0, threshold: 100, band: "below" },
    { total: 74, threshold: 100, band: "below" },
    { total: 75, threshold: 100, band: "near" },
    { total: 99, threshold: 100, band: "near" },
    { total: 100, threshold: 100, band: "reached" },
    { total: 180, threshold: 100, band: "reached" },
    { total: 51, threshold: 70, band: "below" },
    { total: 52, threshold: 70, band: "near" },
    { total: 70, threshold: 70, band: "reached" },
    { total: 0, threshold: 1, band: "near" },
    { total: -1, threshold: 0, band: "below" },
    { total: 0, threshold: 0, band: "reached" },
  ] as const)("a total of $total against a threshold of $threshold is $band", ({ total, threshold, band }) => {
    expect(scoreBand({ total, fit: 0 }, { total: threshold })).toBe(band);
  });

  test.each([
    { total: 120, fit: 30, band: "reached" },
    { total: 120, fit: 29, band: "near" },
    { total: 80, fit: 50, band: "near" },
    { total: 40, fit: 40, band: "below" },
  ] as const)("with a fit of 30 required, total $total and fit $fit is $band", ({ total, fit, band }) => {
    expect(scoreBand({ total, fit }, { total: 100, fit: 30 })).toBe(band);
  });

  test("moves with the threshold: the same score is near one threshold and over a lower one", () => {
    expect(scoreBand({ total: 60, fit: 20 }, { total: 70 })).toBe("near");
    expect(scoreBand({ total: 60, fit: 20 }, { total: 60 })).toBe("reached");
    expect(scoreBand({ total: 60, fit: 20 }, { total: 100 })).toBe("below");
  });
});

describe("describing the bands", () => {
  test.each([
    { band: "reached", threshold: { total: 100 }, text: "At or over the MQL threshold: 100 or more" },
    { band: "near", threshold: { total: 100 }, text: "Near the MQL threshold: 75 to 99" },
    { band: "below", threshold: { total: 100 }, text: "Well below the MQL threshold: under 75" },
    { band: "reached", threshold: { total: 100, fit: 30 }, text: "At or over the MQL threshold: 100 or more with fit 30 or more" },
    { band: "near", threshold: { total: 100, fit: 30 }, text: "Near the MQL threshold: 75 to 99, or 100 or more with fit under 30" },
    { band: "near", threshold: { total: 1 }, text: "Near the MQL threshold: 0 to 0" },
    { band: "below", threshold: { total: 1 }, text: "Well below the MQL threshold" },
  ] as const)("the legend says $band against $threshold.total as “$text”", ({ band, threshold, text }) => {
    expect(describeScoreBand(band, threshold)).toBe(text);
  });

  test.each([
    { score: { total: 100, fit: 40 }, text: "at or over the MQL threshold of 100" },
    { score: { total: 80, fit: 40 }, text: "near the MQL threshold of 100" },
    { score: { total: 120, fit: 10 }, text: "over the MQL threshold of 100, but fit 10 is under the 30 it needs" },
    { score: { total: 10, fit: 10 }, text: "well below the MQL threshold of 100" },
  ])("a badge for $score.total (fit $score.fit) reads “$text”", ({ score, text }) => {
    expect(scoreStanding(score, { total: 100, fit: 30 })).toBe(text);
  });
});
