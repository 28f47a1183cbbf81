import { OTHER_REASON_CODE, OTHER_REASON_LABEL, reasonGroup } from "../reasons";
import type { Histories } from "./history";
import { FUNNEL_INDEX, MOVE_CODE, STAGE_CODE, entryAt, entryStage, inRange } from "./history";
import { share } from "./stats";
import type { FunnelStep, LossKind, LossReason, MetricsTransition, MqlToSql, TimeRange } from "./types";
import { FUNNEL_STAGES } from "./types";

const NO_REASON = "No reason given";

/**
 * How a stint in a stage ended, when it ended by leaving the funnel or going back to the start
 * (stage and move codes). Going back to LEAD is sales returning the lead (reject, recycle) unless
 * marketing sent its own MQL to nurture.
 */
function lossKind(stage: number, exit: number, move: number): LossKind | null {
  if (exit === STAGE_CODE.DISQUALIFIED) return "disqualified";
  if (exit === STAGE_CODE.LOST) return "lost";
  if (exit === STAGE_CODE.LEAD && stage !== STAGE_CODE.LEAD) return move === MOVE_CODE.nurture ? "nurtured" : "sentBack";
  return null;
}

/**
 * Disqualifications and rejections are grouped by their reason's code in the managed list (the
 * server reads its label), or as Other; other exits by their written reason.
 */
function reasonOf(exit: MetricsTransition): string {
  const group = reasonGroup(exit);
  return group === OTHER_REASON_CODE ? OTHER_REASON_LABEL : (group ?? NO_REASON);
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
 *   ended, by now, by sales returning them to marketing (sentBack: rejected from MQL, recycled from
 *   SAL), by marketing sending its MQL to nurture (nurtured), by being disqualified, or by being
 *   lost (only from SQL). A lead counts at most once per kind, with the reason of its first such exit:
 *   the listed reason for disqualifications, the written one otherwise, "No reason given" if none.
 */
export function funnelSteps(histories: Histories, range: TimeRange): FunnelStep[] {
  const tallies: StepTally[] = FUNNEL_STAGES.map(() => ({
    entered: 0,
    advanced: 0,
    losses: { sentBack: new Map(), nurtured: new Map(), disqualified: new Map(), lost: new Map() },
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
        const kind = lossKind(stage, histories.toStage[exit], histories.move[exit]);
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
      losses: { sentBack: loss("sentBack"), nurtured: loss("nurtured"), disqualified: loss("disqualified"), lost: loss("lost") },
    };
  });
}

/**
 * MQL → SQL for the funnel's MQLs: the distinct leads that entered MQL in the range, and how many
 * of them entered SQL after their first MQL entry in the range, by now (even after the range ended).
 */
export function mqlToSql(histories: Histories, range: TimeRange): MqlToSql {
  let mqls = 0;
  let sql = 0;
  for (let i = 0; i < histories.leads.length; i++) {
    const end = histories.first[i + 1];
    let e = histories.first[i];
    while (e < end && !(histories.toStage[e] === STAGE_CODE.MQL && inRange(range, histories.at[e]))) e++;
    if (e === end) continue;
    mqls++;
    while (e < end && histories.toStage[e] !== STAGE_CODE.SQL) e++;
    if (e < end) sql++;
  }
  return { mqls, sql, conversion: share(sql, mqls) };
}
