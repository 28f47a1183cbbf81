import type { LearnedWeight, ModelView } from "@/lib/views/scoring";
import { aucSentence, formatAuc, formatCount, formatDay, formatScore, targetWords } from "./lab-format";
import { ModelCalibration } from "./model-calibration";

const odds = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** A weight in log-odds as a person reads it: how many times the odds go up or down. */
const oddsChange = (weight: number) => (weight >= 0 ? `×${odds.format(Math.exp(weight))} odds` : `÷${odds.format(Math.exp(-weight))} odds`);

/** What a trained model was judged on, how it did, and what it learned most. */
export function ModelDetails({ model }: { model: ModelView }) {
  const evaluation = model.evaluation;
  if (!evaluation) return null;
  const { holdout } = evaluation;
  const words = targetWords(model.target);
  // What a model that always predicts the held-out leads' average rate would score: the bar to beat.
  const base = holdout.leads.scored > 0 ? holdout.leads.positives / holdout.leads.scored : 0;
  const baseBrier = base * (1 - base);
  const baseLogLoss = base > 0 && base < 1 ? -(base * Math.log(base) + (1 - base) * Math.log(1 - base)) : 0;
  return (
    <div className="space-y-4 border-t border-slate-100 pt-4" data-testid="model-details">
      <p className="text-sm text-slate-700">
        Learned from {formatCount(evaluation.training.leads)} older leads ({formatCount(evaluation.training.positives)} {words.reached}); judged on the newest{" "}
        {formatCount(holdout.leads.scored)}
        {evaluation.holdoutFrom !== null && evaluation.holdoutTo !== null && ` (outcomes ${formatDay(evaluation.holdoutFrom)} – ${formatDay(evaluation.holdoutTo)})`}, which it
        never saw.
      </p>
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <div className="rounded-md border border-slate-200 px-3 py-2">
          <dt className="text-xs font-medium text-slate-500">ROC AUC on the held-out leads</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">
            {formatAuc(holdout.auc)} <span className="text-sm font-normal text-slate-600">vs {formatAuc(evaluation.rulesAuc)} for the rules</span>
          </dd>
          <dd className="text-xs text-slate-600">{aucSentence(holdout.auc, model.target)}</dd>
        </div>
        <div className="rounded-md border border-slate-200 px-3 py-2">
          <dt className="text-xs font-medium text-slate-500">Brier score</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{formatScore(evaluation.brier)}</dd>
          <dd className="text-xs text-slate-600">
            The average squared gap between each probability and what happened: 0 is perfect, {formatScore(baseBrier)} is always guessing the average rate.
          </dd>
        </div>
        <div className="rounded-md border border-slate-200 px-3 py-2">
          <dt className="text-xs font-medium text-slate-500">Log loss</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{formatScore(evaluation.logLoss)}</dd>
          <dd className="text-xs text-slate-600">
            How surprised the model was by the outcomes, punishing confident mistakes most: lower is better, {formatScore(baseLogLoss)} is always guessing the average rate.
          </dd>
        </div>
      </dl>
      {holdout.warnings.length > 0 && (
        <ul className="list-disc space-y-0.5 rounded-md border border-amber-300 bg-amber-50 py-2 pl-8 pr-3 text-sm text-amber-900">
          {holdout.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <ModelCalibration bands={holdout.bands} target={model.target} />
      {model.strongest && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Weights title="What raises the chance most" weights={model.strongest.raising} />
          <Weights title="What lowers it most" weights={model.strongest.lowering} />
        </div>
      )}
    </div>
  );
}

function Weights({ title, weights }: { title: string; weights: readonly LearnedWeight[] }) {
  return (
    <div>
      <h5 className="text-sm font-semibold text-slate-900">{title}</h5>
      {weights.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing stood out.</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100 text-sm">
          {weights.map((weight) => (
            <li key={weight.label} className="flex justify-between gap-3 py-1">
              <span className="min-w-0 break-words text-slate-800">{weight.label}</span>
              <span className="shrink-0 tabular-nums text-slate-600">{oddsChange(weight.weight)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
