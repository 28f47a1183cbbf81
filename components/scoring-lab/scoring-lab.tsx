"use client";

import { useState } from "react";
import type { RulesDraft } from "@/components/scoring/rules-draft";
import type { LabSettings } from "@/lib/core/scoring-lab/settings";
import type { ModelView } from "@/lib/views/scoring";
import { BacktestPanel } from "./backtest-panel";
import type { LabFieldErrors } from "./lab-settings-fields";
import { LabSettingsFields, toFields } from "./lab-settings-fields";
import { ModelsPanel } from "./models-panel";
import type { SuggestedRuleSet } from "./suggestion-panel";
import { SuggestionPanel } from "./suggestion-panel";

export type LabProps = { settings: LabSettings; canSaveSettings: boolean; models: ModelView[]; trainingJobId: string | null };

type Props = LabProps & {
  draft: RulesDraft | null;
  draftDirty: boolean;
  activeVersion: number;
  now: string;
  rescoring: boolean;
  onUseRules: (ruleSet: SuggestedRuleSet) => void;
  onRescoreStarted: (jobId: string, subject: string) => void;
};

/** The scoring lab: backtests, suggested points and predictive models, all judged on the team's own past leads. */
export function ScoringLab({ settings, canSaveSettings, models, trainingJobId, draft, draftDirty, activeVersion, now, rescoring, onUseRules, onRescoreStarted }: Props) {
  const [saved, setSaved] = useState(settings);
  const [fields, setFields] = useState(() => toFields(settings));
  const [errors, setErrors] = useState<LabFieldErrors>({});

  return (
    <section aria-labelledby="lab-heading" className="space-y-4" data-testid="scoring-lab">
      <div>
        <h2 id="lab-heading" className="text-lg font-semibold tracking-tight text-slate-900">
          Scoring lab
        </h2>
        <p className="mt-0.5 max-w-3xl text-sm text-slate-600">
          See how well rules would have ranked your own past leads before you save them, take points learned from that history, or train a model that gives each lead a
          probability.
        </p>
      </div>
      <LabSettingsFields
        fields={fields}
        onChange={(next) => {
          setFields(next);
          setErrors({});
        }}
        saved={saved}
        onSaved={setSaved}
        errors={errors}
        canSave={canSaveSettings}
      />
      <BacktestPanel draft={draft} draftDirty={draftDirty} activeVersion={activeVersion} fields={fields} onSettingsErrors={setErrors} />
      <SuggestionPanel fields={fields} onSettingsErrors={setErrors} draftDirty={draftDirty} onUse={onUseRules} />
      <ModelsPanel
        models={models}
        trainingJobId={trainingJobId}
        target={fields.target}
        maturityDays={saved.maturityDays}
        now={now}
        rescoring={rescoring}
        onRescoreStarted={onRescoreStarted}
      />
    </section>
  );
}
