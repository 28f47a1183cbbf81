import type { Stage } from "../stages";
import { STAGES } from "../stages";
import type { MetricsInput, MetricsLead, MetricsTransition, TimeRange } from "./types";
import { FUNNEL_STAGES } from "./types";

/** A stage as a small number: its index in STAGES. */
export const STAGE_CODE = Object.fromEntries(STAGES.map((stage, index) => [stage, index])) as Record<Stage, number>;

/** By stage code: the stage's position in FUNNEL_STAGES, or -1 for the exits (LOST, DISQUALIFIED). */
export const FUNNEL_INDEX = Int8Array.from(STAGES, (stage) => (FUNNEL_STAGES as readonly Stage[]).indexOf(stage));

/** The moves the figures tell apart; every other move is OTHER. */
export const MOVE_CODE = { other: 0, accept: 1, reject: 2, qualify: 3, win: 4, nurture: 5 } as const;

function moveCode(move: string): number {
  switch (move) {
    case "accept":
      return MOVE_CODE.accept;
    case "reject":
      return MOVE_CODE.reject;
    case "qualify":
      return MOVE_CODE.qualify;
    case "win":
      return MOVE_CODE.win;
    case "nurture":
      return MOVE_CODE.nurture;
    default:
      return MOVE_CODE.other;
  }
}

/**
 * The leads with their transitions, regrouped once so that each figure is a pass over compact
 * arrays: with 100,000 leads, reading objects scattered in memory is what takes the time.
 *
 * Lead i's transitions sit at positions first[i] … first[i + 1] − 1, in time order. Its entries
 * (into a stage) are numbered e = first[i] − 1 (its creation, into LEAD) to first[i + 1] − 1 (its
 * transitions): the stint begun by entry e ends with entry e + 1, and its last stint goes on.
 */
export type Histories = {
  leads: readonly MetricsLead[];
  first: Int32Array;
  /** By position: the transition, its toStage (STAGE_CODE), time and move (MOVE_CODE). */
  transitions: readonly MetricsTransition[];
  toStage: Uint8Array;
  at: Float64Array;
  move: Uint8Array;
  /** By lead: when it was created, and bit STAGE_CODE[stage] set if it ever entered the stage. */
  createdAt: Float64Array;
  reached: Uint8Array;
};

/**
 * One pass over the transitions, grouped by lead with a counting sort (which keeps each lead's
 * transitions in the given time order). Transitions of leads not in the input are left out.
 */
export function groupByLead(input: Pick<MetricsInput, "leads" | "transitions">): Histories {
  const { leads, transitions } = input;
  const indexOf = new Map<string, number>();
  const createdAt = new Float64Array(leads.length);
  for (let i = 0; i < leads.length; i++) {
    indexOf.set(leads[i].id, i);
    createdAt[i] = leads[i].createdAt;
  }
  const leadOf = new Int32Array(transitions.length);
  const first = new Int32Array(leads.length + 1);
  for (let t = 0; t < transitions.length; t++) {
    const i = indexOf.get(transitions[t].leadId) ?? -1;
    leadOf[t] = i;
    if (i >= 0) first[i + 1]++;
  }
  for (let i = 0; i < leads.length; i++) first[i + 1] += first[i];
  const size = first[leads.length];
  const next = first.slice(0, leads.length);
  const ordered = new Array<MetricsTransition>(size);
  const toStage = new Uint8Array(size);
  const at = new Float64Array(size);
  const move = new Uint8Array(size);
  const reached = new Uint8Array(leads.length).fill(1 << STAGE_CODE.LEAD);
  for (let t = 0; t < transitions.length; t++) {
    const i = leadOf[t];
    if (i < 0) continue;
    const position = next[i]++;
    const transition = transitions[t];
    ordered[position] = transition;
    toStage[position] = STAGE_CODE[transition.toStage];
    at[position] = transition.at;
    move[position] = moveCode(transition.move);
    reached[i] |= 1 << toStage[position];
  }
  return { leads, first, transitions: ordered, toStage, at, move, createdAt, reached };
}

/** The stage (STAGE_CODE) lead i entered with entry e. */
export function entryStage(histories: Histories, i: number, e: number): number {
  return e < histories.first[i] ? STAGE_CODE.LEAD : histories.toStage[e];
}

export function entryAt(histories: Histories, i: number, e: number): number {
  return e < histories.first[i] ? histories.createdAt[i] : histories.at[e];
}

/** Whether lead i entered the stage at any time up to now. */
export function reachedStage(histories: Histories, i: number, stage: Stage): boolean {
  return (histories.reached[i] & (1 << STAGE_CODE[stage])) !== 0;
}

/** When lead i first moved into the stage (STAGE_CODE), or null if it never did. */
export function firstEntryAt(histories: Histories, i: number, stageCode: number): number | null {
  for (let e = histories.first[i]; e < histories.first[i + 1]; e++) if (histories.toStage[e] === stageCode) return histories.at[e];
  return null;
}

/** The range includes its start and excludes its end. */
export function inRange(range: TimeRange, at: number): boolean {
  return at >= range.from && at < range.to;
}
