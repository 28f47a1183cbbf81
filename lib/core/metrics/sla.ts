import type { Histories } from "./history";
import { HOUR_MS } from "../time";
import { MOVE_CODE, STAGE_CODE, inRange } from "./history";
import { share } from "./stats";
import type { SlaMetrics, SlaRepRow, TimeRange } from "./types";

type RepKey = string | null;

/**
 * Whether sales answered MQLs within the SLA.
 * - MQLs: each entry into MQL in the range (a lead that became MQL twice counts twice).
 * - Its answer is the move that ended it if that move is accept or reject: within the SLA when it
 *   came at most the SLA's hours after the MQL entry (exactly on time counts as within), late
 *   otherwise. Waiting: no answer, because the lead is still MQL or left MQL another way
 *   (nurture, disqualify).
 * - Within SLA share: within / (within + late); waiting MQLs are not part of it.
 * - Overdue now: leads in MQL right now that entered it more than the SLA's hours ago, whatever
 *   the range.
 * - By rep: answered MQLs under the rep who answered, waiting and overdue ones under the lead's
 *   current owner (or unassigned); most MQLs first.
 */
export function slaMetrics(histories: Histories, range: TimeRange, now: number, slaHours: number): SlaMetrics {
  const slaMs = slaHours * HOUR_MS;
  const byRep = new Map<RepKey, SlaRepRow>();
  const row = (repId: RepKey) => {
    let found = byRep.get(repId);
    if (!found) byRep.set(repId, (found = { repId, mqls: 0, withinSla: 0, late: 0, waiting: 0, overdueNow: 0 }));
    return found;
  };
  const totals = { mqls: 0, withinSla: 0, late: 0, waiting: 0, overdueNow: 0 };
  const { toStage, at, move } = histories;
  for (let i = 0; i < histories.leads.length; i++) {
    const end = histories.first[i + 1];
    for (let entry = histories.first[i]; entry < end; entry++) {
      if (toStage[entry] !== STAGE_CODE.MQL || !inRange(range, at[entry])) continue;
      const exit = entry + 1;
      const answered = exit < end && (move[exit] === MOVE_CODE.accept || move[exit] === MOVE_CODE.reject);
      const rep = row(answered ? histories.transitions[exit].actorId : histories.leads[i].ownerId);
      rep.mqls++;
      totals.mqls++;
      if (!answered) {
        rep.waiting++;
        totals.waiting++;
      } else if (at[exit] - at[entry] <= slaMs) {
        rep.withinSla++;
        totals.withinSla++;
      } else {
        rep.late++;
        totals.late++;
      }
    }
    const lead = histories.leads[i];
    if (lead.stage === "MQL" && lead.stageEnteredAt + slaMs < now) {
      row(lead.ownerId).overdueNow++;
      totals.overdueNow++;
    }
  }
  const reps = [...byRep.values()].sort(
    (a, b) => b.mqls - a.mqls || b.overdueNow - a.overdueNow || (a.repId === null ? 1 : b.repId === null ? -1 : a.repId.localeCompare(b.repId)),
  );
  return { slaHours, ...totals, withinSlaShare: share(totals.withinSla, totals.withinSla + totals.late), byRep: reps };
}
