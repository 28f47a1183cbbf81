/*
 * How a predictive model's probability reads wherever people work: the lead page, the lead
 * table, the board and the MQL threshold. One wording and one rounding, so "34 %" on a card is
 * "34 %" in the table and in a filter.
 */

/** What a model predicts: winning the deal, or becoming sales qualified (lib/core/scoring-lab/outcomes.ts). */
export type ProbabilityTarget = "WON" | "SQL";

const LIKELY_TO: Record<ProbabilityTarget, string> = { WON: "Likely to buy", SQL: "Likely to become sales qualified" };

export function likelihoodLabel(target: ProbabilityTarget): string {
  return LIKELY_TO[target];
}

/** A probability as a whole percent, the way filters read it; never 0 or 100 for what is only nearly so. */
export function probabilityPercent(probability: number): number {
  const percent = Math.round(probability * 100);
  if (percent === 0 && probability > 0) return 1;
  if (percent === 100 && probability < 1) return 99;
  return percent;
}

export function formatProbability(probability: number): string {
  return `${probabilityPercent(probability)} %`;
}

/**
 * How strongly a factor moves the chance, in words. The effect is in log-odds: ±0.4 moves a
 * 30 % chance by about 9 points, ±1 by about 24, so those are where "somewhat" and "strongly" begin.
 */
export function factorStrength(effect: number): "slightly" | "somewhat" | "strongly" {
  const size = Math.abs(effect);
  if (size >= 1) return "strongly";
  if (size >= 0.4) return "somewhat";
  return "slightly";
}

/** A whole percent from a URL ("20"), 0–100; null for anything else. */
export function parsePercent(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\d{1,3}$/.test(value)) return null;
  const number = Number(value);
  return number <= 100 ? number : null;
}

/** The board's "likely to buy at least" choices, in whole percent. */
export const BOARD_PROBABILITY_STEPS = [10, 25, 50, 75] as const;

/** A percent as typed into a threshold field ("27.5") as the 0–1 the rules store, or null when it is not a number. */
export function percentToProbability(text: string): number | null {
  const value = text.trim() === "" ? Number.NaN : Number(text);
  // Rounded so 33.3 % is stored as 0.333, not 0.33299999999999996.
  return Number.isFinite(value) ? Math.round(value * 10_000) / 1_000_000 : null;
}

/** The stored 0–1 as the percent the threshold field shows: 0.275 → "27.5". */
export function probabilityToPercentText(probability: number): string {
  return String(Math.round(probability * 1_000_000) / 10_000);
}

export type ProbabilityBounds = { gte?: number; gt?: number; lt?: number; lte?: number };

/**
 * The probabilities a range of whole percents holds, exactly as probabilityPercent shows them:
 * "at least 20 %" starts at 19.5 %, "at least 1 %" at anything above 0, "at most 99 %" stops
 * short of 1, and only 0 itself is "at most 0 %". Null for an open range; a lead without a probability is in no range.
 */
export function percentRangeBounds(range: { min: number | null; max: number | null }): ProbabilityBounds | null {
  if (range.min === null && range.max === null) return null;
  const bounds: ProbabilityBounds = {};
  if (range.min !== null) {
    if (range.min <= 0) bounds.gte = 0;
    else if (range.min === 1) bounds.gt = 0;
    else if (range.min >= 100) bounds.gte = 1;
    else bounds.gte = (range.min - 0.5) / 100;
  }
  if (range.max !== null) {
    if (range.max >= 100) bounds.lte = 1;
    else if (range.max === 99) bounds.lt = 1;
    else if (range.max <= 0) bounds.lte = 0;
    else bounds.lt = (range.max + 0.5) / 100;
  }
  return bounds;
}
