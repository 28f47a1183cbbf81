import type { Histories } from "./history";
import { FUNNEL_INDEX, STAGE_CODE, entryAt, entryStage, inRange } from "./history";
import { share } from "./stats";
import type { FunnelStep, LossKind, LossReason, MetricsTransition, TimeRange } from "./types";
import { FUNNEL_STAGES } from "./types";

const NO_REASON = "No reason given";

/** How a stint in a stage ended, when it ended by leaving the funnel or going back to the start (stage codes). */
function lossKind(stage: number, exit: number): LossKind | null {
  if (exit === STAGE_CODE.DISQUALIFIED) return "disqualified";
  if (exit === STAGE_CODE.LOST) return "lost";
  if (exit === STAGE_CODE.LEAD && stage !== STAGE_CODE.LEAD) return "sentBack";
  return null;
}

/** A disqualification is grouped by its reason from the managed list; other exits by their written reason. */
function reasonOf(exit: MetricsTransition): string {
  return exit.reasonCode ?? exit.reason ?? NO_REASON;
}

type StepTally = { entered: number; advanced: number; losses: Record<LossKind, Map<string, number>> };

function sortedReasons(reasons: Map<string, number>): LossReason[] {
  return [...reasons]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/**
 * The funnel, stage by stage, for a range.
 * - Entered: distinct leads that entered the stage in the range, counted once however often they
 *   re-entered it. A lead enters LEAD when it is created or sent back to LEAD (nurture, reject,
 *   recycle, reopen), and any other stage by a move into it; a lead that skipped a stage does not
 *   count for it.
 * - Advanced: of those, the leads that reached any later stage (MQL, SAL, SQL, WON in that order)
 *   after their first entry in the range, by now, even after the range ended. Conversion is
 *   advanced / entered; there is none for WON.
 * - Losses: of those, the leads whose time in the stage (from their first entry in the range on)
 *   ended by going back to LEAD (sent back), by being disqualified, or by being lost (only from
 *   SQL), by now. A lead counts at most once per kind, with the reason of its first such exit:
 *   the listed reason for disqualifications, the written one otherwise, "No reason given" if none.
 */
export function funnelSteps(histories: Histories, range: TimeRange): FunnelStep[] {
  const tallies: StepTally[] = FUNNEL_STAGES.map(() => ({
    entered: 0,
    advanced: 0,
    losses: { sentBack: new Map(), disqualified: new Map(), lost: new Map() },
  }));
  // By funnel stage: the lead's first entry in the range, counted from its creation (-1: none).
  const firstInRange = new Int32Array(FUNNEL_STAGES.length);
  for (let i = 0; i < histories.leads.length; i++) {
    const created = histories.first[i] - 1;
    const end = histories.first[i + 1];
    if (end === created + 1) {
      // Never moved: it entered LEAD when created, and nothing else happened.
      if (inRange(range, histories.createdAt[i])) tallies[0].entered++;
      continue;
    }
    firstInRange.fill(-1);
    for (let e = created; e < end; e++) {
      const index = FUNNEL_INDEX[entryStage(histories, i, e)];
      if (index >= 0 && firstInRange[index] < 0 && inRange(range, entryAt(histories, i, e))) firstInRange[index] = e - created;
    }
    for (let index = 0; index < FUNNEL_STAGES.length; index++) {
      if (firstInRange[index] < 0) continue;
      const stage = STAGE_CODE[FUNNEL_STAGES[index]];
      const tally = tallies[index];
      tally.entered++;
      let advanced = false;
      const counted: LossKind[] = [];
      for (let e = created + firstInRange[index]; e < end; e++) {
        const entered = entryStage(histories, i, e);
        if (FUNNEL_INDEX[entered] > index) advanced = true;
        const exit = e + 1;
        if (entered !== stage || exit === end) continue;
        const kind = lossKind(stage, histories.toStage[exit]);
        if (!kind || counted.includes(kind)) continue;
        counted.push(kind);
        const reason = reasonOf(histories.transitions[exit]);
        tally.losses[kind].set(reason, (tally.losses[kind].get(reason) ?? 0) + 1);
      }
      if (advanced) tally.advanced++;
    }
  }
  return FUNNEL_STAGES.map((stage, index) => {
    const { entered, advanced, losses } = tallies[index];
    const last = index === FUNNEL_STAGES.length - 1;
    const loss = (kind: LossKind) => {
      const reasons = sortedReasons(losses[kind]);
      return { count: reasons.reduce((sum, row) => sum + row.count, 0), reasons };
    };
    return {
      stage,
      entered,
      advanced: last ? null : advanced,
      conversion: last ? null : share(advanced, entered),
      losses: { sentBack: loss("sentBack"), disqualified: loss("disqualified"), lost: loss("lost") },
    };
  });
}
