import type { Histories } from "./history";
import { DAY_MS } from "../time";
import { inRange, reachedStage } from "./history";
import type { CohortRow, TimeRange } from "./types";

/** "2026-09": the calendar month (UTC) of a moment. */
export function monthOf(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/**
 * Cohorts: leads created in the range, by the calendar month (UTC) they were created in, with how
 * many of them reached MQL, SAL, SQL and won by now (at any time, whatever happened since).
 * Months in which no lead was created are left out.
 */
export function cohortRows(histories: Histories, range: TimeRange): CohortRow[] {
  const rows = new Map<string, CohortRow>();
  // Formatting a date is slow next to everything else here: once per day is enough.
  const monthOfDay = new Map<number, string>();
  for (let i = 0; i < histories.leads.length; i++) {
    const createdAt = histories.createdAt[i];
    if (!inRange(range, createdAt)) continue;
    const day = Math.floor(createdAt / DAY_MS);
    let month = monthOfDay.get(day);
    if (month === undefined) monthOfDay.set(day, (month = monthOf(createdAt)));
    let row = rows.get(month);
    if (!row) rows.set(month, (row = { month, leads: 0, reached: { MQL: 0, SAL: 0, SQL: 0, WON: 0 } }));
    row.leads++;
    if (reachedStage(histories, i, "MQL")) row.reached.MQL++;
    if (reachedStage(histories, i, "SAL")) row.reached.SAL++;
    if (reachedStage(histories, i, "SQL")) row.reached.SQL++;
    if (reachedStage(histories, i, "WON")) row.reached.WON++;
  }
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month));
}
