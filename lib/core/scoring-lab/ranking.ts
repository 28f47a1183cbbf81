/**
 * How well a score ranks outcomes. Inputs are parallel lists: each item's score and whether it
 * turned out positive. Every figure is computed from these alone, so any score — rule points or
 * a model's probability — is judged the same way.
 */

export type Scored = { score: number; positive: boolean };

/**
 * ROC AUC: the chance that a random positive scores above a random negative, ties counting
 * half (Mann–Whitney U with average ranks). 0.5 is chance; null without both kinds of outcome.
 */
export function rocAuc(items: readonly Scored[]): number | null {
  const positives = items.filter((item) => item.positive).length;
  const negatives = items.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let rankSumPositives = 0;
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end < sorted.length && sorted[end].score === sorted[start].score) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) if (sorted[i].positive) rankSumPositives += averageRank;
    start = end;
  }
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export type Decile = {
  /** 1 holds the highest scores. */
  decile: number;
  leads: number;
  positives: number;
  rate: number;
  /** The decile's rate over the overall rate: 2 means twice as likely as an average lead. */
  lift: number;
  /** Share of all positives in this decile and those above it. */
  cumulativeCapture: number;
  minScore: number;
  maxScore: number;
};

/**
 * Ten groups of (nearly) equal size from the highest score down. Leads with the same score stay
 * in one group, so a score that can't tell them apart gets no credit for an arbitrary order.
 */
export function decileLift(items: readonly Scored[]): Decile[] {
  if (items.length === 0) return [];
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const totalPositives = sorted.filter((item) => item.positive).length;
  const overallRate = totalPositives / sorted.length;
  const deciles: Decile[] = [];
  let start = 0;
  let captured = 0;
  for (let decile = 1; decile <= 10 && start < sorted.length; decile++) {
    let end = Math.max(start + 1, Math.round((sorted.length * decile) / 10));
    while (end < sorted.length && sorted[end].score === sorted[end - 1].score) end++;
    const group = sorted.slice(start, end);
    const positives = group.filter((item) => item.positive).length;
    captured += positives;
    const rate = positives / group.length;
    deciles.push({
      decile,
      leads: group.length,
      positives,
      rate,
      lift: overallRate > 0 ? rate / overallRate : 0,
      cumulativeCapture: totalPositives > 0 ? captured / totalPositives : 0,
      minScore: group[group.length - 1].score,
      maxScore: group[0].score,
    });
    start = end;
  }
  return deciles;
}

export type Band = {
  /** Scores in [from, to); the last band includes its upper end. */
  from: number;
  to: number;
  leads: number;
  positives: number;
  /** Observed share positive, null for an empty band. */
  rate: number | null;
  /** Mean score in the band: for a probability, what the model expected. */
  meanScore: number | null;
};

/** Observed outcome rate per score band, the bands given by their edges (ascending). */
export function bandRates(items: readonly Scored[], edges: readonly number[]): Band[] {
  const bands: Band[] = [];
  for (let i = 0; i + 1 < edges.length; i++) bands.push({ from: edges[i], to: edges[i + 1], leads: 0, positives: 0, rate: null, meanScore: null });
  const sums = new Array<number>(bands.length).fill(0);
  for (const item of items) {
    const index = bandIndex(edges, item.score);
    if (index < 0) continue;
    bands[index].leads += 1;
    if (item.positive) bands[index].positives += 1;
    sums[index] += item.score;
  }
  bands.forEach((band, index) => {
    if (band.leads > 0) {
      band.rate = band.positives / band.leads;
      band.meanScore = sums[index] / band.leads;
    }
  });
  return bands;
}

function bandIndex(edges: readonly number[], score: number): number {
  const last = edges.length - 1;
  if (last < 1 || score < edges[0] || score > edges[last]) return -1;
  if (score === edges[last]) return last - 1;
  let low = 0;
  let high = last - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (edges[middle] <= score) low = middle;
    else high = middle - 1;
  }
  return low;
}

const NICE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/**
 * Edges for point bands a person can read: a round width (5, 10, 25 points…) giving about
 * `count` bands from the lowest score to the highest.
 */
export function pointBandEdges(scores: readonly number[], count = 10): number[] {
  if (scores.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const score of scores) {
    min = Math.min(min, score);
    max = Math.max(max, score);
  }
  const width = NICE_STEPS.find((step) => (max - min) / step <= count) ?? Math.ceil((max - min) / count);
  const from = Math.floor(min / width) * width;
  const edges = [from];
  while (edges[edges.length - 1] <= max) edges.push(edges[edges.length - 1] + width);
  return edges;
}

/** Ten bands of probability, 0–10 % to 90–100 %. */
export const PROBABILITY_EDGES: readonly number[] = Array.from({ length: 11 }, (_, index) => index / 10);
