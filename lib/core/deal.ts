/*
 * What marking a lead WON records: the deal's value and the day it closed. Values are kept in
 * whole cents so sums are exact; close dates are whole UTC days, as the dashboard's ranges are.
 */

/** The largest deal value accepted: far above any real deal, far below where cents lose precision. */
export const DEAL_VALUE_MAX = 1_000_000_000_000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today as YYYY-MM-DD in UTC: the close date's default and its latest allowed day. */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The deal value in cents, or an error for the deal value field. */
export function dealValueCents(value: number | undefined): { cents: number } | { error: string } {
  if (value === undefined || !Number.isFinite(value)) return { error: "Enter the deal value." };
  if (value <= 0) return { error: "The deal value must be more than 0." };
  if (value > DEAL_VALUE_MAX) return { error: `The deal value can be at most ${formatDealValue(DEAL_VALUE_MAX)}.` };
  const cents = Math.round(value * 100);
  // A value typed with more than two decimals has no cents to round it to without changing the deal.
  if (Math.abs(value * 100 - cents) > 1e-6) return { error: "The deal value can have at most two decimals (cents)." };
  return { cents };
}

/** The close day as the start of that UTC day, or an error for the close date field. */
export function closeDate(day: string | undefined, today: string): { at: Date } | { error: string } {
  const match = DAY.exec(day ?? "");
  if (!day || !match) return { error: "Enter the close date (YYYY-MM-DD)." };
  const at = new Date(`${day}T00:00:00Z`);
  // `2026-02-31` parses as March 3rd: only a day that exists reads back the same.
  if (Number.isNaN(at.getTime()) || todayUtc(at) !== day) return { error: `${day} is not a date.` };
  if (day > today) return { error: `The close date can't be in the future (today is ${today}, UTC).` };
  return { at };
}

const amount = new Intl.NumberFormat("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** A deal value for people: grouped, with cents only when there are any. */
export function formatDealValue(value: number): string {
  return amount.format(value);
}
