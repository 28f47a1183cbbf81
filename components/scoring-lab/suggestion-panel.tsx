"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ScoringRules } from "@/lib/core/scoring/types";
import type { LabSuggestion } from "@/lib/server/scoring/scoring-lab-actions";
import { suggestRulesAction } from "@/lib/server/scoring/scoring-lab-actions";
import { BacktestReportView } from "./backtest-report";
import type { LabColumn } from "./lab-table";
import { LabTable } from "./lab-table";
import { formatAuc, formatCount, formatPercent, TARGET_LABELS, targetWords } from "./lab-format";
import type { LabFieldErrors, LabFields } from "./lab-settings-fields";
import { runSettings, splitErrors } from "./lab-settings-fields";
import { LabPanel } from "./lab-panel";
import { SuggestedRules } from "./suggested-rules";
import { Working } from "./working";

export type SuggestedRuleSet = { rules: ScoringRules; note: string };

type Props = {
  fields: LabFields;
  onSettingsErrors: (errors: LabFieldErrors) => void;
  draftDirty: boolean;
  onUse: (ruleSet: SuggestedRuleSet) => void;
};

type Comparison = { figure: string; suggested: string; active: string };

/** Points learned from the older leads, judged with the active rules on the newest fifth; one click puts them in the editor. */
export function SuggestionPanel({ fields, onSettingsErrors, draftDirty, onUse }: Props) {
  const [suggestion, setSuggestion] = useState<LabSuggestion | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function suggest() {
    setPending(true);
    setError(null);
    const result = await suggestRulesAction(runSettings(fields));
    setPending(false);
    onSettingsErrors(splitErrors(result.ok ? {} : result.error.fieldErrors).settings);
    if (!result.ok) return setError(result.error.message);
    setSuggestion(result.data);
  }

  function use() {
    setConfirming(false);
    if (suggestion) onUse(suggestion.ruleSet);
  }

  return (
    <LabPanel
      id="lab-suggestion"
      title="Suggested points"
      description="Points for each field value and event that made a difference, learned from your history. Take them as a starting point: they load into the editor, where you review, change and save them like any other rules."
    >
      <div>
        <Button variant="secondary" onClick={() => void suggest()} disabled={pending}>
          {pending ? "Learning…" : "Suggest points from history"}
        </Button>
      </div>
      {pending && <Working>Learning points from the older leads and judging them on the newest…</Working>}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {suggestion && !pending && <SuggestionResult suggestion={suggestion} onUse={() => (draftDirty ? setConfirming(true) : use())} />}
      {confirming && (
        <ConfirmDialog title="Replace your unsaved changes?" confirmLabel="Use the suggested rules" onCancel={() => setConfirming(false)} onConfirm={use}>
          The editor holds changes you haven&apos;t saved. The suggested rules replace them; nothing is saved until you save.
        </ConfirmDialog>
      )}
    </LabPanel>
  );
}

function SuggestionResult({ suggestion, onUse }: { suggestion: LabSuggestion; onUse: () => void }) {
  const { backtest, activeBacktest, learnedFrom, activeVersion } = suggestion;
  const words = targetWords(backtest.target);
  const rows: Comparison[] = [
    { figure: "ROC AUC", suggested: formatAuc(backtest.auc), active: formatAuc(activeBacktest.auc) },
    { figure: "Pass the MQL threshold", suggested: formatPercent(backtest.threshold.passedShare), active: formatPercent(activeBacktest.threshold.passedShare) },
    { figure: `Share of the ${words.positives} passed`, suggested: formatPercent(backtest.threshold.positivesCaptured), active: formatPercent(activeBacktest.threshold.positivesCaptured) },
    { figure: `Passed leads that ${words.reached}`, suggested: formatPercent(backtest.threshold.precision), active: formatPercent(activeBacktest.threshold.precision) },
  ];
  const columns: LabColumn<Comparison>[] = [
    { header: "On the newest leads", cell: (row) => row.figure },
    { header: "Suggested", cell: (row) => row.suggested, numeric: true },
    { header: `Active (v${activeVersion})`, cell: (row) => row.active, numeric: true },
  ];
  return (
    <div className="space-y-4" data-testid="suggestion-result">
      <p className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-800">
        Learned from the <strong>{formatCount(learnedFrom.leads)} older leads</strong> with an outcome ({formatCount(learnedFrom.positives)} {words.reached}), then judged on the{" "}
        <strong>newest {formatCount(backtest.leads.scored)}</strong>, which it never saw — next to the active rules on the same leads. That is how it would have done on leads
        that came after it.
      </p>
      <LabTable caption={`Suggested points against the active rules on the newest leads, target ${TARGET_LABELS[backtest.target]}`} columns={columns} rows={rows} rowKey={(row) => row.figure} />
      <div className="grid gap-4 lg:grid-cols-2">
        <BacktestReportView title="Suggested points, on the newest leads" report={backtest} testId="backtest-suggested" />
        <BacktestReportView title={`Active rules (v${activeVersion}), on the same leads`} report={activeBacktest} testId="backtest-suggested-active" />
      </div>
      <SuggestedRules rules={suggestion.ruleSet.rules} evidence={suggestion.evidence} target={backtest.target} />
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <Button onClick={onUse}>Use these rules</Button>
        <p className="text-sm text-slate-600">Loads them into the editor as an unsaved draft. Saving them makes a new version and re-scores every lead.</p>
      </div>
    </div>
  );
}
