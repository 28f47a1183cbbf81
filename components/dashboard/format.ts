/* How the dashboard writes its numbers: US grouping, shares with one decimal, durations in the unit a reader would say. */

const count = new Intl.NumberFormat("en-US");
const percent = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const hours = new Intl.NumberFormat("en-US", { style: "unit", unit: "hour", unitDisplay: "long", maximumFractionDigits: 1 });
const days = new Intl.NumberFormat("en-US", { style: "unit", unit: "day", unitDisplay: "long", maximumFractionDigits: 1 });
const minutes = new Intl.NumberFormat("en-US", { style: "unit", unit: "minute", unitDisplay: "long", maximumFractionDigits: 0 });
const preciseMinutes = new Intl.NumberFormat("en-US", { style: "unit", unit: "minute", unitDisplay: "long", maximumFractionDigits: 1 });
const monthFormat = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const longDayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

export const NO_VALUE = "—";

export function formatCount(value: number): string {
  return count.format(value);
}

/** A share (0–1) as a percentage with one decimal; null when there was nothing to divide. */
export function formatShare(value: number | null): string {
  return value === null ? NO_VALUE : percent.format(value);
}

/** A share as a plain percentage number for CSV cells, e.g. 42.5. */
export function sharePercent(value: number | null): number | "" {
  return value === null ? "" : Math.round(value * 1000) / 10;
}

export function formatDecimal(value: number): string {
  return oneDecimal.format(value);
}

/** A duration in minutes, hours or days, whichever reads naturally. */
export function formatHours(value: number | null): string {
  if (value === null) return NO_VALUE;
  if (value < 1) return minutes.format(value * 60);
  if (value < 48) return hours.format(value);
  return days.format(value / 24);
}

/** A wait in minutes: minutes under an hour (a tenth: a response in 2.5 minutes is not a 3-minute one), else as formatHours. */
export function formatMinutes(value: number | null): string {
  if (value === null) return NO_VALUE;
  return value < 60 ? preciseMinutes.format(value) : formatHours(value / 60);
}

/** A number of days, e.g. "1.5 days". */
export function formatDays(value: number | null): string {
  return value === null ? NO_VALUE : days.format(value);
}

/** "2026-09" → "Sep 2026". */
export function formatMonth(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

/** "2026-11-16" → "Nov 16". */
export function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

export function formatRange(range: { from: string; to: string }): string {
  return `${longDayFormat.format(new Date(`${range.from}T00:00:00Z`))} – ${longDayFormat.format(new Date(`${range.to}T00:00:00Z`))}`;
}
