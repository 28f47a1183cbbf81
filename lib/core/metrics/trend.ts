import type { Histories } from "./history";
import { DAY_MS } from "../time";
import { FUNNEL_INDEX, entryAt, entryStage, inRange } from "./history";
import type { TimeRange, TrendRow } from "./types";
import { FUNNEL_STAGES } from "./types";

const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the week holding the moment. */
export function weekStartOf(at: number): number {
  const day = Math.floor(at / DAY_MS);
  // Day 0 (1970-01-01) was a Thursday: three days after a Monday.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return (day - sinceMonday) * DAY_MS;
}

/**
 * Weekly volumes: for each week (Monday to Sunday, UTC) that overlaps the range, how many distinct
 * leads entered each stage in that week and within the range (creation and returns count as
 * entering LEAD). Weeks without any entries are shown with zeros.
 */
export function trendRows(histories: Histories, range: TimeRange): TrendRow[] {
  const firstWeek = weekStartOf(range.from);
  const weeks = range.to > range.from ? Math.ceil((range.to - firstWeek) / WEEK_MS) : 0;
  const stages = FUNNEL_STAGES.length;
  // counts[week · stages + stage index]
  const counts = new Int32Array(weeks * stages);
  const counted: number[] = [];
  for (let i = 0; i < histories.leads.length; i++) {
    counted.length = 0;
    for (let e = histories.first[i] - 1; e < histories.first[i + 1]; e++) {
      const at = entryAt(histories, i, e);
      const stageIndex = FUNNEL_INDEX[entryStage(histories, i, e)];
      if (stageIndex < 0 || !inRange(range, at)) continue;
      const key = Math.floor((at - firstWeek) / WEEK_MS) * stages + stageIndex;
      if (counted.includes(key)) continue;
      counted.push(key);
      counts[key]++;
    }
  }
  return Array.from({ length: weeks }, (_, week) => ({
    weekStart: new Date(firstWeek + week * WEEK_MS).toISOString().slice(0, 10),
    entered: Object.fromEntries(FUNNEL_STAGES.map((stage, index) => [stage, counts[week * stages + index]])) as TrendRow["entered"],
  }));
}
