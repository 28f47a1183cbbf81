import { factorStrength, formatProbability, likelihoodLabel } from "@/lib/core/probability";
import type { Factor } from "@/lib/core/scoring-lab/model";
import type { LeadProbability } from "@/lib/views/scoring";

function FactorList({ title, factors, direction }: { title: string; factors: Factor[]; direction: "up" | "down" }) {
  return (
    <div>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{title}</h4>
      {factors.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">Nothing stands out.</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {factors.map((factor) => (
            <li key={factor.label} className="flex items-baseline gap-2 text-sm text-slate-800">
              <span aria-hidden="true" className={direction === "up" ? "text-emerald-700" : "text-rose-700"}>
                {direction === "up" ? "▲" : "▼"}
              </span>
              <span>
                {factor.label}
                <span className="text-slate-600">
                  {" "}
                  — {direction === "up" ? "raises" : "lowers"} it {factorStrength(factor.effect)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The predictive model's chance for the lead, what moved it most, and that it is an estimate. */
export function ProbabilitySummary({ probability }: { probability: LeadProbability }) {
  const label = likelihoodLabel(probability.target);
  return (
    <div className="mt-4 rounded-lg border border-brand-100 bg-brand-50/60 px-4 py-3" data-testid="lead-probability">
      <h3 className="text-sm font-semibold text-slate-900">
        {label}: <span className="text-lg tabular-nums text-brand-700">{formatProbability(probability.probability)}</span>
      </h3>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <FactorList title="What raises it" factors={probability.raising} direction="up" />
        <FactorList title="What lowers it" factors={probability.lowering} direction="down" />
      </div>
      <p className="mt-3 text-xs text-slate-600">
        An estimate by predictive model v{probability.modelVersion}, learned from past leads and what became of them; it is not a rule, and it changes as the lead
        does.
      </p>
    </div>
  );
}
