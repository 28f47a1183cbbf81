"use client";

import { useState } from "react";
import type { RulesDraft } from "@/components/scoring/rules-draft";
import { fromDraft } from "@/components/scoring/rules-draft";
import { Button } from "@/components/ui/button";
import type { LabBacktest } from "@/lib/server/scoring/scoring-lab-actions";
import { backtestRulesAction } from "@/lib/server/scoring/scoring-lab-actions";
import type { ActionError } from "@/lib/server/errors";
import { BacktestReportView } from "./backtest-report";
import { DraftErrors } from "./draft-errors";
import { formatAuc } from "./lab-format";
import type { LabFieldErrors, LabFields } from "./lab-settings-fields";
import { runSettings, splitErrors } from "./lab-settings-fields";
import { LabPanel } from "./lab-panel";
import { Working } from "./working";

type Props = {
  draft: RulesDraft | null;
  draftDirty: boolean;
  activeVersion: number;
  fields: LabFields;
  onSettingsErrors: (errors: LabFieldErrors) => void;
};

type Run = "draft" | "active";

/** Backtests the editor's draft and the active rules on the same past leads, before anything is saved. */
export function BacktestPanel({ draft, draftDirty, activeVersion, fields, onSettingsErrors }: Props) {
  const [draftRun, setDraftRun] = useState<{ answer: LabBacktest; of: string } | null>(null);
  const [activeRun, setActiveRun] = useState<LabBacktest | null>(null);
  const [pending, setPending] = useState<Run | null>(null);
  const [error, setError] = useState<{ run: Run; error: ActionError } | null>(null);
  const [announced, setAnnounced] = useState("");
  const current = JSON.stringify(draft);

  async function run(which: Run) {
    if (which === "draft" && !draft) return;
    setPending(which);
    setError(null);
    const result = await backtestRulesAction({ ...runSettings(fields), ...(which === "draft" ? { rules: fromDraft(draft!) } : {}) });
    setPending(null);
    const { settings, rules } = splitErrors(result.ok ? {} : result.error.fieldErrors);
    onSettingsErrors(settings);
    if (!result.ok) return setError({ run: which, error: { ...result.error, fieldErrors: rules } });
    if (which === "draft") setDraftRun({ answer: result.data, of: current });
    else setActiveRun(result.data);
    setAnnounced(`Backtest of ${which === "draft" ? "the draft" : `v${result.data.rulesVersion}`} finished: ROC AUC ${formatAuc(result.data.report.auc)}.`);
  }

  return (
    <LabPanel
      id="lab-backtest"
      title="How these rules rank your past leads"
      description="Scores every past lead with an outcome as it stood just before that outcome, and checks whether higher scores went with the leads that reached the target. Nothing is saved."
    >
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => void run("draft")} disabled={pending !== null || !draft}>
          {pending === "draft" ? "Backtesting…" : "Backtest the draft"}
        </Button>
        <Button variant="secondary" onClick={() => void run("active")} disabled={pending !== null}>
          {pending === "active" ? "Backtesting…" : `Backtest the active rules (v${activeVersion})`}
        </Button>
      </div>
      {pending && <Working>Scoring every past lead as it stood before its outcome… this can take a few seconds with a large history.</Working>}
      {error && <DraftErrors message={error.error.message} errors={error.error.fieldErrors ?? {}} draft={error.run === "draft" ? draft : null} />}
      <p role="status" className="sr-only">
        {announced}
      </p>
      {(draftRun || activeRun) && (
        <div className="grid gap-4 lg:grid-cols-2">
          {draftRun && (
            <BacktestReportView
              title={draftDirty ? "The draft in the editor (unsaved)" : `The draft in the editor (same as v${activeVersion})`}
              report={draftRun.answer.report}
              stale={draftRun.of !== current}
              testId="backtest-draft"
            />
          )}
          {activeRun && <BacktestReportView title={`Active rules (v${activeRun.rulesVersion})`} report={activeRun.report} testId="backtest-active" />}
        </div>
      )}
    </LabPanel>
  );
}
