import { TextField } from "@/components/ui/text-field";
import type { RuleErrors } from "./rule-errors";
import { otherErrors } from "./rule-errors";

type Props = { total: string; fit: string; onChange: (change: { thresholdTotal?: string; thresholdFit?: string }) => void; errors: RuleErrors };

/** The MQL threshold: the score at which a LEAD becomes an MQL on its own. */
export function ThresholdFields({ total, fit, onChange, errors }: Props) {
  const other = otherErrors(errors, "threshold", ["threshold.total", "threshold.fit"]);
  return (
    <fieldset className="rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm">
      {/* Floated, the legend sits inside the card like a heading instead of on its border. */}
      <legend className="float-left w-full text-base font-semibold text-slate-900">MQL threshold</legend>
      <p className="clear-left pt-0.5 text-sm text-slate-600">
        A lead in LEAD whose score reaches the threshold becomes an MQL automatically; its stage history names the score and the rules version.
      </p>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:max-w-xl">
        <TextField label="Total score at least" type="number" step={1} inputMode="numeric" value={total} onChange={(event) => onChange({ thresholdTotal: event.target.value })} error={errors["threshold.total"]} />
        <TextField
          label="Fit score at least"
          type="number"
          step={1}
          inputMode="numeric"
          value={fit}
          onChange={(event) => onChange({ thresholdFit: event.target.value })}
          error={errors["threshold.fit"]}
          hint="Optional. Keeps busy but poorly fitting leads out."
          placeholder="no minimum"
        />
      </div>
      {other.map((error) => (
        <p key={error} className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ))}
    </fieldset>
  );
}
