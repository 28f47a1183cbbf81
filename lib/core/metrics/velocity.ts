import { cycleTimeOf, cycleTimes } from "./cycle-times";
import type { Histories } from "./history";
import { FUNNEL_INDEX, STAGE_CODE, entryAt, entryStage, inRange } from "./history";
import { durationStats } from "./stats";
import type { TimeRange, Velocity } from "./types";
import { FUNNEL_STAGES } from "./types";

const TIMED_STAGES = ["LEAD", "MQL", "SAL", "SQL"] as const satisfies readonly (keyof Velocity["timeInStage"])[];

/**
 * How long leads take, as median and 90th percentile in hours.
 * - Time in stage: each stint from entering the stage to the next move out of it (a lead's first
 *   stint in LEAD starts when it was created), for stints that ended in the range; stints still
 *   going on are left out. A lead that went back and forth has one stint per visit.
 * - First event → MQL: for leads whose first ever MQL entry is in the range, the time since their
 *   earliest event (leads without events, or whose first event came later, are left out).
 * - MQL → SQL: for each entry into SQL in the range, the time since the lead's latest MQL entry
 *   before it (leads that skipped MQL are left out).
 * - MQL → WON, and every other pair of funnel stages: see cycleTimes() (from the first entry
 *   into the earlier stage, for leads that reached the later one in the range).
 */
export function velocity(histories: Histories, range: TimeRange): Velocity {
  // By funnel index; WON is final, so none of its stints ever ends.
  const stints: number[][] = FUNNEL_STAGES.map(() => []);
  const toMql: number[] = [];
  const toSql: number[] = [];
  const { toStage, at } = histories;
  for (let i = 0; i < histories.leads.length; i++) {
    let mqlBefore = false;
    let latestMqlAt = 0;
    const end = histories.first[i + 1];
    for (let e = histories.first[i] - 1; e + 1 < end; e++) {
      const exit = e + 1;
      const index = FUNNEL_INDEX[entryStage(histories, i, e)];
      if (index >= 0 && inRange(range, at[exit])) stints[index].push(at[exit] - entryAt(histories, i, e));
      if (toStage[exit] === STAGE_CODE.MQL) {
        const firstEventAt = mqlBefore || !inRange(range, at[exit]) ? null : histories.leads[i].firstEventAt;
        if (firstEventAt !== null && firstEventAt <= at[exit]) toMql.push(at[exit] - firstEventAt);
        mqlBefore = true;
        latestMqlAt = at[exit];
      } else if (toStage[exit] === STAGE_CODE.SQL && mqlBefore && inRange(range, at[exit])) {
        toSql.push(at[exit] - latestMqlAt);
      }
    }
  }
  const cycles = cycleTimes(histories, range);
  const { count, medianHours, p90Hours } = cycleTimeOf(cycles, { from: "MQL", to: "WON" });
  return {
    timeInStage: Object.fromEntries(TIMED_STAGES.map((stage) => [stage, durationStats(stints[FUNNEL_INDEX[STAGE_CODE[stage]]])])) as Velocity["timeInStage"],
    firstEventToMql: durationStats(toMql),
    mqlToSql: durationStats(toSql),
    mqlToWon: { count, medianHours, p90Hours },
    cycleTimes: cycles,
  };
}
