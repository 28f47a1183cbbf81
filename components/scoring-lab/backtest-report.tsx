import type { BacktestAnswer } from "@/lib/views/scoring";
import { DecileLift } from "./decile-lift";
import { HistoryEmptyState } from "./history-empty-state";
import { aucSentence, formatAuc, formatCount, formatDay, formatPercent, plural, TARGET_LABELS, targetWords } from "./lab-format";
import { ScoreBands } from "./score-bands";

type Props = { title: string; report: BacktestAnswer; stale?: boolean; testId: string };

/** One rule set's backtest: how well its points ranked the past leads, and what its MQL threshold would have let through. */
export function BacktestReportView({ title, report, stale = false, testId }: Props) {
  const words = targetWords(report.target);
  const { leads, threshold } = report;
  return (
    <article className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId} aria-label={title}>
      <header>
        <h4 className="text-sm font-semibold text-slate-900">{title}</h4>
        <p className="text-xs text-slate-500">
          Target {TARGET_LABELS[report.target]} · {report.maturityDays}-day maturity window · as of {formatDay(report.asOf)}
        </p>
        {stale && <p className="mt-1 text-xs font-medium text-amber-800">You changed the rules since this backtest; run it again to update it.</p>}
      </header>
      {report.warnings.length > 0 && (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="backtest-warnings">
          <p className="font-semibold">Read these figures with care</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {report.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      {leads.scored === 0 ? (
        <HistoryEmptyState target={report.target} pending={leads.pending} maturityDays={report.maturityDays} />
      ) : (
        <div className={stale ? "space-y-4 opacity-60" : "space-y-4"}>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Figure label="ROC AUC" value={formatAuc(report.auc)} testId="backtest-auc" tone="brand" />
            <Figure label="Leads scored" value={formatCount(leads.scored)} testId="backtest-scored" />
            <Figure label={`Reached ${TARGET_LABELS[report.target]}`} value={formatCount(leads.positives)} />
            <Figure label="Pending" value={formatCount(leads.pending)} detail={`open, under ${report.maturityDays} days`} />
          </dl>
          <p className="text-sm text-slate-800" data-testid="backtest-auc-words">
            {aucSentence(report.auc, report.target)}
          </p>
          <p className="text-sm text-slate-800" data-testid="backtest-threshold">
            {threshold.passed === 0
              ? "The MQL threshold would have passed none of these leads."
              : `The MQL threshold would have passed ${formatPercent(threshold.passedShare)} of these leads (${formatCount(threshold.passed)}), holding ${formatPercent(threshold.positivesCaptured)} of the ${words.positives}; ${formatPercent(threshold.precision)} of them ${words.reached}.`}
          </p>
          <p className="text-xs text-slate-500">
            Each lead is scored as it stood just before its outcome: only what it did before counts. {plural(leads.negatives, "lead", "leads")} did not reach{" "}
            {TARGET_LABELS[report.target]}.
          </p>
          <DecileLift deciles={report.deciles} target={report.target} overallRate={leads.positives / leads.scored} />
          <ScoreBands bands={report.bands} target={report.target} />
        </div>
      )}
    </article>
  );
}

function Figure({ label, value, detail, tone, testId }: { label: string; value: string; detail?: string; tone?: "brand"; testId?: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50/60 px-3 py-2">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className={`mt-0.5 text-xl font-semibold tabular-nums ${tone === "brand" ? "text-brand-700" : "text-slate-900"}`} data-testid={testId}>
        {value}
      </dd>
      {detail && <dd className="text-xs text-slate-500">{detail}</dd>}
    </div>
  );
}
