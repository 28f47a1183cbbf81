import { scoreWithoutExplanation } from "../scoring/engine";
import type { ScoringRules } from "../scoring/types";
import type { LabeledLead, Target } from "./outcomes";
import { eventsBefore } from "./outcomes";
import type { Band, Decile } from "./ranking";
import { bandRates, decileLift, pointBandEdges, rocAuc } from "./ranking";

export type ThresholdCheck = {
  /** Leads that would have met the MQL threshold just before their outcome. */
  passed: number;
  passedShare: number;
  /** Of those, how many reached the target. */
  passedPositives: number;
  /** Share of all positives the threshold would have let through. */
  positivesCaptured: number;
  /** Share of the passed leads that reached the target. */
  precision: number | null;
};

export type BacktestReport = {
  target: Target;
  leads: { scored: number; positives: number; negatives: number; pending: number };
  /** ROC AUC of the total score; null without both positives and negatives. */
  auc: number | null;
  deciles: Decile[];
  bands: Band[];
  threshold: ThresholdCheck;
  warnings: string[];
};

/** Fewer positives than this and the figures swing with every lead: the report says so. */
export const MIN_POSITIVES = 20;
/** A ranking this good from a lead score is more often a leak than a miracle. */
export const SUSPICIOUS_AUC = 0.95;

/**
 * Scores every labeled lead with `rules` as it stood just before its outcome — its events before
 * that moment only, and decay measured to that moment — and measures how the total ranks the
 * outcomes. Nothing that happened at or after an outcome can change the figures.
 */
export function backtestRules(input: { rules: ScoringRules; leads: readonly LabeledLead[]; target: Target; pending: number }): BacktestReport {
  const scored = input.leads.map((lead) => {
    const result = scoreWithoutExplanation({
      lead: lead.attributes,
      events: eventsBefore(lead.events, lead.outcome.at),
      rules: input.rules,
      now: new Date(lead.outcome.at),
    });
    return { score: result.total, positive: lead.outcome.positive, passed: result.meetsThreshold };
  });
  return reportFor(scored, { target: input.target, pending: input.pending, bandEdges: pointBandEdges(scored.map((item) => item.score)) });
}

export type ScoredOutcome = { score: number; positive: boolean; passed: boolean };

/** The report for any score: rule points here, a model's probability in the model's evaluation. */
export function reportFor(scored: readonly ScoredOutcome[], options: { target: Target; pending: number; bandEdges: readonly number[] }): BacktestReport {
  const positives = scored.filter((item) => item.positive).length;
  const passed = scored.filter((item) => item.passed);
  const passedPositives = passed.filter((item) => item.positive).length;
  const auc = rocAuc(scored);
  return {
    target: options.target,
    leads: { scored: scored.length, positives, negatives: scored.length - positives, pending: options.pending },
    auc,
    deciles: decileLift(scored),
    bands: bandRates(scored, options.bandEdges),
    threshold: {
      passed: passed.length,
      passedShare: scored.length > 0 ? passed.length / scored.length : 0,
      passedPositives,
      positivesCaptured: positives > 0 ? passedPositives / positives : 0,
      precision: passed.length > 0 ? passedPositives / passed.length : null,
    },
    warnings: warningsFor(positives, scored.length - positives, auc),
  };
}

function warningsFor(positives: number, negatives: number, auc: number | null): string[] {
  const warnings: string[] = [];
  if (positives === 0) warnings.push("No lead in this history reached the target yet, so nothing can be ranked. Import leads with their outcomes.");
  else if (negatives === 0) warnings.push("Every lead in this history reached the target, so nothing can be ranked. Import the leads that did not buy too.");
  else if (positives < MIN_POSITIVES) warnings.push(`Only ${positives} leads reached the target: the figures will move a lot with each new outcome. Treat them as a first hint.`);
  if (auc !== null && auc >= SUSPICIOUS_AUC) {
    warnings.push(
      `An AUC of ${auc.toFixed(2)} is rarely real for lead scoring. Check that no rule uses something known only after the outcome (a field sales fill in, an event logged at the sale).`,
    );
  }
  return warnings;
}
