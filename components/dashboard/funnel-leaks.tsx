import type { FunnelStep, LossKind } from "@/lib/core/metrics/types";
import { STAGE_COLORS } from "./chart-theme";
import { formatCount, formatShare } from "./format";

type Props = { steps: FunnelStep[]; lossLabels: Record<LossKind, string> };

/** Each step's conversion and its leaks: how many left, how, and the reasons people gave. */
export function FunnelLeaks({ steps, lossLabels }: Props) {
  const kinds = Object.keys(lossLabels) as LossKind[];
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">Where leads leave</h3>
      <ul className="mt-2 grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {steps.flatMap((step, index) => {
          const next = steps[index + 1];
          if (!next || step.conversion === null) return [];
          const leaks = kinds.filter((kind) => step.losses[kind].count > 0);
          return [
            <li key={step.stage} className="rounded-lg border border-slate-200 p-3" data-testid={`leak-${step.stage}`}>
              <p className="flex items-center gap-2 text-xs font-medium text-slate-500">
                <span aria-hidden="true" className="inline-block size-2 rounded-full" style={{ backgroundColor: STAGE_COLORS[step.stage] }} />
                {step.stage} → {next.stage}
              </p>
              <p className="mt-1 text-lg font-semibold tabular-nums text-slate-900">{formatShare(step.conversion)}</p>
              <p className="text-xs text-slate-500">
                {formatCount(step.advanced ?? 0)} of {formatCount(step.entered)} moved on
              </p>
              {leaks.length === 0 ? (
                <p className="mt-2 text-xs text-slate-500">None left the funnel from here.</p>
              ) : (
                <dl className="mt-2 space-y-0.5 text-xs">
                  {leaks.map((kind) => (
                    <div key={kind} className="flex justify-between gap-2">
                      <dt className="text-slate-600">{lossLabels[kind]}</dt>
                      <dd className="font-medium tabular-nums text-slate-900">{formatCount(step.losses[kind].count)}</dd>
                    </div>
                  ))}
                </dl>
              )}
              {leaks.some((kind) => step.losses[kind].reasons.length > 0) && (
                <details className="mt-2 text-xs">
                  <summary className="cursor-pointer text-brand-700">Reasons</summary>
                  {leaks.map((kind) => (
                    <div key={kind} className="mt-1.5">
                      <p className="font-medium text-slate-700">{lossLabels[kind]}</p>
                      <ul className="text-slate-600">
                        {step.losses[kind].reasons.map((reason) => (
                          <li key={reason.reason} className="flex justify-between gap-2">
                            <span className="min-w-0 truncate" title={reason.reason}>
                              {reason.reason}
                            </span>
                            <span className="tabular-nums">{formatCount(reason.count)}</span>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </details>
              )}
            </li>,
          ];
        })}
      </ul>
    </div>
  );
}
