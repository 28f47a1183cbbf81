import { useId } from "react";
import { TextField } from "@/components/ui/text-field";
import type { ProbabilityTarget } from "@/lib/core/probability";
import { likelihoodLabel } from "@/lib/core/probability";
import type { ThresholdBasis, ThresholdDraft } from "@/lib/core/scoring/threshold-draft";
import type { RuleErrors } from "./rule-errors";
import { otherErrors } from "./rule-errors";

/** The predictive model that scores leads now, if any. */
export type ActiveModelSummary = { version: number; target: ProbabilityTarget };

type Props = { draft: ThresholdDraft; model: ActiveModelSummary | null; onChange: (change: Partial<ThresholdDraft>) => void; errors: RuleErrors };

function BasisChoice({ basis, likely, onChange }: { basis: ThresholdBasis; likely: string; onChange: (basis: ThresholdBasis) => void }) {
  const name = useId();
  const options: Array<{ value: ThresholdBasis; label: string }> = [
    { value: "points", label: "Its score reaches a number of points" },
    { value: "probability", label: `${likely} at least a percent you set, as the predictive model estimates` },
  ];
  return (
    <fieldset className="mt-3">
      <legend className="text-sm font-medium text-slate-700">Promote a lead when</legend>
      <div className="mt-1 flex flex-col gap-1.5">
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2 text-sm text-slate-800">
            <input type="radio" name={name} value={option.value} checked={basis === option.value} onChange={() => onChange(option.value)} className="mt-0.5 accent-brand-600" />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The MQL threshold: the score at which a LEAD becomes an MQL on its own, or — with an active
 * predictive model — the model's chance. The choice is offered only with a model; a threshold
 * already on the chance keeps its choice without one, and says what that means.
 */
export function ThresholdFields({ draft, model, onChange, errors }: Props) {
  const onChance = draft.thresholdBasis === "probability";
  const likely = likelihoodLabel(model?.target ?? "WON");
  // Errors of the inputs not on screen show below, so none is lost.
  const other = otherErrors(errors, "threshold", onChance ? ["threshold.probability"] : ["threshold.total", "threshold.fit"]);
  return (
    <fieldset className="rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm">
      {/* Floated, the legend sits inside the card like a heading instead of on its border. */}
      <legend className="float-left w-full text-base font-semibold text-slate-900">MQL threshold</legend>
      <p className="clear-left pt-0.5 text-sm text-slate-600">
        A lead in LEAD that reaches the threshold becomes an MQL automatically; its stage history names the score or chance and the rules version.
      </p>
      {(model || onChance) && <BasisChoice basis={draft.thresholdBasis} likely={likely} onChange={(thresholdBasis) => onChange({ thresholdBasis })} />}
      {onChance ? (
        <div className="mt-3 lg:max-w-xl">
          <TextField
            label={`${likely} at least (%)`}
            type="number"
            step="any"
            min={0}
            max={100}
            inputMode="decimal"
            value={draft.thresholdProbability}
            onChange={(event) => onChange({ thresholdProbability: event.target.value })}
            error={errors["threshold.probability"]}
            hint={model ? `The chance predictive model v${model.version} gives the lead, from 0 to 100 %. Points no longer promote leads.` : undefined}
            placeholder="e.g. 30"
            className="sm:max-w-56"
          />
          {!model && (
            <p role="status" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              No predictive model is active, so no lead will be promoted to MQL until one is. Activate a model in the scoring lab, or promote on points.
            </p>
          )}
        </div>
      ) : (
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:max-w-xl">
          <TextField
            label="Total score at least"
            type="number"
            step={1}
            inputMode="numeric"
            value={draft.thresholdTotal}
            onChange={(event) => onChange({ thresholdTotal: event.target.value })}
            error={errors["threshold.total"]}
          />
          <TextField
            label="Fit score at least"
            type="number"
            step={1}
            inputMode="numeric"
            value={draft.thresholdFit}
            onChange={(event) => onChange({ thresholdFit: event.target.value })}
            error={errors["threshold.fit"]}
            hint="Optional. Keeps busy but poorly fitting leads out."
            placeholder="no minimum"
          />
        </div>
      )}
      {other.map((error) => (
        <p key={error} className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ))}
    </fieldset>
  );
}
