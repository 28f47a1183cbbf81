import type { Histories } from "./history";
import { inRange, reachedStage } from "./history";
import { share } from "./stats";
import type { ScoreBand, TimeRange } from "./types";

const BANDS = 10;

/** "40–52", or "40" when every lead in the band has the same score. */
function bandLabel(minScore: number, maxScore: number): string {
  return minScore === maxScore ? `${minScore}` : `${minScore}–${maxScore}`;
}

/** The first band whose top score is at least the score (bands ascend and cover every score in the cohort). */
function bandOf(bands: readonly ScoreBand[], score: number): ScoreBand {
  let low = 0;
  let high = bands.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (bands[middle].maxScore < score) low = middle + 1;
    else high = middle;
  }
  return bands[low];
}

/**
 * Score calibration: leads created in the range, ranked by total score (lowest first) and cut
 * into ten bands of about equal size (deciles), with how many of each band became SQL by now.
 * Leads with equal scores always share a band: band k ends with the score of the lead at rank
 * ⌈k·n/10⌉ and takes every lead with that score, so repeated scores (or fewer than ten leads)
 * make fewer, uneven bands; no band is empty.
 */
export function calibrationBands(histories: Histories, range: TimeRange): ScoreBand[] {
  const cohort: number[] = [];
  for (let i = 0; i < histories.leads.length; i++) {
    if (inRange(range, histories.createdAt[i])) cohort.push(i);
  }
  // A typed array sorts numbers without a comparator, which matters at 100,000 leads.
  const scores = Float64Array.from(cohort, (i) => histories.leads[i].totalScore).sort();
  const n = scores.length;
  const bands: ScoreBand[] = [];
  let start = 0;
  for (let k = 1; k <= BANDS && start < n; k++) {
    const maxScore = scores[Math.ceil((k * n) / BANDS) - 1];
    if (maxScore < scores[start]) continue;
    let end = start;
    while (end < n && scores[end] <= maxScore) end++;
    bands.push({ label: bandLabel(scores[start], maxScore), minScore: scores[start], maxScore, leads: end - start, sql: 0, sqlRate: null });
    start = end;
  }
  for (const i of cohort) {
    if (reachedStage(histories, i, "SQL")) bandOf(bands, histories.leads[i].totalScore).sql++;
  }
  return bands.map((band) => ({ ...band, sqlRate: share(band.sql, band.leads) }));
}
