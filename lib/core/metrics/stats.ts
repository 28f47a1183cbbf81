import { DAY_MS, HOUR_MS } from "../time";
import type { DurationStats } from "./types";

/**
 * The p-th quantile (0 ≤ p ≤ 1) of ascending values, interpolating linearly between the two
 * nearest ranks (as numpy's default does): position p·(n − 1) from the smallest. Null when empty.
 */
export function quantile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** A share, or null when there is nothing to share out (never NaN). */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Milliseconds as hours, rounded to a tenth. */
export function hours(ms: number): number {
  return Math.round((ms / HOUR_MS) * 10) / 10;
}

function ascending(durationsMs: readonly number[]): Float64Array {
  // A typed array sorts numerically without a comparator, which matters at 100,000 values.
  return Float64Array.from(durationsMs).sort();
}

/** How many durations, their median and 90th percentile in hours (null when there are none). */
export function durationStats(durationsMs: readonly number[]): DurationStats {
  const sorted = ascending(durationsMs);
  const median = quantile(sorted, 0.5);
  const p90 = quantile(sorted, 0.9);
  return { count: sorted.length, medianHours: median === null ? null : hours(median), p90Hours: p90 === null ? null : hours(p90) };
}

export function medianHours(durationsMs: readonly number[]): number | null {
  const median = quantile(ascending(durationsMs), 0.5);
  return median === null ? null : hours(median);
}

/** The median in days, rounded to a tenth (null when there are none): waits of weeks read better in days. */
export function medianDays(durationsMs: readonly number[]): number | null {
  const median = quantile(ascending(durationsMs), 0.5);
  return median === null ? null : Math.round((median / DAY_MS) * 10) / 10;
}
