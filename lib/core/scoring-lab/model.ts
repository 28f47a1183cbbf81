import type { LeadAttributes, ScoringEvent, ScoringRules } from "../scoring/types";
import type { BacktestReport } from "./backtest";
import { backtestRules, reportFor } from "./backtest";
import type { Column, FeatureSpec, FeatureSource } from "./features";
import { columnsOf, featurize, learnFeatureSpec } from "./features";
import type { SparseRows } from "./logistic";
import { fitLogistic, linearPredictor, logLoss, predictRows, sigmoid, sparseRows } from "./logistic";
import type { LabeledLead, Target } from "./outcomes";
import { DAY_MS } from "../time";
import { eventsBefore, splitByOutcomeTime } from "./outcomes";
import { PROBABILITY_EDGES } from "./ranking";

/** A trained model as stored: everything needed to score a lead the way it was trained. */
export type PredictiveModel = {
  target: Target;
  spec: FeatureSpec;
  columns: Column[];
  weights: number[];
  intercept: number;
  lambda: number;
};

export type ModelEvaluation = {
  /** Leads the model learned from, and those it was judged on (the latest outcomes, never learned from). */
  training: { leads: number; positives: number };
  /** The model's probability backtested on the held-out leads. */
  holdout: BacktestReport;
  logLoss: number;
  /** Mean squared error of the probability: 0 is perfect, the base rate × (1 − base rate) is no skill. */
  brier: number;
  /** The rule score's AUC on the same held-out leads, for comparison. */
  rulesAuc: number | null;
  probabilityThreshold: number;
  /** First and last outcome dates of the held-out leads (ms). */
  holdoutFrom: number | null;
  holdoutTo: number | null;
};

export type TrainingResult = { ok: true; model: PredictiveModel; evaluation: ModelEvaluation } | { ok: false; error: string };

export const HOLDOUT_SHARE = 0.2;
const LAMBDAS = [0.1, 0.03, 0.01, 0.003, 0.001, 0.0003];
const MIN_TRAINING_POSITIVES = 10;
const MIN_TRAINING_LEADS = 50;

function asSource(lead: LabeledLead): FeatureSource {
  return { attributes: lead.attributes, events: eventsBefore(lead.events, lead.outcome.at) };
}

function rowsFor(spec: FeatureSpec, columns: number, leads: readonly LabeledLead[]): { rows: SparseRows; labels: Uint8Array } {
  const rows = sparseRows(
    leads.map((lead) => featurize(spec, asSource(lead), lead.outcome.at)),
    columns,
  );
  return { rows, labels: Uint8Array.from(leads, (lead) => (lead.outcome.positive ? 1 : 0)) };
}

/** The penalty that predicts best on the latest quarter of the training leads, learned on the rest. */
function chooseLambda(spec: FeatureSpec, columns: number, training: readonly LabeledLead[]): number {
  const { training: inner, holdout: validation } = splitByOutcomeTime(training, 0.25);
  const hasBoth = (leads: readonly LabeledLead[]) => leads.some((lead) => lead.outcome.positive) && leads.some((lead) => !lead.outcome.positive);
  if (!hasBoth(inner) || !hasBoth(validation)) return 0.01;
  const fit = rowsFor(spec, columns, inner);
  const check = rowsFor(spec, columns, validation);
  let best = { lambda: 0.01, loss: Infinity };
  for (const lambda of LAMBDAS) {
    const model = fitLogistic(fit.rows, fit.labels, { lambda });
    const loss = logLoss(predictRows(model, check.rows), check.labels);
    if (loss < best.loss) best = { lambda, loss };
  }
  return best.lambda;
}

/**
 * Trains a logistic regression on the older 80 % of the labeled history and judges it on the
 * newest 20 %, which it never sees: features are chosen, the penalty tuned and the weights fitted
 * on the training part alone, each lead described only by its events before its outcome.
 */
