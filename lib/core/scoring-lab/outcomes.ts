import type { LeadAttributes, ScoringEvent } from "../scoring/types";
import type { Stage } from "../stages";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** What a team asks its scoring to predict: a sale, or sales qualifying the lead. */
export const TARGETS = ["WON", "SQL"] as const;
export type Target = (typeof TARGETS)[number];

export const DEFAULT_MATURITY_DAYS = 90;

/** A past lead as the lab sees it: who it is, what it did, and which stages it entered when. */
export type LabLead = {
  id: string;
  attributes: LeadAttributes;
  createdAt: number;
  /** Every stage the lead entered after its creation, with when; any order. */
  transitions: ReadonlyArray<{ toStage: Stage; at: number }>;
  events: readonly ScoringEvent[];
};

/**
 * How a lead turned out for a target: positive when it reached the target, negative when it
 * left the funnel first or matured without reaching it. `at` is the moment the outcome became
 * known; only what happened strictly before it may be used to predict it.
 */
export type Outcome = { positive: boolean; at: number };

// Reaching WON means the lead was qualified, even when a history skips the SQL entry.
const REACHES: Record<Target, readonly Stage[]> = { WON: ["WON"], SQL: ["SQL", "WON"] };
const EXITS: readonly Stage[] = ["LOST", "DISQUALIFIED"];

/**
 * The outcome of one lead for `target`, as known at `now`; null while it is still open and younger
 * than the maturity window (neither positive nor negative yet). A lead that matured with no
 * outcome counts as negative, judged on what it had done when it matured.
 */
export function outcomeOf(lead: Pick<LabLead, "createdAt" | "transitions">, target: Target, now: number, maturityDays: number): Outcome | null {
  let reachedAt = Infinity;
  let exitedAt = Infinity;
  for (const { toStage, at } of lead.transitions) {
    if (at > now) continue;
    if (REACHES[target].includes(toStage)) reachedAt = Math.min(reachedAt, at);
    else if (EXITS.includes(toStage)) exitedAt = Math.min(exitedAt, at);
  }
  if (reachedAt !== Infinity) return { positive: true, at: reachedAt };
  if (exitedAt !== Infinity) return { positive: false, at: exitedAt };
  const maturedAt = lead.createdAt + maturityDays * DAY_MS;
  return maturedAt <= now ? { positive: false, at: maturedAt } : null;
}

/** The events that happened strictly before a moment: all that may inform a prediction made then. */
export function eventsBefore(events: readonly ScoringEvent[], at: number): ScoringEvent[] {
  return events.filter((event) => event.occurredAt.getTime() < at);
}

export type LabeledLead = LabLead & { outcome: Outcome };

export type LabeledHistory = { labeled: LabeledLead[]; pending: number };

/** The leads with an outcome, each with it; the others are only counted. */
export function labelHistory(leads: readonly LabLead[], target: Target, now: number, maturityDays: number): LabeledHistory {
  const labeled: LabeledLead[] = [];
  let pending = 0;
  for (const lead of leads) {
    const outcome = outcomeOf(lead, target, now, maturityDays);
    if (outcome) labeled.push({ ...lead, outcome });
    else pending += 1;
  }
  return { labeled, pending };
}

/**
 * Splits labeled leads by when their outcome became known: the latest `share` are held out.
 * A split in time, not at random: a model is judged on leads that came after those it learned
 * from, as it will be in use. Ties on time are broken by id so the split is repeatable.
 */
export function splitByOutcomeTime<T extends { id: string; outcome: Outcome }>(leads: readonly T[], share: number): { training: T[]; holdout: T[] } {
  const ordered = [...leads].sort((a, b) => a.outcome.at - b.outcome.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const cut = Math.round(ordered.length * (1 - share));
  return { training: ordered.slice(0, cut), holdout: ordered.slice(cut) };
}
