import { DAY_MS } from "../time";
/*
 * The dashboard's date range as its URL carries it. A preset stays relative (`?range=30d` is the
 * last 30 days on whichever day the link is opened); only dates the user chose stay fixed
 * (`?from=2026-09-01&to=2026-09-30`). A bare URL is the default preset, the last 90 days.
 */

export const RANGE_PRESETS = [
  { id: "30d", label: "Last 30 days" },
  { id: "90d", label: "Last 90 days" },
  { id: "12m", label: "Last 12 months" },
  { id: "quarter", label: "This quarter" },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]["id"];
export const DEFAULT_PRESET: RangePreset = "90d";

/** Whole UTC days, both ends included. */
export type DayRange = { from: string; to: string };

/** A range as the URL has it: a preset, or fixed dates (preset null). */
export type RangeChoice = DayRange & { preset: RangePreset | null };

export type RangeQuery = { range?: string; from?: string; to?: string };

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Today as a UTC calendar day, the unit the filters count in. */
function today(now: Date): string {
  return isoDay(now.getTime());
}

function isRangePreset(value: string | undefined): value is RangePreset {
  return RANGE_PRESETS.some((preset) => preset.id === value);
}

export function presetLabel(preset: RangePreset): string {
  return RANGE_PRESETS.find((candidate) => candidate.id === preset)!.label;
}

/** A preset's days, ending today (inclusive). */
export function presetRange(preset: RangePreset, now: Date): DayRange {
  const to = today(now);
  const end = Date.parse(`${to}T00:00:00Z`);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  switch (preset) {
    case "30d":
      return { from: isoDay(end - 29 * DAY_MS), to };
    case "90d":
      return { from: isoDay(end - 89 * DAY_MS), to };
    case "12m":
      // The same day a year ago belongs to the thirteenth month back.
      return { from: isoDay(Date.UTC(year - 1, month, now.getUTCDate()) + DAY_MS), to };
    case "quarter":
      return { from: isoDay(Date.UTC(year, month - (month % 3), 1)), to };
  }
}

/**
 * The range a dashboard URL asks for. Dates in the URL win, so links made before presets stayed
 * relative keep showing the days they named; a missing end is the default preset's. Without
 * dates, `range` names the preset; an unknown one falls back to the default and says so. The
 * dates are not checked here: the filters' schema does that with the rest of the URL.
 */
export function resolveRange(query: RangeQuery, now: Date): RangeChoice & { error?: string } {
  const defaults = presetRange(DEFAULT_PRESET, now);
  if (query.from !== undefined || query.to !== undefined) return { preset: null, from: query.from ?? defaults.from, to: query.to ?? defaults.to };
  if (query.range === undefined) return { preset: DEFAULT_PRESET, ...defaults };
  if (isRangePreset(query.range)) return { preset: query.range, ...presetRange(query.range, now) };
  return { preset: DEFAULT_PRESET, ...defaults, error: `Use one of ${RANGE_PRESETS.map((preset) => preset.id).join(", ")}, or dates.` };
}

/** The URL parameters for a range: none for the default preset, `range` for another, dates for a custom range. */
export function rangeParams(choice: RangeChoice): RangeQuery {
  if (choice.preset === DEFAULT_PRESET) return {};
  if (choice.preset !== null) return { range: choice.preset };
  return { from: choice.from, to: choice.to };
}
