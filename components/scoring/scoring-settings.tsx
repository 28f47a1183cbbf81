"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import type { LabProps } from "@/components/scoring-lab/scoring-lab";
import { ScoringLab } from "@/components/scoring-lab/scoring-lab";
import { SuggestionLoadedNotice } from "@/components/scoring-lab/suggestion-loaded-notice";
import type { SuggestedRuleSet } from "@/components/scoring-lab/suggestion-panel";
import type { SavedRules } from "@/lib/server/scoring/scoring-rule-actions";
import type { ActiveRuleSet, RuleSetVersion } from "@/lib/views/scoring";
import type { ReasonOption } from "@/lib/views/settings";
import { RescoreProgress } from "./rescore-progress";
import type { RulesDraft } from "./rules-draft";
import { RulesEditor } from "./rules-editor";
import type { ActiveModelSummary } from "./threshold-fields";
import { VersionHistory } from "./version-history";

type Props = {
  active: Pick<ActiveRuleSet, "version" | "rules" | "note">;
  versions: RuleSetVersion[];
  reasons: ReasonOption[];
  eventTypes: readonly string[];
  runningJobId: string | null;
  noteMaxLength: number;
  now: string;
  lab: LabProps;
  activeModel: ActiveModelSummary | null;
};

type Rescore = { jobId: string; version: number; subject?: string; running: boolean; startedHere: boolean };
/** Suggested rules the lab loaded into the editor, for the version they were loaded on; `serial` starts a fresh editor each time. */
type Loaded = SuggestedRuleSet & { onVersion: number; serial: number };

/** The scoring settings page: the editor, the re-score after a save, and the history. */
export function ScoringSettings({ active, versions, reasons, eventTypes, runningJobId, noteMaxLength, now, lab, activeModel }: Props) {
  const router = useRouter();
  const [rescore, setRescore] = useState<Rescore | null>(runningJobId ? { jobId: runningJobId, version: active.version, running: true, startedHere: false } : null);
  const [draft, setDraft] = useState<{ draft: RulesDraft; dirty: boolean } | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Once saved, the suggestion is a version like any other: the editor starts from the active rules again.
  const suggestion = loaded?.onVersion === active.version ? loaded : null;
  const draftChanged = useCallback((next: RulesDraft, dirty: boolean) => setDraft({ draft: next, dirty }), []);
  const rescoring = rescore?.running ?? false;
  const nextVersion = Math.max(0, ...versions.map((version) => version.version)) + 1;

  function started(saved: SavedRules) {
    setRescore({ jobId: saved.jobId, version: saved.version, running: true, startedHere: true });
    // Brings the new active version into the editor and the history.
    router.refresh();
  }

  return (
    <div className="space-y-6">
      {rescore && (
        <RescoreProgress
          key={rescore.jobId}
          jobId={rescore.jobId}
          version={rescore.version}
          subject={rescore.subject}
          takeFocus={rescore.startedHere}
          onFinished={() => setRescore((current) => current && { ...current, running: false })}
        />
      )}
      {suggestion && draft?.dirty && <SuggestionLoadedNotice key={suggestion.serial} activeVersion={active.version} nextVersion={nextVersion} />}
      {/* A new active version, or suggested rules, start a fresh editor. */}
      <RulesEditor
        key={`${active.version}-${suggestion?.serial ?? 0}`}
        rules={active.rules}
        activeVersion={active.version}
        nextVersion={nextVersion}
        reasons={reasons}
        eventTypes={eventTypes}
        noteMaxLength={noteMaxLength}
        rescoring={rescoring}
        onSaved={started}
        onRescoreRunning={(jobId) => setRescore({ jobId, version: active.version, running: true, startedHere: false })}
        initialDraft={suggestion ?? undefined}
        onDraftChange={draftChanged}
        activeModel={activeModel}
      />
      <ScoringLab
        {...lab}
        draft={draft?.draft ?? null}
        draftDirty={draft?.dirty ?? false}
        activeVersion={active.version}
        now={now}
        rescoring={rescoring}
        onUseRules={(ruleSet) => setLoaded((previous) => ({ ...ruleSet, onVersion: active.version, serial: (previous?.serial ?? 0) + 1 }))}
        onRescoreStarted={(jobId, subject) => setRescore({ jobId, version: active.version, subject, running: true, startedHere: true })}
      />
      <VersionHistory versions={versions} nextVersion={nextVersion} rescoring={rescoring} now={now} onRestored={started} />
    </div>
  );
}
