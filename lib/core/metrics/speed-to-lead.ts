import type { Histories } from "./history";
import { HOUR_MS, MINUTE_MS } from "../time";
import { MOVE_CODE, STAGE_CODE, inRange } from "./history";
import { quantile, share } from "./stats";
import type { SpeedToLead, SpeedToLeadStats, TimeRange } from "./types";

/** The marks speed to lead is read against: answering within 5 minutes rather than 30 is what makes qualifying a lead far likelier. */
export const FAST_ANSWER_MS = 5 * MINUTE_MS;
export const ANSWER_WITHIN_HOUR_MS = HOUR_MS;

const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / MINUTE_MS) * 10) / 10);

function statsOf(waitsMs: readonly number[]): SpeedToLeadStats {
  // A typed array sorts numerically without a comparator.
  const sorted = Float64Array.from(waitsMs).sort();
  let within5Minutes = 0;
  let withinHour = 0;
  for (const wait of sorted) {
    if (wait <= FAST_ANSWER_MS) within5Minutes++;
    if (wait <= ANSWER_WITHIN_HOUR_MS) withinHour++;
  }
  return {
    answered: sorted.length,
    medianMinutes: minutes(quantile(sorted, 0.5)),
    p90Minutes: minutes(quantile(sorted, 0.9)),
    within5Minutes,
    withinHour,
    within5MinutesShare: share(within5Minutes, sorted.length),
    withinHourShare: share(withinHour, sorted.length),
  };
}

/**
 * Speed to lead: every entry into MQL in the range that sales answered, the answer being the move
 * that ended it when that move is accept or reject (as for the response SLA, sla.ts), and the
 * time from the entry to that answer. By rep: under the person who answered, most answers first.
 * MQLs not answered (yet) are the SLA's waiting ones and have no time here.
 */
export function speedToLead(histories: Histories, range: TimeRange): SpeedToLead {
  const all: number[] = [];
  const byRep = new Map<string | null, number[]>();
  const { toStage, at, move } = histories;
  for (let i = 0; i < histories.leads.length; i++) {
    const end = histories.first[i + 1];
    for (let entry = histories.first[i]; entry < end; entry++) {
      if (toStage[entry] !== STAGE_CODE.MQL || !inRange(range, at[entry])) continue;
      const answer = entry + 1;
      if (answer >= end || (move[answer] !== MOVE_CODE.accept && move[answer] !== MOVE_CODE.reject)) continue;
      const wait = at[answer] - at[entry];
      const repId = histories.transitions[answer].actorId;
      all.push(wait);
      const waits = byRep.get(repId);
      if (waits) waits.push(wait);
      else byRep.set(repId, [wait]);
    }
  }
  const reps = [...byRep].map(([repId, waits]) => ({ repId, ...statsOf(waits) }));
  reps.sort((a, b) => b.answered - a.answered || (a.repId === null ? 1 : b.repId === null ? -1 : a.repId.localeCompare(b.repId)));
  return { ...statsOf(all), byRep: reps };
}
