import { reviewMinimumScore } from "../saved-views";
import type { MqlThreshold } from "./types";

/*
 * How a score stands against the MQL threshold, for colouring it wherever it is shown: well below
 * it, near it (from where the marketers' review starts, three quarters of the way), or at or over
 * it. Tied to the active rules' threshold, so a badge means the same on every page and moves when
 * the threshold does.
 */

export type ScoreBand = "below" | "near" | "reached";
export const SCORE_BANDS: readonly ScoreBand[] = ["below", "near", "reached"];

/** The points a lead must reach; `fit` is the fit it needs as well, when the rules ask for one. */
export type BandThreshold = Pick<MqlThreshold, "total" | "fit">;

export function scoreBand(score: { total: number; fit: number }, threshold: BandThreshold): ScoreBand {
  const fitMet = threshold.fit === undefined || score.fit >= threshold.fit;
  if (score.total >= threshold.total && fitMet) return "reached";
  // A total over the threshold with too little fit is near it: one fit rule away, not there.
  if (score.total >= reviewMinimumScore(threshold.total)) return "near";
  return "below";
}

/** The band in words, for the legend (the colour is never the only sign). */
export function describeScoreBand(band: ScoreBand, threshold: BandThreshold): string {
  const near = reviewMinimumScore(threshold.total);
  const needsFit = threshold.fit === undefined ? "" : ` with fit ${threshold.fit} or more`;
  switch (band) {
    case "reached":
      return `At or over the MQL threshold: ${threshold.total} or more${needsFit}`;
    case "near": {
      const range = near < threshold.total ? `${near} to ${threshold.total - 1}` : null;
      const fitShort = threshold.fit === undefined ? null : `${threshold.total} or more with fit under ${threshold.fit}`;
      const parts = [range, fitShort].filter(Boolean).join(", or ");
      return parts ? `Near the MQL threshold: ${parts}` : "Near the MQL threshold";
    }
    case "below":
      return near > 0 ? `Well below the MQL threshold: under ${near}` : "Well below the MQL threshold";
  }
}

/** How one score stands, in words, for its badge's accessible name: "near the MQL threshold of 100". */
export function scoreStanding(score: { total: number; fit: number }, threshold: BandThreshold): string {
  const of = `the MQL threshold of ${threshold.total}`;
  const band = scoreBand(score, threshold);
  if (band === "reached") return `at or over ${of}`;
  if (band === "below") return `well below ${of}`;
  return score.total >= threshold.total ? `over ${of}, but fit ${score.fit} is under the ${threshold.fit} it needs` : `near ${of}`;
}
