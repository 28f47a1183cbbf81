import type { Histories } from "./history";
import { FUNNEL_INDEX, inRange } from "./history";
import { durationStats } from "./stats";
import type { CycleTime, FunnelStage, TimeRange } from "./types";
import { FUNNEL_STAGES } from "./types";

export type CyclePair = { from: FunnelStage; to: FunnelStage };

/** Every pair of funnel stages, earlier stage first: LEAD → MQL, LEAD → SAL, … SQL → WON. */
export const CYCLE_PAIRS: readonly CyclePair[] = FUNNEL_STAGES.flatMap((from, index) => FUNNEL_STAGES.slice(index + 1).map((to) => ({ from, to })));

/** The pair a bare dashboard shows: how long a marketing-qualified lead takes to be won. */
export const DEFAULT_CYCLE_PAIR: CyclePair = { from: "MQL", to: "WON" };

const STAGE_COUNT = FUNNEL_STAGES.length;

/**
 * Cycle times between any two funnel stages, as median and 90th percentile in hours. For each
 * lead and pair: from the lead's first entry into the earlier stage (LEAD: its creation, so a
 * return to LEAD never restarts it) to its first entry into the later stage after that, counted
 * when that entry is in the range. A lead that skipped the earlier stage, or never reached the
 * later one, is left out of that pair; a lead counts at most once per pair.
 */
export function cycleTimes(histories: Histories, range: TimeRange): CycleTime[] {
  // By from · STAGE_COUNT + to (funnel indexes).
  const durations: number[][] = Array.from({ length: STAGE_COUNT * STAGE_COUNT }, () => []);
  const firstAt = new Float64Array(STAGE_COUNT);
  const { first, toStage, at } = histories;
  for (let i = 0; i < histories.leads.length; i++) {
    firstAt.fill(Number.NaN);
    firstAt[0] = histories.createdAt[i];
    // Bit from · STAGE_COUNT + to: the pair's later entry was already found (in the range or not).
    let paired = 0;
    for (let e = first[i]; e < first[i + 1]; e++) {
      const to = FUNNEL_INDEX[toStage[e]];
      // Exits (LOST, DISQUALIFIED) aren't funnel stages; a return to LEAD is never a first entry.
      if (to <= 0) continue;
      for (let from = 0; from < to; from++) {
        const pair = from * STAGE_COUNT + to;
        if (Number.isNaN(firstAt[from]) || paired & (1 << pair)) continue;
        paired |= 1 << pair;
        if (inRange(range, at[e])) durations[pair].push(at[e] - firstAt[from]);
      }
      if (Number.isNaN(firstAt[to])) firstAt[to] = at[e];
    }
  }
  return CYCLE_PAIRS.map(({ from, to }) => ({ from, to, ...durationStats(durations[FUNNEL_STAGES.indexOf(from) * STAGE_COUNT + FUNNEL_STAGES.indexOf(to)]) }));
}

/** One pair's figures out of cycleTimes()' answer. */
export function cycleTimeOf(times: readonly CycleTime[], pair: CyclePair): CycleTime {
  const found = times.find((time) => time.from === pair.from && time.to === pair.to);
  if (!found) throw new Error(`No cycle time from ${pair.from} to ${pair.to}: the later stage must follow the earlier one.`);
  return found;
}

function isFunnelStage(value: string | null | undefined): value is FunnelStage {
  return (FUNNEL_STAGES as readonly (string | null | undefined)[]).includes(value);
}

/**
 * The pair a URL asks for (?cycleFrom=SAL&cycleTo=WON). A missing or unknown stage takes the
 * default's; a pair that isn't in funnel order gives the default pair, so the page always has one to show.
 */
export function cyclePairOf(from: string | null | undefined, to: string | null | undefined): CyclePair {
  const pair = { from: isFunnelStage(from) ? from : DEFAULT_CYCLE_PAIR.from, to: isFunnelStage(to) ? to : DEFAULT_CYCLE_PAIR.to };
  return FUNNEL_STAGES.indexOf(pair.from) < FUNNEL_STAGES.indexOf(pair.to) ? pair : DEFAULT_CYCLE_PAIR;
}

/** The stages that can follow `from` in a pair, in funnel order. */
export function laterStages(from: FunnelStage): FunnelStage[] {
  return FUNNEL_STAGES.slice(FUNNEL_STAGES.indexOf(from) + 1);
}