export function trainModel(input: {
  leads: readonly LabeledLead[];
  pending: number;
  target: Target;
  rules?: ScoringRules;
  probabilityThreshold?: number;
}): TrainingResult {
  const { training, holdout } = splitByOutcomeTime(input.leads, HOLDOUT_SHARE);
  const trainingPositives = training.filter((lead) => lead.outcome.positive).length;
  if (training.length < MIN_TRAINING_LEADS || trainingPositives < MIN_TRAINING_POSITIVES || trainingPositives === training.length) {
    return {
      ok: false,
      error: `A model needs at least ${MIN_TRAINING_LEADS} past leads with outcomes to learn from, ${MIN_TRAINING_POSITIVES} of them reaching ${input.target} and some not; this history has ${training.length} to learn from, ${trainingPositives} reaching it. Import more history.`,
    };
  }
  if (!holdout.some((lead) => lead.outcome.positive)) {
    return { ok: false, error: `None of the newest ${holdout.length} leads with outcomes reached ${input.target}, so the model can't be checked on leads it never saw. Import more recent history.` };
  }
  const spec = learnFeatureSpec(training.map(asSource));
  const columns = columnsOf(spec);
  const lambda = chooseLambda(spec, columns.length, training);
  const fit = rowsFor(spec, columns.length, training);
  const fitted = fitLogistic(fit.rows, fit.labels, { lambda });
  const model: PredictiveModel = {
    target: input.target,
    spec,
    columns,
    weights: Array.from(fitted.weights, (weight) => Math.round(weight * 1e6) / 1e6),
    intercept: Math.round(fitted.intercept * 1e6) / 1e6,
    lambda,
  };
  const check = rowsFor(spec, columns.length, holdout);
  const probabilities = predictRows(model, check.rows);
  const threshold = input.probabilityThreshold ?? 0.5;
  const scored = holdout.map((lead, index) => ({ score: probabilities[index], positive: lead.outcome.positive, passed: probabilities[index] >= threshold }));
  let brier = 0;
  scored.forEach((item) => (brier += (item.score - (item.positive ? 1 : 0)) ** 2));
  return {
    ok: true,
    model,
    evaluation: {
      training: { leads: training.length, positives: trainingPositives },
      holdout: reportFor(scored, { target: input.target, pending: input.pending, bandEdges: PROBABILITY_EDGES }),
      logLoss: logLoss(probabilities, check.labels),
      brier: brier / Math.max(1, scored.length),
      rulesAuc: input.rules ? backtestRules({ rules: input.rules, leads: holdout, target: input.target, pending: 0 }).auc : null,
      probabilityThreshold: threshold,
      holdoutFrom: holdout.length > 0 ? holdout[0].outcome.at : null,
      holdoutTo: holdout.length > 0 ? holdout[holdout.length - 1].outcome.at : null,
    },
  };
}

/** What moved one lead's probability: a column's effect in log-odds, positive raises it. */
export type Factor = { label: string; effect: number };
export type Prediction = { probability: number; raising: Factor[]; lowering: Factor[] };

const FACTORS_SHOWN = 3;
const MIN_EFFECT = 0.05;

function factorLabel(column: Column, value: number): string {
  if (column.key.startsWith("event:") && column.key.endsWith(":count")) return `${Math.round(Math.expm1(value))} ${column.label}`;
  if (column.key.startsWith("event:") && column.key.endsWith(":recency")) {
    const days = Math.round(-Math.log(value) * 30);
    return `${column.label.replace(/^a recent /, "latest ")} ${days === 0 ? "today" : `${days} day${days === 1 ? "" : "s"} ago`}`;
  }
  return column.label;
}

type LeadNow = { attributes: LeadAttributes; events: readonly ScoringEvent[] };

function vectorNow(model: PredictiveModel, lead: LeadNow, now: number) {
  const events = lead.events.filter((event) => event.occurredAt.getTime() <= now + DAY_MS);
  return featurize(model.spec, { attributes: lead.attributes, events }, now);
}

/** The model's probability for one lead now, from its fields and events so far: what scoring stores. */
export function predictProbability(model: PredictiveModel, lead: LeadNow, now: number): number {
  const vector = vectorNow(model, lead, now);
  return sigmoid(linearPredictor(model, vector.indices, vector.values));
}

/** The probability with what moved it most: what a person reads. */
export function predictLead(model: PredictiveModel, lead: LeadNow, now: number): Prediction {
  const vector = vectorNow(model, lead, now);
  const z = linearPredictor(model, vector.indices, vector.values);
  const effects = vector.indices.map((index, k) => ({ label: factorLabel(model.columns[index], vector.values[k]), effect: model.weights[index] * vector.values[k] }));
  const rounded = (factor: Factor) => ({ label: factor.label, effect: Math.round(factor.effect * 100) / 100 });
  return {
    probability: sigmoid(z),
    raising: effects.filter((factor) => factor.effect >= MIN_EFFECT).sort((a, b) => b.effect - a.effect).slice(0, FACTORS_SHOWN).map(rounded),
    lowering: effects.filter((factor) => factor.effect <= -MIN_EFFECT).sort((a, b) => a.effect - b.effect).slice(0, FACTORS_SHOWN).map(rounded),
  };
}
