import { describe, expect, test } from "vitest";
import { durationStats, hours, medianDays, medianHours, quantile, share } from "./stats";
import { DAY, HOUR } from "./test-fixtures";

describe("quantile", () => {
  test("none without values", () => {
    expect(quantile([], 0.5)).toBeNull();
  });

  test("a single value is every quantile", () => {
    expect(quantile([7], 0)).toBe(7);
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([7], 0.9)).toBe(7);
  });

  test("interpolates linearly between the nearest ranks", () => {
    // Median of [1, 2, 3, 4]: position 0.5 · 3 = 1.5, halfway between 2 and 3.
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    // p90 of 1..10: position 0.9 · 9 = 8.1, so 9 + 0.1 · (10 − 9) = 9.1.
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    // Odd count: the median is the middle value.
    expect(quantile([1, 5, 100], 0.5)).toBe(5);
  });
});

describe("hours", () => {
  test("rounds to a tenth of an hour", () => {
    expect(hours(90 * 60_000)).toBe(1.5);
    // 62 min = 1.033 h → 1.0; 64 min = 1.067 h → 1.1.
    expect(hours(62 * 60_000)).toBe(1);
    expect(hours(64 * 60_000)).toBe(1.1);
    expect(hours(0)).toBe(0);
  });
});

describe("durationStats", () => {
  test("no durations: a count of zero and no figures (never NaN)", () => {
    expect(durationStats([])).toEqual({ count: 0, medianHours: null, p90Hours: null });
    expect(medianHours([])).toBeNull();
  });

  test("sorts the durations itself", () => {
    // Sorted: 1, 2, 3, 10 h. Median: position 1.5 → 2.5 h. p90: position 2.7 → 3 + 0.7 · 7 = 7.9 h.
    expect(durationStats([10 * HOUR, 1 * HOUR, 3 * HOUR, 2 * HOUR])).toEqual({ count: 4, medianHours: 2.5, p90Hours: 7.9 });
    expect(medianHours([10 * HOUR, 1 * HOUR, 3 * HOUR, 2 * HOUR])).toBe(2.5);
  });
});

describe("medianDays", () => {
  test("the median in days, rounded to a tenth; null without durations", () => {
    // Sorted: 1 h, 2 days, 30 days. Median 2 days.
    expect(medianDays([30 * DAY, HOUR, 2 * DAY])).toBe(2);
    // Median of 1 and 2 days: 1.5 days; of 1 day and 1 day 1 h: 1 day 30 min = 1.02 days → 1.
    expect(medianDays([DAY, 2 * DAY])).toBe(1.5);
    expect(medianDays([DAY, DAY + HOUR])).toBe(1);
    expect(medianDays([])).toBeNull();
  });
});

describe("share", () => {
  test("a fraction, or null when the whole is zero", () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 3)).toBe(0);
    expect(share(0, 0)).toBeNull();
  });
});
