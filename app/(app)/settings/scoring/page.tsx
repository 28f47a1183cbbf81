import type { Metadata } from "next";
import { ScoringSettings } from "@/components/scoring/scoring-settings";
import { STANDARD_EVENT_TYPES } from "@/lib/core/events";
import { can } from "@/lib/core/permissions";
import { runningJob } from "@/lib/server/jobs/background-jobs";
import { activeDisqualificationReasons } from "@/lib/server/settings/reference-data";
import { requirePermission } from "@/lib/server/auth/require-user";
import { activeRuleSet } from "@/lib/server/scoring/lead-scoring";
import { listRuleSetVersions, VERSION_NOTE_MAX_LENGTH } from "@/lib/server/scoring/rule-sets";
import { labSettings } from "@/lib/server/scoring/lab";
import { activeModelSummary, listModels } from "@/lib/server/scoring/models";

export const metadata: Metadata = { title: "Scoring" };

export default async function ScoringSettingsPage() {
  const user = await requirePermission("scoring.editRules");
  const [active, versions, reasons, runningJobId, models, trainingJobId] = await Promise.all([
    activeRuleSet(),
    listRuleSetVersions(),
    activeDisqualificationReasons(),
    runningJob("rescore"),
    listModels(),
    runningJob("train"),
  ]);
  // The threshold may be the model's chance only while a model scores leads.
  const activeModel = await activeModelSummary();
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 pt-8 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">
          Scoring <span className="ml-1 align-middle rounded-full bg-brand-50 px-2 py-0.5 text-sm font-medium text-brand-700">v{active.version} active</span>
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          How leads are scored and when they become marketing qualified. Change the rules, preview what they would do to today&apos;s leads, then save them as a new version:
          every lead is re-scored with it. The scoring lab below the rules checks them against your past leads.
        </p>
      </div>
      <ScoringSettings
        active={{ version: active.version, rules: active.rules, note: active.note }}
        versions={versions}
        reasons={reasons}
        eventTypes={STANDARD_EVENT_TYPES}
        runningJobId={runningJobId}
        noteMaxLength={VERSION_NOTE_MAX_LENGTH}
        now={new Date().toISOString()}
        lab={{ settings: await labSettings(), canSaveSettings: can(user.role, "scoringLab.setDefaults"), models, trainingJobId }}
        activeModel={activeModel}
      />
    </div>
  );
}
