import { describe, expect, test } from "vitest";
import { presetRange, rangeParams, resolveRange } from "./date-range";

const monday = new Date("2026-11-16T09:30:00Z");
const threeWeeksLater = new Date("2026-12-07T23:59:00Z");

describe("presetRange", () => {
  test("counts whole UTC days ending today, both ends included", () => {
    expect(presetRange("30d", monday)).toEqual({ from: "2026-10-18", to: "2026-11-16" });
    expect(presetRange("90d", monday)).toEqual({ from: "2026-08-19", to: "2026-11-16" });
    expect(presetRange("12m", monday)).toEqual({ from: "2025-11-17", to: "2026-11-16" });
    expect(presetRange("quarter", monday)).toEqual({ from: "2026-10-01", to: "2026-11-16" });
  });
});

describe("resolveRange", () => {
  test("a preset stays relative: the same URL is a later range on a later day", () => {
    expect(resolveRange({ range: "30d" }, monday)).toEqual({ preset: "30d", from: "2026-10-18", to: "2026-11-16" });
    expect(resolveRange({ range: "30d" }, threeWeeksLater)).toEqual({ preset: "30d", from: "2026-11-08", to: "2026-12-07" });
    expect(resolveRange({ range: "quarter" }, threeWeeksLater)).toEqual({ preset: "quarter", from: "2026-10-01", to: "2026-12-07" });
  });

  test("no range at all is the last 90 days", () => {
    expect(resolveRange({}, monday)).toEqual({ preset: "90d", ...presetRange("90d", monday) });
  });

  test("dates are fixed, whatever the day, and win over a preset (links from before presets were kept)", () => {
    const september = { from: "2026-09-01", to: "2026-09-30" };
    expect(resolveRange(september, monday)).toEqual({ preset: null, ...september });
    expect(resolveRange(september, threeWeeksLater)).toEqual({ preset: null, ...september });
    expect(resolveRange({ range: "30d", ...september }, monday)).toEqual({ preset: null, ...september });
  });

  test("dates that match a preset today are still fixed dates", () => {
    expect(resolveRange(presetRange("30d", monday), monday).preset).toBeNull();
  });

  test("one end alone takes the other from the last 90 days", () => {
    expect(resolveRange({ from: "2026-10-01" }, monday)).toEqual({ preset: null, from: "2026-10-01", to: "2026-11-16" });
    expect(resolveRange({ to: "2026-11-01" }, monday)).toEqual({ preset: null, from: "2026-08-19", to: "2026-11-01" });
  });

  test("an unknown preset falls back to the last 90 days and says which presets exist", () => {
    expect(resolveRange({ range: "7d" }, monday)).toEqual({ preset: "90d", ...presetRange("90d", monday), error: "Use one of 30d, 90d, 12m, quarter, or dates." });
  });
});

describe("rangeParams", () => {
  test("the default preset leaves the URL bare, another preset is named, custom dates are written out", () => {
    expect(rangeParams({ preset: "90d", from: "2026-08-19", to: "2026-11-16" })).toEqual({});
    expect(rangeParams({ preset: "12m", from: "2025-11-17", to: "2026-11-16" })).toEqual({ range: "12m" });
    expect(rangeParams({ preset: null, from: "2026-09-01", to: "2026-09-30" })).toEqual({ from: "2026-09-01", to: "2026-09-30" });
  });

  test("reading back what it writes gives the same range", () => {
    for (const choice of [resolveRange({ range: "quarter" }, monday), resolveRange({}, monday), resolveRange({ from: "2026-09-01", to: "2026-09-30" }, monday)]) {
      expect(resolveRange(rangeParams(choice), monday)).toEqual(choice);
    }
  });
});
