import type { LeadAttributes, ScoringEvent } from "../scoring/types";
import type { Stage } from "../stages";
import { DAY_MS } from "../time";


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
 * outcome counts as negative from the moment it matured.
 */
export function outcomeOf(lead: Pick<LabLead, "createdAt" | "transitions">, target: Target, now: number, maturityDays: number): Outcome | null {
  return classify(lead, target, now, maturityDays)?.outcome ?? null;
}

function classify(lead: Pick<LabLead, "createdAt" | "transitions">, target: Target, now: number, maturityDays: number): { outcome: Outcome; matured: boolean } | null {
  let reachedAt = Infinity;
  let exitedAt = Infinity;
  for (const { toStage, at } of lead.transitions) {
    if (at > now) continue;
    if (REACHES[target].includes(toStage)) reachedAt = Math.min(reachedAt, at);
    else if (EXITS.includes(toStage)) exitedAt = Math.min(exitedAt, at);
  }
  if (reachedAt !== Infinity) return { outcome: { positive: true, at: reachedAt }, matured: false };
  if (exitedAt !== Infinity) return { outcome: { positive: false, at: exitedAt }, matured: false };
  const maturedAt = lead.createdAt + maturityDays * DAY_MS;
  return maturedAt <= now ? { outcome: { positive: false, at: maturedAt }, matured: true } : null;
}

/** The events that happened strictly before a moment: all that may inform a prediction made then. */
export function eventsBefore(events: readonly ScoringEvent[], at: number): ScoringEvent[] {
  return events.filter((event) => event.occurredAt.getTime() < at);
}

export type LabeledLead = LabLead & { outcome: Outcome };

export type LabeledHistory = { labeled: LabeledLead[]; pending: number };

/**
 * The leads with an outcome, each with it; the others are only counted.
 *
 * A lead that matured with no outcome has no moment of its own to be judged at, and judging it
 * at the end of the window would describe it older than any lead that reached the target (those
 * are described just before their outcome): its activity would have faded, and "recent activity"
 * would look predictive only because of when leads are looked at. So each such lead is described
 * at the age a lead that reached the target typically had at its outcome: one of those ages,
 * picked by its id, so the ages of the two groups match and the choice is repeatable.
 */
export function labelHistory(leads: readonly LabLead[], target: Target, now: number, maturityDays: number): LabeledHistory {
  const classified: Array<{ lead: LabLead; outcome: Outcome; matured: boolean }> = [];
  let pending = 0;
  for (const lead of leads) {
    const found = classify(lead, target, now, maturityDays);
    if (found) classified.push({ lead, ...found });
    else pending += 1;
  }
  const maturity = maturityDays * DAY_MS;
  const ages = classified
    .filter((item) => item.outcome.positive)
    .map((item) => Math.min(maturity, Math.max(0, item.outcome.at - item.lead.createdAt)))
    .sort((a, b) => a - b);
  const labeled = classified.map(({ lead, outcome, matured }): LabeledLead => {
    if (!matured || ages.length === 0) return { ...lead, outcome };
    return { ...lead, outcome: { positive: false, at: lead.createdAt + ages[Math.floor(unitHash(lead.id) * ages.length)] } };
  });
  return { labeled, pending };
}

/** A number in [0, 1) from a text (FNV-1a): the same text always gives the same number. */
function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 4294967296;
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
